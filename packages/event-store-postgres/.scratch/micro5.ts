import { startTestDatabase } from '@crm/test-database';
import { openPgTestStore } from '../src/pg-test-store.ts';
import { functionDefinitions } from '../src/functions.ts';

const database = await startTestDatabase({ fast: false, postgresFlags: ['-c', 'synchronous_commit=off'] });
const { pool, close } = await openPgTestStore(database.url, { poolSize: 8 });
const fn = functionDefinitions[0] as string;
const noIdem = (t: string) => t.replace(/RETURN QUERY\s+SELECT 'existing'[\s\S]*?END IF;/, '');
const noNotify = (t: string) => t.replace(/PERFORM pg_notify[^;]*;/, '');
const variants: Record<string, string> = {
  full: fn,
  noNotify: noNotify(fn),
  noIdem: noIdem(fn),
  bare: noNotify(noIdem(fn)),
};
for (const [name, text] of Object.entries(variants)) {
  await pool.query(text.replace('CREATE FUNCTION es_append(', `CREATE FUNCTION es_append_${name}(`));
}
await pool.query(`CREATE TABLE raw_events (transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(), global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_name text NOT NULL, revision bigint NOT NULL, event_id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
const ev = `('[{"i":"' || gen_random_uuid() || '","t":"OrderPlaced","d":{"customerId":"c-1","amount":{"cents":12345,"currency":"EUR"},"lines":[{"sku":"A-1","quantity":2}],"note":"Quarterly renewal, invoiced on delivery"},"m":{"actor":"user-17","correlationId":"5b0b2b5e-4c57-4a35-9c53-0b8d5e6b3a11"}}]')`;
const loop = async (label: string, body: string) => {
  const t = Date.now();
  await pool.query(`DO $$ BEGIN FOR i IN 1..5000 LOOP ${body}; COMMIT; END LOOP; END $$`);
  console.log(label.padEnd(24), (((Date.now() - t) / 5000) * 1000).toFixed(0), 'us/op (server side, incl. commit)');
};
for (let rep = 0; rep < 2; rep++) {
  await loop('raw insert', `INSERT INTO raw_events (stream_name, revision, event_id, type, data, metadata) SELECT 'order-r${rep}' || i, 0, gen_random_uuid(), 'OrderPlaced', (${ev}::jsonb)->0->'d', '{"actor":"user-17"}'`);
  await loop('streams upsert only', `INSERT INTO es_streams AS s (stream_name, revision) VALUES ('x-${rep}' || i, 0) ON CONFLICT (stream_name) DO NOTHING`);
  await loop('streams plain insert', `INSERT INTO es_streams AS s (stream_name, revision) VALUES ('y-${rep}' || i, 0)`);
  for (const name of Object.keys(variants)) {
    await loop(name, `PERFORM * FROM es_append_${name}('order-${name}${rep}' || i, ${ev}::jsonb, 1, 'no_stream', NULL)`);
  }
}
await close();
await database.drop();
