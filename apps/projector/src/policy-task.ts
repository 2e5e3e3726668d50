import {
  type CommandLogger,
  createCommandHandler,
  createPolicyRunner,
  crmPolicies,
  crmPolicyEventTypes,
  crmRoleTable,
  crmRoutingTable,
  type KeyStore,
} from '@crm/command-handling';
import {
  createPostgresCheckpointStore,
  createPostgresCommandOutcomeStore,
  createPostgresSnapshotStore,
} from '@crm/command-handling-postgres';
import type { EventStore } from '@crm/event-store';
import type { OwnedTask } from '@crm/projections';
import type { Kysely } from 'kysely';

/** The policy runner's name: its checkpoint and its ownership lock. */
export const policyTaskName = 'crm_policies';

/**
 * The policy runner of §4.5 as a single-owner task: it reacts to the log's events with
 * commands, through the same command handling as any client, and keeps its checkpoint in the
 * command-handling tables of the event store's database. One instance runs it at a time
 * (command idempotence already makes a second harmless; ownership saves the work).
 */
export const policyTask = <TRead, TStore>(input: {
  readonly eventStore: EventStore;
  /** The event store's database, where command handling keeps outcomes and checkpoints. */
  readonly storeDb: Kysely<TStore>;
  readonly keyStore: KeyStore;
  readonly logger: CommandLogger;
}): OwnedTask<TRead> => ({
  name: policyTaskName,
  run: async (_connection, signal) => {
    const { eventStore, storeDb: db, keyStore, logger } = input;
    const handler = createCommandHandler({
      eventStore,
      routes: crmRoutingTable,
      roles: crmRoleTable,
      keyStore,
      outcomes: createPostgresCommandOutcomeStore({ db }),
      snapshots: createPostgresSnapshotStore({ db }),
      logger,
    });
    const runner = createPolicyRunner({
      name: policyTaskName,
      eventStore,
      handler,
      routes: crmRoutingTable,
      keyStore,
      checkpoints: createPostgresCheckpointStore({ db }),
      policies: crmPolicies,
      eventTypes: crmPolicyEventTypes,
      logger,
    });
    await runner.run(signal);
  },
});
