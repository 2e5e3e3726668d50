import type { Role } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { createMemoryEventStore } from '@crm/event-store-memory';
import type { RoleTable } from '../authorisation/role-table.ts';
import { type CommandHandlerOptions, createCommandHandler } from '../handling/command-handler.ts';
import { routingTable } from '../handling/routing-table.ts';
import type { CommandOutcomeStore } from '../idempotency/command-outcome-store.ts';
import { createInMemoryCommandOutcomeStore } from '../idempotency/in-memory-command-outcome-store.ts';
import { createInMemoryKeyStore } from '../privacy/in-memory-key-store.ts';
import type { KeyStore } from '../privacy/key-store.ts';
import { createInMemorySnapshotStore } from '../snapshots/in-memory-snapshot-store.ts';
import type { SnapshotStore } from '../snapshots/snapshot-store.ts';
import { type AccountError, type AccountEvent, accountRoute } from './account-route.ts';

const none = [] as const;

/** Tellers may run every account command on any account; clerks only on accounts they own. */
export const accountRoles: RoleTable = {
  admin: [{ aggregate: 'account', commands: '*', except: ['EraseHolder'], scope: 'any' }],
  sales_rep: [{ aggregate: 'account', commands: ['OpenAccount', 'Deposit'], scope: 'own' }],
  sales_manager: [{ aggregate: 'account', commands: ['OpenAccount', 'Deposit'], scope: 'any' }],
  service_agent: none,
  marketer: none,
  privacy_officer: [{ aggregate: 'account', commands: ['EraseHolder'], scope: 'any' }],
  auditor: none,
  system: [{ aggregate: 'account', commands: ['Deposit'], scope: 'any' }],
};

/** An actor of a role. */
export const actor = (role: Role, id = `u-${role}`) => ({ id, role });

/** A handler over the account route with in-memory stores, each replaceable. */
export const accountHandler = (
  overrides: Partial<
    Omit<CommandHandlerOptions<AccountEvent, AccountError>, 'routes'> & {
      readonly eventStore: EventStore;
      readonly keyStore: KeyStore;
      readonly outcomes: CommandOutcomeStore;
      readonly snapshots: SnapshotStore;
      readonly snapshotEvery: number;
    }
  > = {},
) => {
  const eventStore = overrides.eventStore ?? createMemoryEventStore();
  const keyStore = overrides.keyStore ?? createInMemoryKeyStore();
  const outcomes = overrides.outcomes ?? createInMemoryCommandOutcomeStore();
  const snapshots = overrides.snapshots ?? createInMemorySnapshotStore();
  const routes = routingTable([
    accountRoute(
      overrides.snapshotEvery === undefined ? {} : { snapshotEvery: overrides.snapshotEvery },
    ),
  ]);
  const handler = createCommandHandler({
    roles: accountRoles,
    clock: () => new Date('2026-03-01T09:00:00.000Z'),
    ...overrides,
    eventStore,
    keyStore,
    outcomes,
    snapshots,
    routes,
  });
  return { ...handler, eventStore, keyStore, outcomes, snapshots, routes };
};

/** Commands of the account aggregate, with fixed instants. */
export const open = (accountId: string, ownerId = 'u-sales_rep', holderName = 'Ada Lovelace') => ({
  type: 'OpenAccount',
  data: { accountId, holderName, ownerId, at: '2026-03-01T09:00:00Z' },
});
export const deposit = (accountId: string, amount: number, memo?: string) => ({
  type: 'Deposit',
  data: { accountId, amount, at: '2026-03-01T10:00:00Z', ...(memo === undefined ? {} : { memo }) },
});
export const eraseHolder = (accountId: string) => ({
  type: 'EraseHolder',
  data: { accountId, at: '2026-03-02T10:00:00Z' },
});
