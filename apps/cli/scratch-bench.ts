import {
  createCommandHandler,
  createInMemorySnapshotStore,
  crmRoleTable,
  crmRoutingTable,
  eventIdFor,
  routingTable,
} from '@crm/command-handling';
import {
  createPostgresCommandOutcomeStore,
  createPostgresKeyStore,
  createPostgresSnapshotStore,
  migrateCommandHandling,
} from '@crm/command-handling-postgres';
import { type EventId, policyCommandId } from '@crm/domain';
import {
  createPostgresEventStore,
  migrateEventStore,
  pgNotifications,
} from '@crm/event-store-postgres';
import { generateCrmHistory } from '@crm/seed';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { cachingKeyStore } from './src/demo/caching-key-store.ts';
import { startEmbeddedDatabase } from './src/demo/embedded-database.ts';
import { writeHistory } from './src/demo/write-history.ts';
import { writeThroughSnapshots } from './src/demo/write-through-snapshots.ts';

const counts = new Map<string, number>();
const origQuery = pg.Client.prototype.query;
(pg.Client.prototype as any).query = function (this: unknown, ...args: any[]) {
  const text = typeof args[0] === 'string' ? args[0] : (args[0]?.text ?? '?');
  const key = String(text).replace(/\s+/g, ' ').slice(0, 90);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  return (origQuery as any).apply(this, args);
};
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
const every = Number(process.env.SNAP_EVERY ?? 100);
const routes = routingTable(
  crmRoutingTable.routes.map((r) => ({
    ...r,
    snapshots: r.snapshots === undefined ? undefined : { ...r.snapshots, every },
  })),
);
const baseKeys = createPostgresKeyStore({ db });
const { handle } = createCommandHandler({
  eventStore,
  routes,
  roles: crmRoleTable,
  keyStore: process.env.CACHE_KEYS === '1' ? cachingKeyStore(baseKeys) : baseKeys,
  outcomes: createPostgresCommandOutcomeStore({ db }),
  snapshots:
    process.env.SNAP_MEM === '1'
      ? writeThroughSnapshots(createPostgresSnapshotStore({ db }))
      : createPostgresSnapshotStore({ db }),
});
const tg = Date.now();
let n = 0;
for (const _ of generateCrmHistory({ seed: 'x', customers, months: 24, startAt: '2024-01-01' }))
  n++;
console.log('generate only', n, Date.now() - tg, 'ms');
const history = generateCrmHistory({
  seed: 'x',
  customers,
  months: 24,
  startAt: '2024-01-01',
  commandIdPrefix: 'b',
  policyCommandId: ({ policy, triggerCommandId, triggerEventIndex }) =>
    policyCommandId(policy, eventIdFor(triggerCommandId, triggerEventIndex) as EventId),
});
const t1 = Date.now();
const c1 = process.cpuUsage();
const out = await writeHistory(history, {
  handle: handle as never,
  concurrency,
  signal: new AbortController().signal,
  onProgress: () => {},
});
const s = (Date.now() - t1) / 1000;
const c2 = process.cpuUsage(c1);
console.log(
  'node cpu ms/command user',
  (c2.user / 1000 / out.commands).toFixed(3),
  'system',
  (c2.system / 1000 / out.commands).toFixed(3),
);
console.log(
  'written',
  out.commands,
  'events',
  out.events,
  'refused',
  out.refusedCount,
  JSON.stringify(out.refused.map((r) => [r.command.command.type, r.result])).slice(0, 600),
  s,
  's',
  Math.round(out.commands / s),
  '/s',
);
await eventStore.close();
await db.destroy();
await embedded.stop().catch(() => {});
