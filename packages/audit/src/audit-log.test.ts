import {
  createCommandHandler,
  createInMemoryCommandOutcomeStore,
  createInMemoryKeyStore,
  crmRoleTable,
  crmRoutingTable,
} from '@crm/command-handling';
import { createMemoryEventStore } from '@crm/event-store-memory';
import { describe, expect, it } from 'vitest';
import { isAuditError } from './audit-error.ts';
import { auditLog } from './audit-log.ts';
import { parsePointInHistory } from './point-in-history.ts';
import { stateAt } from './state-at.ts';
import { streamHistory } from './stream-history.ts';

const setUp = async () => {
  const eventStore = createMemoryEventStore();
  const keyStore = createInMemoryKeyStore();
  const { handle } = createCommandHandler({
    eventStore,
    routes: crmRoutingTable,
    roles: crmRoleTable,
    keyStore,
    outcomes: createInMemoryCommandOutcomeStore(),
  });
  const rep = { id: 'u-jo', role: 'sales_rep' };
  const send = async (commandId: string, command: unknown, actor = rep, occurredAt?: string) => {
    const result = await handle(command, {
      commandId,
      actor,
      ...(occurredAt === undefined ? {} : { occurredAt }),
    });
    expect(result.kind).toBe('accepted');
  };
  await send(
    'cmd-1',
    {
      type: 'RegisterCustomer',
      data: {
        customerId: 'c-1',
        party: { kind: 'person', givenName: 'Ada', familyName: 'Lovelace' },
        acquisition: { source: 'website', channel: 'organic_search' },
        ownerId: 'u-jo',
        email: 'ada@example.org',
        at: '2025-01-10T09:00:00Z',
      },
    },
    rep,
    '2025-01-10T09:00:00Z',
  );
  await send(
    'cmd-2',
    { type: 'AddCustomerTag', data: { customerId: 'c-1', tag: 'vip', at: '2025-02-01T09:00:00Z' } },
    rep,
    '2025-02-01T09:00:00Z',
  );
  await send(
    'cmd-3',
    {
      type: 'ErasePersonalData',
      data: { customerId: 'c-1', reason: 'GDPR request', at: '2025-03-01T09:00:00Z' },
    },
    { id: 'u-kim', role: 'privacy_officer' },
    '2025-03-01T09:00:00Z',
  );
  return auditLog({ eventStore, keyStore });
};

describe('the story of a stream', () => {
  it('gives each event with who, when, why, revision and position, erased fields marked', async () => {
    const log = await setUp();
    const history = await streamHistory(log, 'customer-c-1');
    expect(history.entries.map((e) => [e.revision, e.type, e.actor.id, e.occurredAt])).toEqual([
      [0, 'CustomerRegistered', 'u-jo', '2025-01-10T09:00:00Z'],
      [1, 'CustomerTagged', 'u-jo', '2025-02-01T09:00:00Z'],
      [2, 'CustomerPersonalDataErased', 'u-kim', '2025-03-01T09:00:00Z'],
    ]);
    expect(history.entries[2]?.why).toBe('command cmd-3: GDPR request');
    expect(history.entries[0]?.erasedPaths).toContain('data.email');
    expect(history.entries[0]?.position).toMatch(/^\d+\/\d+$/);
  });

  it('names an unknown or malformed stream', async () => {
    const log = await setUp();
    await expect(streamHistory(log, 'customer-nobody')).rejects.toSatisfy((e) =>
      isAuditError(e, 'StreamNotFound'),
    );
    await expect(streamHistory(log, 'invoice-1')).rejects.toThrow(
      '"invoice-1" is not a CRM stream',
    );
  });
});

describe('the state at a point', () => {
  it('folds up to a revision or an instant', async () => {
    const log = await setUp();
    const atRevision = await stateAt(log, 'customer-c-1', parsePointInHistory('1'));
    expect(atRevision).toMatchObject({ revision: 1, eventsApplied: 2, eventsAfter: 1 });
    expect((atRevision.state as { tags: unknown }).tags).toEqual(['vip']);
    const before = await stateAt(log, 'customer-c-1', parsePointInHistory('2025-01-31'));
    expect(before).toMatchObject({ revision: 0, eventsApplied: 1 });
    const empty = await stateAt(log, 'customer-c-1', parsePointInHistory('2024-12-31'));
    expect(empty).toMatchObject({ revision: undefined, eventsApplied: 0 });
  });

  it('refuses a revision the stream does not have', async () => {
    const log = await setUp();
    await expect(stateAt(log, 'customer-c-1', parsePointInHistory('9'))).rejects.toThrow(
      'customer-c-1 has no revision 9; its last is 2.',
    );
  });
});
