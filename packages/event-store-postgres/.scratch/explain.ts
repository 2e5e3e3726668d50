import { startTestDatabase } from '@crm/test-database';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { migrateEventStore } from '../src/schema.ts';
import { readLogSql } from '../src/statements.ts';

const database = await startTestDatabase({ fast: false, postgresFlags: ['-c', 'synchronous_commit=off'] });
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
await migrateEventStore(db);
await pool.query(`DO $$ BEGIN FOR t IN 0..159 LOOP INSERT INTO es_events (stream_name, revision, event_id, type, data, metadata) SELECT 'order-l' || t, n, gen_random_uuid(), 'OrderPlaced', '{"a":1}', '{}' FROM generate_series(0, 99) n; COMMIT; PERFORM pg_sleep(0); END LOOP; END $$`);
// no analyze
for (const text of [readLogSql(false, false), 'SELECT * FROM es_events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) ORDER BY transaction_id, global_position LIMIT $3']) {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, SUMMARY) ${text}`, ['0', '0', 1000]);
  console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
}
await pool.end();
await database.drop();
