import { randomUUID } from 'node:crypto';
import { startTestDatabase } from '@crm/test-database';
import { openPgTestStore } from '../src/pg-test-store.ts';
import { appendSql, appendBatchJson } from '../src/statements.ts';
import { validateAppend } from '@crm/event-store';

const database = await startTestDatabase({ fast: false, postgresFlags: ['-c', 'synchronous_commit=off'] });
const { store, pool, db, close } = await openPgTestStore(database.url, { poolSize: 8 });
const time = async (label: string, n: number, fn: (i: number) => Promise<unknown>) => {
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(label.padEnd(40), (n / s).toFixed(0), 'ops/s', ((s / n) * 1e6).toFixed(0), 'us');
};
await pool.query(`CREATE TABLE raw_events (transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(), global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_name text NOT NULL, revision bigint NOT NULL, event_id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
const data = { customerId: 'c-1', amount: { cents: 12345, currency: 'EUR' }, lines: [{ sku: 'A-1', quantity: 2 }], note: 'Quarterly renewal, invoiced on delivery' };
const meta = { actor: 'user-17', correlationId: '5b0b2b5e-4c57-4a35-9c53-0b8d5e6b3a11' };
const run = randomUUID().slice(0, 6);
for (let rep = 0; rep < 3; rep++) {
  await time('raw insert', 2000, (i) => pool.query('INSERT INTO raw_events (stream_name, revision, event_id, type, data, metadata) VALUES ($1,$2,$3,$4,$5,$6)', [`order-${run}r${rep}_${i}`, 0, randomUUID(), 'OrderPlaced', JSON.stringify(data), JSON.stringify(meta)]));
  await time('fn via pool', 2000, (i) => { const b = validateAppend('order-x', [{ eventId: randomUUID(), type: 'OrderPlaced', data, metadata: meta }], undefined).events; return pool.query(appendSql, [`order-${run}p${rep}_${i}`, appendBatchJson(b), 1, 'no_stream', null]); });
  await time('store.append', 2000, (i) => store.append(`order-${run}s${rep}_${i}`, [{ eventId: randomUUID(), type: 'OrderPlaced', data, metadata: meta }], { expectedRevision: 'no_stream' }));
  await time('store.append any', 2000, (i) => store.append(`order-${run}a${rep}_${i}`, [{ eventId: randomUUID(), type: 'OrderPlaced', data, metadata: meta }]));
}
await close();
await database.drop();
