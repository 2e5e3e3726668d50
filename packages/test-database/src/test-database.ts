import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own on a shared server, for one test file or one benchmark. */
export interface TestDatabase {
  /** Connection string of the new database. */
  readonly url: string;
  /** Its name: `crm_test_<prefix>_<random>`. */
  readonly name: string;
  /** Drops it (closing any connection still open to it); safe to call twice. */
  readonly drop: () => Promise<void>;
}

const withMaintenanceClient = async <T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/**
 * Creates a fresh, empty database on the server `serverUrl` points to (any database of it; the
 * user needs CREATEDB). Each test file gets its own, so files can run in parallel against one
 * server without seeing each other's rows.
 */
export const createTestDatabase = async (
  serverUrl: string,
  prefix = 'db',
): Promise<TestDatabase> => {
  const cleanPrefix = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 30);
  const name = `crm_test_${cleanPrefix}_${randomBytes(6).toString('hex')}`;
  await withMaintenanceClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`),
  );
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    name,
    drop: () => {
      dropped ??= withMaintenanceClient(serverUrl, async (client) => {
        // A pool that has just ended closes its sockets after its `end()` resolves; forcing the
        // drop then terminates those sessions, and the FATAL message that reaches a closing
        // client is an uncaught `error` event. Let them go first (a few seconds at most).
        for (let attempt = 0; attempt < 40; attempt += 1) {
          const { rows } = await client.query<{ readonly sessions: number }>(
            'SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if ((rows[0]?.sessions ?? 0) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      });
      return dropped;
    },
  };
};
