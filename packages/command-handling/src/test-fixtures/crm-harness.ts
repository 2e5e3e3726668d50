import type { EventStore } from '@crm/event-store';
import { createMemoryEventStore } from '@crm/event-store-memory';
import { crmRoleTable } from '../crm/crm-role-table.ts';
import { crmRoutingTable } from '../crm/crm-routing-table.ts';
import { createCommandHandler } from '../handling/command-handler.ts';
import { createDomainEventReader } from '../handling/domain-event-reader.ts';
import { createInMemoryCommandOutcomeStore } from '../idempotency/in-memory-command-outcome-store.ts';
import { createInMemoryKeyStore } from '../privacy/in-memory-key-store.ts';
import { createInMemorySnapshotStore } from '../snapshots/in-memory-snapshot-store.ts';
import type { ScenarioStep } from '../testing/crm-scenario.ts';

/** The CRM's routes and role table over in-memory stores. */
export const crmHarness = (eventStore: EventStore = createMemoryEventStore()) => {
  const keyStore = createInMemoryKeyStore();
  const outcomes = createInMemoryCommandOutcomeStore();
  const snapshots = createInMemorySnapshotStore();
  const handler = createCommandHandler({
    eventStore,
    routes: crmRoutingTable,
    roles: crmRoleTable,
    keyStore,
    outcomes,
    snapshots,
  });
  const reader = createDomainEventReader({ eventStore, keyStore, routes: crmRoutingTable });
  const run = async (steps: ReadonlyArray<ScenarioStep>) => {
    const results = [];
    for (const { command, context } of steps) results.push(await handler.handle(command, context));
    return results;
  };
  return { ...handler, eventStore, keyStore, outcomes, snapshots, reader, run };
};

/** Everything a store holds, as one string (positions' bigints as text). */
export const jsonDump = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? item.toString() : item,
  );
