// A policy runner as a process of its own, for the crash test: the test kills it with SIGKILL
// at random moments and starts it again. Not part of the package's API.
import {
  createCommandHandler,
  createPolicyRunner,
  crmPolicies,
  crmPolicyEventTypes,
  crmRoleTable,
  crmRoutingTable,
} from '@crm/command-handling';
import { comparePositions } from '@crm/event-store';
import { createPostgresEventStore, pgNotifications } from '@crm/event-store-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPostgresCheckpointStore } from './postgres-checkpoint-store.ts';
import { createPostgresCommandOutcomeStore } from './postgres-command-outcome-store.ts';
import { createPostgresKeyStore } from './postgres-key-store.ts';
import { createPostgresSnapshotStore } from './postgres-snapshot-store.ts';

const url = process.env.RUNNER_DATABASE_URL;
if (url === undefined) throw new Error('RUNNER_DATABASE_URL is not set');
const pool = new pg.Pool({ connectionString: url, max: 4 });
const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
const eventStore = createPostgresEventStore({ db, notifications: pgNotifications(pool) });
const keyStore = createPostgresKeyStore({ db });
const handler = createCommandHandler({
  eventStore,
  routes: crmRoutingTable,
  roles: crmRoleTable,
  keyStore,
  outcomes: createPostgresCommandOutcomeStore({ db }),
  snapshots: createPostgresSnapshotStore({ db }),
  leaseMs: 200,
});
const checkpoints = createPostgresCheckpointStore({ db });
const runner = createPolicyRunner({
  name: 'crm-policies',
  eventStore,
  handler,
  routes: crmRoutingTable,
  keyStore,
  checkpoints,
  policies: crmPolicies,
  eventTypes: crmPolicyEventTypes,
  retry: { baseDelayMs: 10, maxDelayMs: 100 },
});
const stop = new AbortController();
let failure: unknown;
const running = runner.run(stop.signal).catch((error: unknown) => {
  failure = error;
});
process.stdout.write('started\n');
if (process.env.RUNNER_UNTIL_CAUGHT_UP === '1') {
  const target = (await eventStore.readAll({ filter: { eventTypes: crmPolicyEventTypes } })).at(-1);
  for (;;) {
    // A runner that died cannot catch up: report it instead of waiting for ever.
    if (failure !== undefined) throw failure;
    const at = await checkpoints.load('crm-policies');
    if (target === undefined || (at !== undefined && comparePositions(at, target.position) >= 0))
      break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  stop.abort();
  await running;
  await eventStore.close();
  await db.destroy();
  process.stdout.write('caught up\n');
} else {
  await running;
  if (failure !== undefined) throw failure;
}
