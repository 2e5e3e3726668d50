import { createMemoryEventStore } from '@crm/event-store-memory';
import pino from 'pino';
import { expect, it } from 'vitest';
// The README's example, kept runnable: the README quotes the lines between the markers.
import {
  createCommandHandler,
  createDomainEventReader,
  createInMemoryCommandOutcomeStore,
  createInMemoryKeyStore,
  createInMemorySnapshotStore,
  crmRoleTable,
  crmRoutingTable,
  verifyHashChain,
} from './index.ts';

it('runs the README example', async () => {
  // readme-start
  const eventStore = createMemoryEventStore(); // or the PostgreSQL / EventStoreDB store
  const keyStore = createInMemoryKeyStore(); // or createPostgresKeyStore({ db })
  const { handle } = createCommandHandler({
    eventStore,
    routes: crmRoutingTable,
    roles: crmRoleTable,
    keyStore,
    outcomes: createInMemoryCommandOutcomeStore(),
    snapshots: createInMemorySnapshotStore(),
  });
  const logger = pino({ level: 'silent' });
  const register = {
    type: 'RegisterCustomer',
    data: {
      customerId: 'c-1',
      party: { kind: 'person', givenName: 'Ada', familyName: 'Lovelace' },
      acquisition: { source: 'website', channel: 'organic_search' },
      ownerId: 'u-jo',
      email: 'ada@example.org',
      at: '2026-03-01T09:00:00Z',
    },
  };
  const context = { commandId: 'cmd-1', actor: { id: 'u-jo', role: 'sales_rep' }, logger };

  const result = await handle(register, context);
  // { kind: 'accepted', streamName: 'customer-c-1', revision: 0, events: [CustomerRegistered] }
  const again = await handle(register, context); // same command id: the same outcome, no new event

  await handle(
    {
      type: 'ErasePersonalData',
      data: { customerId: 'c-1', reason: 'GDPR request', at: '2026-04-01T09:00:00Z' },
    },
    { commandId: 'cmd-2', actor: { id: 'u-kim', role: 'privacy_officer' }, logger },
  );
  const reader = createDomainEventReader({ eventStore, keyStore, routes: crmRoutingTable });
  const history = await reader.readStream('customer-c-1'); // email: { _tag: 'ErasedValue', … }
  const audit = await verifyHashChain(eventStore, { all: true }); // { ok: true, … }
  // readme-end

  expect(result).toMatchObject({ kind: 'accepted', streamName: 'customer-c-1', revision: 0 });
  expect(again).toEqual(result);
  expect(history).toMatchObject({ right: [{ data: { email: { _tag: 'ErasedValue' } } }, {}] });
  expect(audit).toMatchObject({ ok: true, eventsChecked: 2 });
});
