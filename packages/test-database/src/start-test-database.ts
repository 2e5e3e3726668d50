import type { EmbeddedServerOptions } from './embedded-postgres-server.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { startTestServer } from './test-server.ts';

/**
 * A fresh database on a server of its own (or on `DATABASE_URL`'s server), for scripts outside
 * vitest such as benchmarks. `drop()` drops the database and stops the embedded server.
 *
 * @example
 * const database = await startTestDatabase({ fast: false });
 * try { await run(database.url); } finally { await database.drop(); }
 */
export const startTestDatabase = async (
  options: EmbeddedServerOptions & { readonly prefix?: string } = {},
): Promise<TestDatabase> => {
  const server = await startTestServer(options);
  try {
    const database = await createTestDatabase(server.url, options.prefix);
    return {
      ...database,
      drop: () => database.drop().finally(server.stop),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
};
