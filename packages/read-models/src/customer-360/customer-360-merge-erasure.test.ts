import type { CurrencyCode, DomainEvent } from '@crm/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  line,
  on,
  openDeal,
  registerCustomer,
  winDeal,
} from '../projection-kit/testing/commands.ts';
import { eventHistory } from '../projection-kit/testing/event-history.ts';
import {
  expectRebuildsToMatch,
  projectionHarness,
} from '../projection-kit/testing/projection-harness.ts';
import { customer360Projection } from './projection.ts';
import {
  customer360ByEmail,
  customer360ById,
  customer360ByNamePrefix,
  customer360ByPhone,
} from './queries.ts';
import { anaHistory } from './test-history.ts';

const projection = customer360Projection({
  reportingCurrency: 'EUR' as CurrencyCode,
  timeZone: 'UTC',
});
const harness = await projectionHarness(projection);
const { db } = harness;

beforeEach(async () => {
  await harness.reset();
});

const ids = (found: {
  readonly _tag: string;
  readonly customers?: ReadonlyArray<{ readonly customerId: string }>;
}) => found.customers?.map((customer) => customer.customerId);

const duplicates = () =>
  eventHistory()
    .run(
      'customer',
      registerCustomer('c-main', on('2025-01-02'), {
        familyName: 'Okafor',
        phone: '+44 20 7946 0018',
      }),
      registerCustomer('c-dupe', on('2025-01-05'), {
        familyName: 'Okafor',
        phone: '+44 20 7946 0999',
        email: 'okafor@example.com',
      }),
    )
    .run(
      'deal',
      openDeal('d-main', 'c-main', on('2025-01-06'), [line('p-1', 1, 1_000, 400)]),
      winDeal('d-main', on('2025-01-07')),
      openDeal('d-dupe', 'c-dupe', on('2025-01-08'), [line('p-1', 2, 1_000, 400)]),
      winDeal('d-dupe', on('2025-01-09')),
    )
    .run('ticket', {
      type: 'OpenTicket',
      data: {
        ticketId: 't-dupe',
        customerId: 'c-dupe',
        subject: 'Where is my order?',
        description: 'Order d-dupe has not arrived.',
        channel: 'phone',
        category: 'question',
        priority: 'normal',
        at: on('2025-01-10'),
      },
    })
    .run('customer', {
      type: 'MergeCustomerInto',
      data: { customerId: 'c-dupe', survivorId: 'c-main', at: on('2025-01-11') },
    })
    .run('customer', {
      type: 'RecordDuplicateAbsorbed',
      data: { customerId: 'c-main', duplicateId: 'c-dupe', at: on('2025-01-11') },
    });

describe('merged customers', () => {
  it('answers a look-up of the duplicate with its survivor, which shows the duplicate’s orders and tickets', async () => {
    await harness.apply(duplicates().events(), 4);

    const byPhone = await customer360ByPhone(db, '+44 20 7946 0999');
    expect(ids(byPhone)).toEqual(['c-main']);
    expect(ids(await customer360ByEmail(db, 'OKAFOR@example.com'))).toEqual(['c-main']);
    expect((await customer360ByNamePrefix(db, 'oka')).map((c) => c.customerId)).toEqual(['c-main']);
    const main = await customer360ById(db, 'c-main');
    expect(main).toMatchObject({
      mergedDuplicates: ['c-dupe'],
      deals: { won: 2 },
      won: { revenueMinor: 3_000n, profitMinor: 1_800n },
      tickets: { open: 1, total: 1 },
    });
    expect(main?.orders.map((order) => [order.dealId, order.customerId])).toEqual([
      ['d-dupe', 'c-dupe'],
      ['d-main', 'c-main'],
    ]);
    expect(main?.timeline.some((entry) => entry.customerId === 'c-dupe')).toBe(true);
    // The duplicate is a tombstone pointing at its survivor; its own history stays.
    expect(await customer360ById(db, 'c-dupe')).toMatchObject({
      mergedInto: 'c-main',
      deals: { won: 1 },
    });
  });

  it('separates them again when the merge is reverted', async () => {
    const history = duplicates().run('customer', {
      type: 'RevertCustomerMerge',
      data: { customerId: 'c-dupe', reason: 'not the same person', at: on('2025-01-20') },
    });
    await harness.apply(history.events());

    expect(ids(await customer360ByPhone(db, '+44 20 7946 0999'))).toEqual(['c-dupe']);
    expect(await customer360ById(db, 'c-main')).toMatchObject({
      mergedDuplicates: [],
      deals: { won: 1 },
    });
    expect(await customer360ById(db, 'c-dupe')).toMatchObject({
      mergedInto: null,
      deals: { won: 1 },
    });
  });
});

describe('erased customers', () => {
  const erased = () =>
    anaHistory()
      .run('customer', {
        type: 'ErasePersonalData',
        data: { customerId: 'c-ana', reason: 'GDPR article 17 request', at: on('2025-03-01') },
      })
      // The decider refuses new personal data after erasure; a late event must still not bring it back.
      .append('customer-c-ana', {
        type: 'InteractionRecorded',
        version: 1,
        data: {
          customerId: 'c-ana',
          interactionId: 'call-9',
          channel: 'call',
          direction: 'inbound',
          summary: 'Ana Lopez called again',
          by: 'user-rep',
          at: on('2025-03-02'),
        },
      } as DomainEvent)
      .run('ticket', {
        type: 'OpenTicket',
        data: {
          ticketId: 't-9',
          customerId: 'c-ana',
          subject: 'Ana Lopez wants a refund',
          description: 'Refund please.',
          channel: 'email',
          category: 'complaint',
          priority: 'high',
          at: on('2025-03-03'),
        },
      });

  const personal = [
    'Ana',
    'Lopez',
    'ana.lopez',
    '7183',
    'Leeds',
    'Main St',
    'mornings only',
    'Order of c-ana',
    'scratched',
    'replace the chair',
    'Chair replaced',
    'table?',
    'refund',
    'called again',
  ];

  it('holds no personal data: every personal column and every timeline summary is null', async () => {
    await harness.apply(erased().events(), 9);

    const view = await customer360ById(db, 'c-ana');
    expect(view).toMatchObject({
      name: null,
      email: null,
      phone: null,
      address: null,
      erasedAt: '2025-03-01T09:00:00.000Z',
      preferences: { preferredChannel: 'email', custom: {} },
      lastCommunication: { reference: 'call-9', summary: null },
      nextFollowUp: { followUpId: 'fu-2', note: null },
      // Business facts stay.
      won: { revenueMinor: 89_000n },
      tickets: { total: 3 },
      loyalty: { balance: 70 },
    });
    expect(view?.timeline.every((entry) => entry.summary === null)).toBe(true);
    expect(view?.orders.every((order) => order.title === null)).toBe(true);
    expect(ids(await customer360ByPhone(db, '+44 20 7183 8750'))).toEqual([]);
    expect(ids(await customer360ByEmail(db, 'ana.lopez@example.com'))).toEqual([]);
    expect(await customer360ByNamePrefix(db, 'lop')).toEqual([]);

    const stored = JSON.stringify(await harness.dump());
    for (const text of personal) expect(stored).not.toContain(text);
    // The other customer of the history keeps hers.
    expect(stored).toContain('Lindqvist');
  });
});

describe('rebuild', () => {
  it('gives the same tables in one batch, one event at a time, and with every event delivered twice', async () => {
    const history = duplicates()
      .run('customer', {
        type: 'RevertCustomerMerge',
        data: { customerId: 'c-dupe', reason: 'different people', at: on('2025-01-20') },
      })
      .run('deal', {
        type: 'CorrectWonDeal',
        data: {
          dealId: 'd-main',
          reason: 'one more unit',
          lineItems: [line('p-1', 2, 1_000, 400)],
          at: on('2025-01-21'),
        },
      });
    const events = [...anaHistory().events(), ...history.events()].map((event, n) => ({
      ...event,
      position: { commit: BigInt(n + 1), prepare: BigInt(n + 1) },
    }));
    const erase = {
      ...events[0],
      position: { commit: BigInt(events.length + 1), prepare: 0n },
      event: {
        type: 'CustomerPersonalDataErased',
        version: 1,
        data: { customerId: 'c-ana', reason: 'request', at: on('2025-04-01') },
      },
    } as (typeof events)[number];
    const all = [...events, erase];

    await harness.apply(all);
    const once = await harness.dump();
    expect((await customer360ById(db, 'c-main'))?.orders[0]).toMatchObject({
      revenueMinor: 2_000,
      corrections: 1,
    });
    await expectRebuildsToMatch(harness, all, once, 7, all.slice(10, 30));
  });
});
