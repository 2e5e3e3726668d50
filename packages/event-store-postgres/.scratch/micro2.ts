import { randomUUID } from 'node:crypto';
import { startTestDatabase } from '@crm/test-database';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { migrateEventStore } from '../src/schema.ts';
import { appendBatchJson, readLogSql } from '../src/statements.ts';
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
await pool.query(`
CREATE FUNCTION es_append(p_stream text, p_events jsonb, p_count bigint, p_kind text, p_expected bigint)
RETURNS TABLE (outcome text, event_id text, revision bigint, transaction_id text, global_position text)
LANGUAGE plpgsql AS $fn$
DECLARE v_revision bigint;
BEGIN
  RETURN QUERY SELECT 'existing', e.event_id::text, e.revision, e.transaction_id::text, e.global_position::text
    FROM es_events e
    WHERE e.stream_name = p_stream
      AND e.event_id IN (SELECT (b.x->>'i')::uuid FROM jsonb_array_elements(p_events) AS b(x));
  IF FOUND THEN RETURN; END IF;
  IF p_kind = 'any' THEN
    INSERT INTO es_streams AS s (stream_name, revision) VALUES (p_stream, p_count - 1)
    ON CONFLICT (stream_name) DO UPDATE SET revision = s.revision + p_count WHERE NOT s.deleted
    RETURNING s.revision INTO v_revision;
  ELSIF p_kind = 'no_stream' THEN
    INSERT INTO es_streams AS s (stream_name, revision) VALUES (p_stream, p_count - 1)
    ON CONFLICT (stream_name) DO NOTHING
    RETURNING s.revision INTO v_revision;
  ELSIF p_kind = 'stream_exists' THEN
    UPDATE es_streams AS s SET revision = s.revision + p_count
    WHERE s.stream_name = p_stream AND NOT s.deleted RETURNING s.revision INTO v_revision;
  ELSE
    UPDATE es_streams AS s SET revision = s.revision + p_count
    WHERE s.stream_name = p_stream AND NOT s.deleted AND s.revision = p_expected
    RETURNING s.revision INTO v_revision;
  END IF;
  IF v_revision IS NULL THEN RETURN; END IF;
  RETURN QUERY WITH inserted AS (
    INSERT INTO es_events (stream_name, revision, event_id, type, data, metadata)
    SELECT p_stream, v_revision - p_count + b.n, (b.x->>'i')::uuid, b.x->>'t', b.x->'d', b.x->'m'
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS b(x, n)
    ORDER BY b.n
    RETURNING es_events.revision, es_events.transaction_id, es_events.global_position
  )
  SELECT 'appended', NULL::text, i.revision, i.transaction_id::text, i.global_position::text
  FROM inserted i WHERE i.revision = v_revision;
  PERFORM pg_notify('es_events', '');
END $fn$`);
const run = randomUUID().slice(0, 6);
await time('raw insert', 3000, (i) => pool.query('INSERT INTO es_events (stream_name, revision, event_id, type, data, metadata) VALUES ($1,$2,$3,$4,$5,$6)', [`raw-${run}r${i}`, 0, randomUUID(), 'OrderPlaced', JSON.stringify({ a: 1, note: 'hello there' }), JSON.stringify({ actor: 'u' })]));
for (const mode of ['no_stream', 'any'] as const) {
  await time(`fn ${mode}`, 3000, (i) => pool.query('SELECT * FROM es_append($1, $2, $3, $4, $5)', [`order-${run}${mode}${i}`, appendBatchJson(ev()), 1, mode, null]));
  await time(`fn ${mode} kysely`, 3000, (i) => db.executeQuery({ sql: 'SELECT * FROM es_append($1, $2, $3, $4, $5)', parameters: [`order-${run}${mode}k${i}`, appendBatchJson(ev()), 1, mode, null], query: { kind: 'RawNode' } as never, queryId: { queryId: 'x' } }));
}
const r = await pool.query('SELECT * FROM es_append($1, $2, $3, $4, $5)', [`order-${run}zz`, appendBatchJson(ev()), 1, 'no_stream', null]);
console.log(r.rows);
const r2 = await pool.query('SELECT * FROM es_append($1, $2, $3, $4, $5)', [`order-${run}zz`, appendBatchJson(ev()), 1, 'no_stream', null]);
console.log(r2.rows);
// reads
const text = readLogSql(false, false);
await time('read page 1000 unnamed', 300, () => pool.query(text, ['0', '0', 1000]));
await time('read page 1000 prepared', 300, () => pool.query({ name: 'rl', text, values: ['0', '0', 1000] }));
await time('read page 1000 raw', 300, () => pool.query('SELECT * FROM es_events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) ORDER BY transaction_id, global_position LIMIT 1000', ['0', '0']));
await pool.end();
await database.drop();
