import { PGlite } from '@electric-sql/pglite';

/**
 * An in-memory PGlite (PostgreSQL compiled to WebAssembly, in this process). Creating one costs
 * a few seconds, so share one per test file; close it when done.
 */
export const createTestPglite = (): Promise<PGlite> => PGlite.create();
