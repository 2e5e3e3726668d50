import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres-server.ts';
import { serverUrlKey } from './provided-context.ts';
import { createTestDatabase } from './test-database.ts';
import { useTestDatabase } from './use-test-database.ts';
import { useTestPglite } from './use-test-pglite.ts';

const database = await useTestDatabase('self');
const pglite = await useTestPglite();

const query = async (
  url: string,
  text: string,
): Promise<ReadonlyArray<Record<string, unknown>>> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
};

describe('useTestDatabase', () => {
  it('gives the file a fresh, empty database of its own on the run server', async () => {
    expect(database.name).toMatch(/^crm_test_self_[0-9a-f]{12}$/);
    const [row] = await query(database.url, 'SELECT current_database() AS name, version() AS v');
    expect(row?.name).toBe(database.name);
    const tables = await query(
      database.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables).toEqual([]);
  });

  it('keeps databases apart: a table in one is not in another', async () => {
    const other = await createTestDatabase(inject(serverUrlKey), 'other');
    try {
      await query(database.url, 'CREATE TABLE only_here (id int)');
      const tables = await query(
        other.url,
        "SELECT table_name FROM information_schema.tables WHERE table_name = 'only_here'",
      );
      expect(tables).toEqual([]);
    } finally {
      await other.drop();
    }
    const left = await query(
      inject(serverUrlKey),
      `SELECT datname FROM pg_database WHERE datname = '${other.name}'`,
    );
    expect(left).toEqual([]);
  });
});

describe('startEmbeddedPostgres', () => {
  it('starts a server of its own and removes it on stop', async () => {
    const server = await startEmbeddedPostgres();
    const [row] = await query(server.url, 'SHOW server_version_num');
    expect(Number(row?.server_version_num)).toBeGreaterThanOrEqual(180000);
    const [dir] = await query(server.url, 'SHOW data_directory');
    const dataDirectory = String(dir?.data_directory);
    expect(existsSync(dataDirectory)).toBe(true);
    await server.stop();
    await server.stop();
    expect(existsSync(dataDirectory)).toBe(false);
    await expect(query(server.url, 'SELECT 1')).rejects.toThrow();
  });
});

describe('useTestPglite', () => {
  it('gives an in-process PostgreSQL with NOTIFY and snapshot functions', async () => {
    const received: string[] = [];
    const unlisten = await pglite.listen('hello', (payload) => received.push(payload));
    await pglite.query("SELECT pg_notify('hello', 'world')");
    await unlisten();
    expect(received).toEqual(['world']);
    const { rows } = await pglite.query<{ ok: boolean }>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot()) <= pg_current_xact_id() AS ok',
    );
    expect(rows[0]?.ok).toBe(true);
  });
});
