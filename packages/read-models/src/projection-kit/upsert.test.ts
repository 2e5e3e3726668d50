import { useTestDatabase } from '@crm/test-database/vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { addToRows, type ColumnKinds, replaceRows } from './upsert.ts';

interface Tables {
  readonly tallies: { readonly id: string; readonly label: string; readonly amount: string };
}
const kinds: ColumnKinds<Tables['tallies']> = { id: 'text', label: 'text', amount: 'int8' };

const database = await useTestDatabase('upsert');
const db = new Kysely<Tables>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }),
});
await sql`CREATE TABLE tallies (id text PRIMARY KEY, label text NOT NULL, amount bigint NOT NULL)`.execute(
  db,
);
afterAll(async () => {
  await db.destroy();
});

// More rows than one statement's document holds (20,000), so the writes span several.
const rows = (count: number, label: string, amount: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `t-${i}`, label, amount: String(amount) }));

const summary = async () => {
  const { rows: found } = await sql<{ rows: string; labels: string; total: string }>`
    SELECT count(*)::text AS rows, string_agg(DISTINCT label, ',') AS labels,
      sum(amount)::text AS total FROM tallies`.execute(db);
  return found[0];
};

describe('bulk writes of many rows', () => {
  it('replace every row, in as many statements as they need', async () => {
    await db
      .transaction()
      .execute((trx) => replaceRows(trx, 'tallies', ['id'], rows(45_001, 'a', 1), kinds));
    await db
      .transaction()
      .execute((trx) => replaceRows(trx, 'tallies', ['id'], rows(45_001, 'b', 2), kinds));
    expect(await summary()).toEqual({ rows: '45001', labels: 'b', total: '90002' });
  });

  it('add amounts to every row, in as many statements as they need', async () => {
    await db
      .transaction()
      .execute((trx) => addToRows(trx, 'tallies', ['id'], ['amount'], rows(45_001, 'b', 3), kinds));
    expect(await summary()).toEqual({ rows: '45001', labels: 'b', total: String(45_001 * 5) });
  });

  it('leave nothing written when a later statement fails', async () => {
    const bad = [...rows(40_001, 'c', 1), { id: 't-x', label: 'c', amount: 'not a number' }];
    await expect(
      db.transaction().execute((trx) => replaceRows(trx, 'tallies', ['id'], bad, kinds)),
    ).rejects.toThrow();
    expect(await summary()).toEqual({ rows: '45001', labels: 'b', total: String(45_001 * 5) });
  });
});
