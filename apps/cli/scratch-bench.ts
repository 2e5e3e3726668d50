import { createCommandHandler, crmRoleTable, crmRoutingTable, eventIdFor } from '@crm/command-handling';
import { createPostgresCommandOutcomeStore, createPostgresKeyStore, createPostgresSnapshotStore, migrateCommandHandling } from '@crm/command-handling-postgres';
import { type EventId, policyCommandId } from '@crm/domain';
import { createPostgresEventStore, migrateEventStore, pgNotifications } from '@crm/event-store-postgres';
import { generateCrmHistory } from '@crm/seed';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { startEmbeddedDatabase } from './src/demo/embedded-database.ts';
import { writeHistory } from './src/demo/write-history.ts';

const customers = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 12);
const t0 = Date.now();
const embedded = await startEmbeddedDatabase();
console.log('pg up', Date.now() - t0);
const pool = new pg.Pool({ connectionString: embedded.url, max: concurrency + 4 });
const db = new Kysely<never>({ dialect: new PostgresDialect({ pool }) });
await migrateEventStore(db);
await migrateCommandHandling(db);
const eventStore = createPostgresEventStore({ db, notifications: pgNotifications(pool) });
const { handle } = createCommandHandler({
  eventStore, routes: crmRoutingTable, roles: crmRoleTable,
  keyStore: createPostgresKeyStore({ db }),
  outcomes: createPostgresCommandOutcomeStore({ db }),
  snapshots: createPostgresSnapshotStore({ db }),
});
const tg = Date.now();
let n = 0;
for (const _ of generateCrmHistory({ seed: 'x', customers, months: 24, startAt: '2024-01-01' })) n++;
console.log('generate only', n, Date.now() - tg, 'ms');
const history = generateCrmHistory({ seed: 'x', customers, months: 24, startAt: '2024-01-01', commandIdPrefix: 'b',
  policyCommandId: ({ policy, triggerCommandId, triggerEventIndex }) => policyCommandId(policy, eventIdFor(triggerCommandId, triggerEventIndex) as EventId) });
const t1 = Date.now();
const out = await writeHistory(history, { handle: handle as never, concurrency, signal: new AbortController().signal, onProgress: () => {} });
const s = (Date.now() - t1) / 1000;
console.log('written', out.commands, 'events', out.events, 'refused', out.refusedCount, JSON.stringify(out.refused.map(r => [r.command.command.type, r.result])).slice(0, 600), s, 's', Math.round(out.commands / s), '/s');
await eventStore.close(); await db.destroy(); await embedded.stop();
