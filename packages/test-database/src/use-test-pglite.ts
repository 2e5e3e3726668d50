import type { PGlite } from '@electric-sql/pglite';
import { afterAll } from 'vitest';
import { createTestPglite } from './test-pglite.ts';

/** For a vitest file: one in-memory PGlite, closed after the file. Call it at the top level. */
export const useTestPglite = async (): Promise<PGlite> => {
  const pglite = await createTestPglite();
  afterAll(() => pglite.close());
  return pglite;
};
