import { randomUUID } from 'node:crypto';
import { startTestDatabase } from '@crm/test-database';
import { openPgTestStore } from '../src/pg-test-store.ts';
import { appendBatchJson } from '../src/statements.ts';
import { functionDefinitions } from '../src/functions.ts';
import { validateAppend } from '@crm/event-store';

const database = await startTestDatabase({ fast: false, postgresFlags: ['-c', 'synchronous_commit=off'] });
const { pool, close } = await openPgTestStore(database.url, { poolSize: 8 });
const time = async (label: string, n: number, fn: (i: number) => Promise<unknown>) => {
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  return (s / n) * 1e6;
};
const fn = functionDefinitions[0] as string;
const variants: Record<string, string> = {
  full: fn,
  noNotify: fn.replace(/PERFORM pg_notify[^;]*;/, ''),
  noIdem: fn.replace(/RETURN QUERY\s+SELECT 'existing'[\s\S]*?END IF;/, ''),
  noIdemNoNotify: fn.replace(/RETURN QUERY\s+SELECT 'existing'[\s\S]*?END IF;/, '').replace(/PERFORM pg_notify[^;]*;/, ''),
};
for (const [name, text] of Object.entries(variants)) {
  await pool.query(text.replace('CREATE FUNCTION es_append(', `CREATE FUNCTION es_append_${name}(`));
}
await pool.query(`CREATE TABLE raw_events (transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(), global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_name text NOT NULL, revision bigint NOT NULL, event_id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
await pool.query(`CREATE TABLE raw3 (LIKE es_events INCLUDING ALL)`);
await pool.query(`CREATE FUNCTION raw_fn(p_stream text, p_events jsonb) RETURNS TABLE (revision bigint) LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY INSERT INTO raw_events AS r (stream_name, revision, event_id, type, data, metadata) SELECT p_stream, 0, (b.x->>'i')::uuid, b.x->>'t', b.x->'d', b.x->'m' FROM jsonb_array_elements(p_events) b(x) RETURNING r.revision; END $$`);
const data = { customerId: 'c-1', amount: { cents: 12345, currency: 'EUR' }, lines: [{ sku: 'A-1', quantity: 2 }], note: 'Quarterly renewal, invoiced on delivery' };
const meta = { actor: 'user-17', correlationId: '5b0b2b5e-4c57-4a35-9c53-0b8d5e6b3a11' };
const run = randomUUID().slice(0, 6);
const batch = () => appendBatchJson(validateAppend('order-x', [{ eventId: randomUUID(), type: 'OrderPlaced', data, metadata: meta }], undefined).events);
const results: Record<string, number[]> = {};
const record = (k: string, v: number) => { (results[k] ??= []).push(v); };
for (let rep = 0; rep < 4; rep++) {
  record('select1', await time('', 1000, () => pool.query('SELECT 1')));
  record('raw insert', await time('', 1000, (i) => pool.query('INSERT INTO raw_events (stream_name, revision, event_id, type, data, metadata) VALUES ($1,$2,$3,$4,$5,$6)', [`order-${run}r${rep}_${i}`, 0, randomUUID(), 'OrderPlaced', JSON.stringify(data), JSON.stringify(meta)])));
  record('raw insert 3 idx', await time('', 1000, (i) => pool.query('INSERT INTO raw3 (stream_name, revision, event_id, type, data, metadata) VALUES ($1,$2,$3,$4,$5,$6)', [`order-${run}r${rep}_${i}`, 0, randomUUID(), 'OrderPlaced', JSON.stringify(data), JSON.stringify(meta)])));
  record('raw fn', await time('', 1000, (i) => pool.query('SELECT * FROM raw_fn($1, $2)', [`order-${run}f${rep}_${i}`, batch()])));
  for (const name of Object.keys(variants)) {
    record(name, await time('', 1000, (i) => pool.query(`SELECT * FROM es_append_${name}($1, $2, $3, $4, $5)`, [`order-${run}${name}${rep}_${i}`, batch(), 1, 'no_stream', null])));
  }
}
for (const [k, v] of Object.entries(results)) console.log(k.padEnd(20), v.map((x) => x.toFixed(0)).join(' '), 'us');
await close();
await database.drop();
