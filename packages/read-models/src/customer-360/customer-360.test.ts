import type { CurrencyCode, PhoneRegion } from '@crm/domain';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { on } from '../projection-kit/testing/commands.ts';
import { projectionHarness } from '../projection-kit/testing/projection-harness.ts';
import { customer360Projection } from './projection.ts';
import {
  customer360ByEmail,
  customer360ById,
  customer360ByNamePrefix,
  customer360ByPhone,
} from './queries.ts';
import { anaHistory } from './test-history.ts';
import type { Customer360 } from './view.ts';

const projection = customer360Projection(
  { reportingCurrency: 'EUR' as CurrencyCode, timeZone: 'Europe/London' },
  { timelineLength: 10 },
);
const harness = await projectionHarness(projection);
const { db } = harness;
const history = anaHistory();

beforeAll(async () => {
  await harness.apply(history.events(), 10);
});

const ana = async (): Promise<Customer360> => {
  const view = await customer360ById(db, 'c-ana');
  if (view === undefined) throw new Error('c-ana not found');
  return view;
};

describe('look-ups', () => {
  it('finds the caller by phone typed in any common form', async () => {
    for (const typed of ['020 7183 8750', '+44 20 7183 8750', '(020) 7183-8750', '+442071838750']) {
      const found = await customer360ByPhone(db, typed, { defaultRegion: 'GB' as PhoneRegion });
      expect(found).toMatchObject({ _tag: 'Found', searched: '+442071838750' });
      expect(found._tag === 'Found' && found.customers.map((c) => c.customerId)).toEqual(['c-ana']);
    }
    // Without a region a national number cannot be read: a typed error, not an empty answer.
    expect(await customer360ByPhone(db, '020 7183 8750')).toMatchObject({
      _tag: 'InvalidPhoneNumber',
      field: 'phone',
    });
    expect(await customer360ByPhone(db, '+44 20 7946 0000')).toMatchObject({
      _tag: 'Found',
      customers: [],
    });
  });

  it('finds by normalised email and by case-insensitive name prefix', async () => {
    const byEmail = await customer360ByEmail(db, '  ANA.LOPEZ@example.com');
    expect(byEmail._tag === 'Found' && byEmail.customers.map((c) => c.customerId)).toEqual([
      'c-ana',
    ]);
    expect(await customer360ByEmail(db, 'not an email')).toMatchObject({
      _tag: 'InvalidEmailAddress',
    });
    expect((await customer360ByNamePrefix(db, 'LOP')).map((c) => c.customerId)).toEqual(['c-ana']);
    expect((await customer360ByNamePrefix(db, 'an')).map((c) => c.customerId)).toEqual(['c-ana']);
    expect((await customer360ByNamePrefix(db, 'b')).map((c) => c.customerId)).toEqual(['c-bo']);
    expect(await customer360ByNamePrefix(db, '%')).toEqual([]);
    expect(await customer360ById(db, 'c-nobody')).toBeUndefined();
  });

  it('serves the phone, email and name-prefix predicates from indexes', async () => {
    const planOf = async (predicate: ReturnType<typeof sql<boolean>>) =>
      db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const plan = await sql<{
          'QUERY PLAN': string;
        }>`explain select m.customer_id from ${sql.table('customer_360.customers')} as m where ${predicate}`.execute(
          trx,
        );
        return plan.rows.map((row) => row['QUERY PLAN']).join('\n');
      });
    expect(await planOf(sql`m.phone = ${'+442071838750'}`)).toContain('customers_phone');
    expect(await planOf(sql`m.email = ${'ana.lopez@example.com'}`)).toContain('customers_email');
    expect(
      await planOf(
        sql`lower(m.display_name) like ${'ana%'} or lower(m.family_name) like ${'ana%'}`,
      ),
    ).toMatch(/customers_display_name_prefix[\s\S]*customers_family_name_prefix/);
  });
});

describe('the 360° view', () => {
  it('shows profile, owner, tags, lifecycle, preferences and loyalty', async () => {
    const view = await ana();
    expect(view).toMatchObject({
      customerId: 'c-ana',
      kind: 'person',
      name: { display: 'Ana Lopez', givenName: 'Ana', familyName: 'Lopez', legalName: null },
      email: 'ana.lopez@example.com',
      phone: '+442071838750',
      address: { lines: ['1 Main St'], city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' },
      acquisition: { source: 'test', channel: 'direct' },
      ownerId: 'user-owner',
      tags: ['vip'],
      lifecycle: {
        stage: 'customer',
        since: '2025-02-01T09:00:00.000Z',
        furthestStage: 'customer',
      },
      mergedInto: null,
      erasedAt: null,
      preferences: {
        preferredChannel: 'email',
        language: 'en-GB',
        optOuts: [],
        custom: { call_window: 'mornings only' },
      },
      loyalty: { balance: 70, earned: 100, redeemed: 30 },
      interactionCount: 1,
    });
  });

  it('lists each won deal as an order with its delivery and payment status, and what is owed', async () => {
    const view = await ana();
    expect(
      view.orders.map((order) => [
        order.dealId,
        order.deliveryStatus,
        order.paymentStatus,
        order.outstandingMinor,
      ]),
    ).toEqual([
      ['d-1', 'partially_delivered', 'partially_paid', 50_000],
      ['d-3', 'not_delivered', 'not_invoiced', 0],
      ['d-2', 'fully_delivered', 'paid', 0],
    ]);
    expect(view.orders[0]).toMatchObject({
      title: 'Order of c-ana',
      revenueMinor: 80_000,
      costMinor: 48_000,
      profitMinor: 32_000,
      ordered: [
        { productId: 'p-chair', quantity: 3 },
        { productId: 'p-table', quantity: 1 },
      ],
      delivered: [{ productId: 'p-chair', quantity: 2 }],
      invoicedMinor: 80_000,
      paidMinor: 30_000,
    });
    expect(view.outstandingBalance).toEqual([{ currency: 'EUR', amountMinor: 50_000n }]);
  });

  it('sums won revenue and profit in the reporting currency at each deal’s recorded rate', async () => {
    const view = await ana();
    // d-1 800.00 EUR (profit 320.00) + d-2 100.00 USD × 0.9 = 90.00 EUR (profit 45.00).
    expect(view.won).toEqual({
      revenueMinor: 89_000n,
      costMinor: 52_500n,
      profitMinor: 36_500n,
      unconverted: [{ currency: 'GBP', deals: 1, revenueMinor: 4_000n, profitMinor: 3_000n }],
    });
    expect(view.orders.find((order) => order.dealId === 'd-2')).toMatchObject({
      exchangeRate: { base: 'USD', quote: 'EUR', rate: '0.9' },
      reportingRevenueMinor: 9_000,
      reportingProfitMinor: 4_500,
    });
    expect(view.deals).toEqual({
      open: 2,
      won: 3,
      lost: 1,
      // d-4 200.00 at 10 % and d-5 100.00 at 50 %.
      pipeline: [{ currency: 'EUR', valueMinor: 30_000n, weightedMinor: 7_000n }],
    });
  });

  it('counts tickets, SLA breaches, CSAT from ticket ratings and surveys apart, and NPS', async () => {
    const view = await ana();
    // t-1 missed its first-response clock (checked at noon) and was resolved after its 4-hour clock.
    expect(view.tickets).toEqual({ open: 1, total: 2, slaBreaches: 2 });
    expect(view.satisfaction).toEqual({
      csat: {
        ticketRatings: { count: 1, average: 2 },
        surveys: { count: 1, average: 4 },
        combined: { count: 2, average: 3 },
      },
      nps: { count: 2, average: 7.5, latest: 6, latestAt: '2025-02-25T09:00:00.000Z' },
    });
  });

  it('counts campaign touches and conversions, and shows the next follow-up', async () => {
    const view = await ana();
    expect(view.campaigns).toEqual({ memberships: 1, touches: 1, conversions: 1 });
    expect((await customer360ById(db, 'c-bo'))?.campaigns).toEqual({
      memberships: 1,
      touches: 0,
      conversions: 0,
    });
    expect(view.nextFollowUp).toEqual({
      followUpId: 'fu-2',
      customerId: 'c-ana',
      dueAt: '2025-03-01T09:00:00.000Z',
      assigneeId: 'user-rep',
      note: null,
    });
    expect(view.openFollowUps).toBe(2);
  });

  it('shows the last communication and a bounded recent-activity timeline, newest first', async () => {
    const view = await ana();
    expect(view.lastCommunication).toEqual({
      source: 'interaction',
      reference: 'call-1',
      channel: 'call',
      direction: 'inbound',
      summary: 'Asked when the chairs arrive',
      by: 'user-rep',
      at: '2025-02-10T09:00:00.000Z',
    });
    expect(view.timeline).toHaveLength(10);
    expect(view.timeline.slice(0, 4).map((entry) => [entry.title, entry.summary])).toEqual([
      ['Ticket opened (question, low, phone)', 'Question about the table'],
      ['NPS 6', null],
      ['Deal moved qualification → proposal', null],
      ['Deal opened: 100.00 EUR', 'Order of c-ana'],
    ]);
    const stored = await db
      .selectFrom('timeline')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('customer_id', '=', 'c-ana')
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(10);
    // The row counts its entries, so that only customers past the limit are trimmed.
    const counted = await db
      .selectFrom('customers')
      .select('timeline_entries')
      .where('customer_id', '=', 'c-ana')
      .executeTakeFirstOrThrow();
    expect(counted.timeline_entries).toBe(10);
    expect((await customer360ById(db, 'c-ana', { timelineLimit: 3 }))?.timeline).toHaveLength(3);
  });

  it('takes a later public ticket reply as the last communication, but not a contact logged late', async () => {
    const more = history
      .run('ticket', {
        type: 'ReplyToTicket',
        data: {
          ticketId: 't-2',
          replyId: 'r-3',
          author: { kind: 'customer' },
          visibility: 'public',
          body: 'Any news on the table?',
          at: on('2025-02-27'),
        },
      })
      .run('customer', {
        type: 'RecordInteraction',
        data: {
          customerId: 'c-ana',
          interactionId: 'visit-0',
          channel: 'visit',
          direction: 'inbound',
          summary: 'Logged late: visited the shop in January',
          by: 'user-rep',
          at: on('2025-01-15'),
        },
      })
      .events();
    await harness.apply(more.slice(-2));
    const view = await ana();
    expect(view.lastCommunication).toMatchObject({
      source: 'ticket_reply',
      reference: 't-2',
      channel: 'phone',
      direction: 'inbound',
      summary: 'Any news on the table?',
      by: null,
    });
    expect(view.interactionCount).toBe(2);
  });
});

// Runs last: it replaces the tables under the prepared look-ups.
describe('prepared look-ups', () => {
  const callerIds = async (kysely: typeof db) => {
    const found = await customer360ByPhone(kysely, '020 7183 8750', {
      defaultRegion: 'GB' as PhoneRegion,
    });
    return found._tag === 'Found' ? found.customers.map((c) => c.customerId) : found;
  };

  it('answer inside a transaction too, unprepared', async () => {
    expect(await db.transaction().execute((trx) => callerIds(trx))).toEqual(['c-ana']);
  });

  it('keep answering when a rebuild replaces the tables, even with other columns', async () => {
    for (let i = 0; i < 4; i += 1) expect(await callerIds(db)).toEqual(['c-ana']);
    await harness.reset();
    await sql`alter table ${sql.table('customer_360.customers')} add column extra int4`.execute(db);
    for (let i = 0; i < 4; i += 1) expect(await callerIds(db)).toEqual([]);
    await harness.apply(history.events(), 10);
    for (let i = 0; i < 4; i += 1) expect(await callerIds(db)).toEqual(['c-ana']);
    expect((await customer360ByEmail(db, 'ana.lopez@example.com'))._tag).toBe('Found');
  });
});
