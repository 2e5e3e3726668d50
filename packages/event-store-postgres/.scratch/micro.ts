import { randomUUID } from 'node:crypto';
import { startTestDatabase } from '@crm/test-database';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { migrateEventStore } from '../src/schema.ts';
import { appendSql, appendBatchJson } from '../src/statements.ts';
import { validateAppend } from '@crm/event-store';

const database = await startTestDatabase({ fast: false, postgresFlags: ['-c', 'synchronous_commit=off'] });
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
await migrateEventStore(db);
const time = async (label: string, n: number, fn: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < 200; i++) await fn(-i - 1);
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(label.padEnd(40), (n / s).toFixed(0), 'ops/s', ((s / n) * 1e6).toFixed(0), 'us');
};
const ev = () => validateAppend('order-x', [{ eventId: randomUUID(), type: 'OrderPlaced', data: { a: 1, note: 'hello there' }, metadata: { actor: 'u' } }], undefined).events;
await pool.query(`CREATE TABLE raw_events (transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(), global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_name text NOT NULL, revision bigint NOT NULL, event_id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
const run = randomUUID().slice(0, 6);
await time('select 1', 3000, () => pool.query('SELECT 1'));
await time('raw insert', 3000, (i) => pool.query('INSERT INTO raw_events (stream_name, revision, event_id, type, data, metadata) VALUES ($1,$2,$3,$4,$5,$6)', [`order-${run}r${i}`, 0, randomUUID(), 'OrderPlaced', JSON.stringify({ a: 1, note: 'hello there' }), JSON.stringify({ actor: 'u' })]));
for (const mode of ['no_stream', 'any'] as const) {
  const text = appendSql(mode);
  await time(`append ${mode}`, 3000, (i) => { const e = ev(); return pool.query(text, [`order-${run}${mode}${i}`, appendBatchJson(e), 1]); });
  const noNotify = text.replace("SELECT pg_notify('es_events', '') FROM stream", 'SELECT 1 FROM stream');
  await time(`append ${mode} no notify`, 3000, (i) => { const e = ev(); return pool.query(noNotify, [`order-${run}${mode}nn${i}`, appendBatchJson(e), 1]); });
  await time(`append ${mode} prepared`, 3000, (i) => { const e = ev(); return pool.query({ name: `p${mode}`, text, values: [`order-${run}${mode}p${i}`, appendBatchJson(e), 1] }); });
}
const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, SUMMARY) ${appendSql('no_stream')}`, [`order-${run}explain`, appendBatchJson(ev()), 1]);
console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
await pool.end();
await database.drop();
