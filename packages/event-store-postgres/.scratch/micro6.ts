import { randomUUID } from 'node:crypto';
import { startTestDatabase } from '@crm/test-database';
import { openPgTestStore } from '../src/pg-test-store.ts';
import { functionDefinitions } from '../src/functions.ts';

const database = await startTestDatabase({ fast: false, postgresFlags: ['-c', 'synchronous_commit=off'] });
const { pool, store, close } = await openPgTestStore(database.url, { poolSize: 8 });
const fn = functionDefinitions[0] as string;
const noIdem = (t: string) => t.replace(/RETURN QUERY\s+SELECT 'existing'[\s\S]*?END IF;/, '');
const noNotify = (t: string) => t.replace(/PERFORM pg_notify[^;]*;/, '');
const variants: Record<string, string> = { full: fn, noNotify: noNotify(fn), noIdem: noIdem(fn), bare: noNotify(noIdem(fn)) };
for (const [name, text] of Object.entries(variants)) await pool.query(text.replace('CREATE FUNCTION es_append(', `CREATE FUNCTION es_append_${name}(`));
await pool.query(`CREATE TABLE raw_events (transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(), global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_name text NOT NULL, revision bigint NOT NULL, event_id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
await pool.query(`CREATE FUNCTION raw_fn(p_stream text, p_events jsonb) RETURNS TABLE (revision bigint) LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY INSERT INTO raw_events AS r (stream_name, revision, event_id, type, data, metadata) SELECT p_stream, 0, (b.x->>'i')::uuid, b.x->>'t', b.x->'d', b.x->'m' FROM jsonb_array_elements(p_events) b(x) RETURNING r.revision; END $$`);
const data = { customerId: 'c-1', amount: { cents: 12345, currency: 'EUR' }, lines: [{ sku: 'A-1', quantity: 2 }], note: 'Quarterly renewal, invoiced on delivery' };
const meta = { actor: 'user-17', correlationId: '5b0b2b5e-4c57-4a35-9c53-0b8d5e6b3a11' };
const batch = () => `[{"i":"${randomUUID()}","t":"OrderPlaced","d":${JSON.stringify(data)},"m":${JSON.stringify(meta)}}]`;
const ops: Record<string, (i: number) => Promise<unknown>> = {
  select1: () => pool.query('SELECT 1'),
  select1params: () => pool.query('SELECT $1::text, $2::jsonb', ['a', batch()]),
  raw: (i) => pool.query('INSERT INTO raw_events (stream_name, revision, event_id, type, data, metadata) VALUES ($1,$2,$3,$4,$5,$6)', [`order-r${i}`, 0, randomUUID(), 'OrderPlaced', JSON.stringify(data), JSON.stringify(meta)]),
  rawFn: (i) => pool.query('SELECT * FROM raw_fn($1, $2)', [`order-f${i}`, batch()]),
  ...Object.fromEntries(Object.keys(variants).map((name) => [name, (i: number) => pool.query(`SELECT * FROM es_append_${name}($1, $2, $3, $4, $5)`, [`order-${name}${i}`, batch(), 1, 'no_stream', null])])),
  store: (i) => store.append(`order-s${i}`, [{ eventId: randomUUID(), type: 'OrderPlaced', data, metadata: meta }], { expectedRevision: 'no_stream' }),
};
const totals: Record<string, bigint> = {};
for (let i = 0; i < 3000; i++) {
  for (const [name, op] of Object.entries(ops)) {
    const t = process.hrtime.bigint();
    await op(i);
    totals[name] = (totals[name] ?? 0n) + (process.hrtime.bigint() - t);
  }
}
for (const [k, v] of Object.entries(totals)) console.log(k.padEnd(16), (Number(v) / 3000 / 1000).toFixed(0), 'us');
await close();
await database.drop();
