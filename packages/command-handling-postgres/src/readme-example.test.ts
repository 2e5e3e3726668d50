import { createCommandHandler, crmRoleTable, crmRoutingTable } from '@crm/command-handling';
import {
  createPostgresEventStore,
  migrateEventStore,
  pgNotifications,
} from '@crm/event-store-postgres';
import { useTestDatabase } from '@crm/test-database/vitest';
import { expect, it } from 'vitest';

const database = await useTestDatabase('ch_readme');

it('runs the README example', async () => {
  const url = database.url;
  // readme-start
  const { Kysely, PostgresDialect } = await import('kysely');
  const { default: pg } = await import('pg');
  const {
    createPostgresCheckpointStore,
    createPostgresCommandOutcomeStore,
    createPostgresKeyStore,
    createPostgresSnapshotStore,
    migrateCommandHandling,
  } = await import('./index.ts');

  const pool = new pg.Pool({ connectionString: url });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  await migrateEventStore(db);
  await migrateCommandHandling(db); // ch_keys, ch_snapshots, ch_command_outcomes, ch_checkpoints

  const eventStore = createPostgresEventStore({ db, notifications: pgNotifications(pool) });
  const { handle } = createCommandHandler({
    eventStore,
    routes: crmRoutingTable,
    roles: crmRoleTable,
    keyStore: createPostgresKeyStore({ db }), // add { masterKey } to wrap keys at rest
    outcomes: createPostgresCommandOutcomeStore({ db }),
    snapshots: createPostgresSnapshotStore({ db }),
  });
  const checkpoints = createPostgresCheckpointStore({ db }); // for createPolicyRunner
  // readme-end

  const result = await handle(
    {
      type: 'RegisterCustomer',
      data: {
        customerId: 'c-1',
        party: { kind: 'company', legalName: 'Acme Ltd' },
        acquisition: { source: 'fair', channel: 'event' },
        ownerId: 'u-jo',
        at: '2026-03-01T09:00:00Z',
      },
    },
    { commandId: 'cmd-1', actor: { id: 'u-jo', role: 'sales_rep' } },
  );
  expect(result).toMatchObject({ kind: 'accepted', revision: 0 });
  expect(await checkpoints.load('nobody')).toBeUndefined();
  await eventStore.close();
  await db.destroy();
});
