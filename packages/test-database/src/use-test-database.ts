import { afterAll, inject } from 'vitest';
import { serverUrlKey } from './provided-context.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { startTestServer } from './test-server.ts';

/**
 * For a vitest file: a fresh database of its own on the run's server, dropped after the file.
 * Call it at the top level of the file (or in a `describe`), since it registers `afterAll`.
 * Without the package's global setup it starts a server for this file alone.
 *
 * @example
 * const database = await useTestDatabase();
 * const pool = new pg.Pool({ connectionString: database.url });
 */
export const useTestDatabase = async (prefix = 'file'): Promise<TestDatabase> => {
  // `undefined` when the run has no global setup.
  const provided: string | undefined = inject(serverUrlKey);
  const server =
    provided === undefined
      ? await startTestServer()
      : { url: provided, stop: async () => undefined };
  const database = await createTestDatabase(server.url, prefix);
  afterAll(async () => {
    await database.drop();
    await server.stop();
  });
  return database;
};
