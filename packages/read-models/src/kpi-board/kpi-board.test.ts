import type { CurrencyCode } from '@crm/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { dealWinner } from '../projection-kit/testing/commands.ts';
import {
  type EventHistory,
  eventHistory,
  type PlainCommand,
} from '../projection-kit/testing/event-history.ts';
import {
  expectSameTablesHoweverDelivered,
  projectionHarness,
} from '../projection-kit/testing/projection-harness.ts';
import { addMonths, monthsFrom } from './calendar-month.ts';
import { kpiBoardProjection } from './projection.ts';
import {
  kpiBoard,
  leadConversionByMonth,
  retentionByMonth,
  salesGrowthByMonth,
  satisfactionByMonth,
} from './queries.ts';

const harness = await projectionHarness(
  kpiBoardProjection({ reportingCurrency: 'EUR' as CurrencyCode, timeZone: 'Europe/Berlin' }),
);
beforeEach(() => harness.reset());

const noon = (date: string): string => `${date}T12:00:00Z`;
const customer = (
  type: string,
  customerId: string,
  at: string,
  data: Record<string, unknown> = {},
): PlainCommand => ({
  type,
  data: { customerId, ...data, at },
});
const register = (customerId: string, date: string): PlainCommand =>
  customer('RegisterCustomer', customerId, noon(date), {
    party: { kind: 'company', legalName: `Company ${customerId}` },
    acquisition: { source: 'fair', channel: 'event' },
    ownerId: 'ana',
  });
const becomeCustomer = (customerId: string, at: string) =>
  customer('AdvanceLifecycleStage', customerId, at, { stage: 'customer' });
const churn = (customerId: string, at: string) =>
  customer('ChurnCustomer', customerId, at, { reason: 'Went elsewhere' });

/*
 * k1 stays; k2 churns in January; k3 churns and is won back within January; k4 first becomes a
 * customer in January; k5 is merged into k1 in January; k6 never becomes a customer; k7 churns
 * at 23:00 UTC on 31 December, the first instant of January in Berlin.
 */
const customers = (history: EventHistory): EventHistory =>
  history.run(
    'customer',
    ...['k1', 'k2', 'k3', 'k5', 'k6', 'k7'].map((id) => register(id, '2024-10-05')),
    register('k4', '2024-12-05'),
    becomeCustomer('k1', noon('2024-11-05')),
    becomeCustomer('k2', noon('2024-11-10')),
    churn('k2', noon('2025-01-15')),
    becomeCustomer('k3', noon('2024-11-12')),
    churn('k3', noon('2025-01-03')),
    customer('ReactivateCustomer', 'k3', noon('2025-01-20'), { reason: 'Came back' }),
    becomeCustomer('k4', noon('2025-01-05')),
    becomeCustomer('k5', noon('2024-12-01')),
    customer('MergeCustomerInto', 'k5', noon('2025-01-10'), { survivorId: 'k1' }),
    churn('k6', noon('2024-12-15')),
    becomeCustomer('k7', noon('2024-11-20')),
    churn('k7', '2024-12-31T23:00:00Z'),
  );

const survey = (surveyId: string, kind: 'csat' | 'nps', value: number, at: string) =>
  customer('RecordSatisfactionScore', 'k1', at, { surveyId, score: { kind, value } });

const answers = (history: EventHistory): EventHistory => {
  history.run(
    'customer',
    survey('s1', 'csat', 4, noon('2025-01-08')),
    survey('s2', 'csat', 5, noon('2025-01-09')),
    survey('s3', 'nps', 10, noon('2025-01-10')),
    survey('s4', 'nps', 9, noon('2025-01-11')),
    survey('s5', 'nps', 8, noon('2025-01-12')),
    survey('s6', 'nps', 3, noon('2025-01-13')),
    // 23:30 UTC on 31 December is January in Berlin.
    survey('s7', 'nps', 10, '2024-12-31T23:30:00Z'),
  );
  return history.run(
    'ticket',
    {
      type: 'OpenTicket',
      data: {
        ticketId: 't1',
        customerId: 'k1',
        subject: 'Late parcel',
        description: 'Where is it?',
        channel: 'phone',
        category: 'question',
        priority: 'normal',
        at: noon('2025-01-14'),
      },
    },
    {
      type: 'ResolveTicket',
      data: { ticketId: 't1', resolution: 'Found it', at: noon('2025-01-15') },
    },
    { type: 'RateTicket', data: { ticketId: 't1', score: 3, at: noon('2025-01-16') } },
  );
};

/** Opens and wins one deal of `amount` for the customer, won at `at`. */
const won = dealWinner('2023-01-01T00:00:00Z');

const sales = (
  history: EventHistory,
): { readonly history: EventHistory; readonly lateJanuary: string } => {
  won(history, 'k1', noon('2023-12-15'), 100_00);
  won(history, 'k1', noon('2024-01-10'), 50_00);
  won(history, 'k1', noon('2024-12-10'), 100_00);
  // 100.00 USD at 0.8 EUR per USD.
  won(history, 'k2', noon('2024-12-12'), 100_00, 'USD', { base: 'USD', quote: 'EUR', rate: '0.8' });
  // 23:30 UTC on New Year's Eve: January 2025 in Berlin.
  won(history, 'k3', '2024-12-31T23:30:00Z', 200_00);
  const lateJanuary = won(history, 'k3', noon('2025-01-20'), 100_00);
  won(history, 'k4', noon('2025-01-21'), 70_00, 'GBP');
  return { history, lateJanuary };
};

/** Corrects the won deal's price to 150.00 on 1 March 2025. */
const correctTo150 = (history: EventHistory, dealId: string): EventHistory =>
  history.run('deal', {
    type: 'CorrectWonDeal',
    data: {
      dealId,
      reason: 'Price was 150.00',
      lineItems: [
        {
          productId: 'p-1',
          quantity: 1,
          unitPrice: { amountMinor: 150_00, currency: 'EUR' },
          unitCost: { amountMinor: 0, currency: 'EUR' },
        },
      ],
      at: noon('2025-03-01'),
    },
  });

describe('KPI board', () => {
  it('gives retention: of those active at the start of the month, the share still active at its end', async () => {
    await harness.apply(customers(eventHistory()).events());
    const retention = await retentionByMonth(harness.db, {
      fromMonth: '2024-11',
      toMonth: '2025-02',
    });
    expect(retention).toEqual([
      { month: '2024-11', activeAtStart: 0, retained: 0, rate: null },
      { month: '2024-12', activeAtStart: 4, retained: 4, rate: 1 },
      // k1, k2, k3, k5, k7 at the start; k1 and k3 (won back) at the end.
      { month: '2025-01', activeAtStart: 5, retained: 2, rate: 0.4 },
      { month: '2025-02', activeAtStart: 3, retained: 3, rate: 1 },
    ]);
  });

  it('gives lead conversion by registration month and conversions per month', async () => {
    await harness.apply(customers(eventHistory()).events());
    const conversion = await leadConversionByMonth(harness.db, {
      fromMonth: '2024-10',
      toMonth: '2025-01',
    });
    expect(conversion).toEqual([
      // k5, merged away, is left out: k1, k2, k3, k6, k7 registered; all but k6 converted.
      { month: '2024-10', registered: 5, converted: 4, rate: 0.8, conversionsInMonth: 0 },
      { month: '2024-11', registered: 0, converted: 0, rate: null, conversionsInMonth: 4 },
      { month: '2024-12', registered: 1, converted: 1, rate: 1, conversionsInMonth: 0 },
      { month: '2025-01', registered: 0, converted: 0, rate: null, conversionsInMonth: 1 },
    ]);
  });

  it('gives average CSAT (surveys and ticket ratings) and NPS per month', async () => {
    await harness.apply(answers(customers(eventHistory())).events());
    const [december, january] = await satisfactionByMonth(harness.db, {
      fromMonth: '2024-12',
      toMonth: '2025-01',
    });
    expect(december).toEqual({
      month: '2024-12',
      csatResponses: 0,
      averageCsat: null,
      npsResponses: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
    });
    // CSAT (4 + 5 + 3) / 3; NPS: 3 promoters, 1 passive, 1 detractor of 5 → 60 % − 20 %.
    expect(january).toEqual({
      month: '2025-01',
      csatResponses: 3,
      averageCsat: 4,
      npsResponses: 5,
      promoters: 3,
      passives: 1,
      detractors: 1,
      nps: 40,
    });
  });

  it('gives won revenue per month with growth across the year boundary', async () => {
    await harness.apply(sales(eventHistory()).history.events());
    const growth = await salesGrowthByMonth(harness.db, {
      fromMonth: '2024-12',
      toMonth: '2025-01',
    });
    expect(growth).toEqual([
      {
        month: '2024-12',
        revenueMinor: 180_00n,
        deals: 2,
        buyingCustomers: 2,
        monthOverMonth: null,
        // December 2023: 100.00.
        yearOverYear: 0.8,
        unconverted: [],
      },
      {
        month: '2025-01',
        revenueMinor: 300_00n,
        deals: 2,
        buyingCustomers: 1,
        monthOverMonth: (300_00 - 180_00) / 180_00,
        // January 2024: 50.00.
        yearOverYear: 5,
        unconverted: [{ currency: 'GBP', deals: 1, revenueMinor: 70_00n }],
      },
    ]);
  });

  it('restates the month of the win when a won deal is corrected', async () => {
    const { history, lateJanuary } = sales(eventHistory());
    await harness.apply(correctTo150(history, lateJanuary).events());
    const [january, february, march] = await salesGrowthByMonth(harness.db, {
      fromMonth: '2025-01',
      toMonth: '2025-03',
    });
    expect([january?.revenueMinor, february?.revenueMinor, march?.revenueMinor]).toEqual([
      350_00n,
      0n,
      0n,
    ]);
    expect(february?.monthOverMonth).toBe(-1);
    expect(march?.monthOverMonth).toBeNull();
  });

  it('puts every KPI of a month on one board line', async () => {
    const history = sales(answers(customers(eventHistory()))).history;
    await harness.apply(history.events());
    const [january] = await kpiBoard(harness.db, { fromMonth: '2025-01', toMonth: '2025-01' });
    expect(january?.month).toBe('2025-01');
    expect(january?.retention.rate).toBe(0.4);
    expect(january?.satisfaction.nps).toBe(40);
    expect(january?.sales.yearOverYear).toBe(5);
    expect(january?.leadConversion.conversionsInMonth).toBe(1);
    await expect(
      kpiBoard(harness.db, { fromMonth: '2025-02', toMonth: '2025-01' }),
    ).rejects.toThrow(RangeError);
    await expect(kpiBoard(harness.db, { fromMonth: '2025-1', toMonth: '2025-01' })).rejects.toThrow(
      RangeError,
    );
  });

  it('counts months across year boundaries', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 13)).toBe('2026-01');
    expect(monthsFrom('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('builds the same tables in one batch, one event at a time, with every event twice, and through a rebuild fold', async () => {
    const { history, lateJanuary } = sales(customers(eventHistory()));
    // The answers put the correction batches after its win: a batch loads the deal from its
    // table, the fold must still hold it.
    answers(history);
    await expectSameTablesHoweverDelivered(harness, correctTo150(history, lateJanuary).events(), 6);
  });
});
