import type { CurrencyCode } from '@crm/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  advance,
  churn,
  line,
  loseDeal,
  on,
  openDeal,
  reactivate,
  registerCustomer,
  winDeal,
} from '../projection-kit/testing/commands.ts';
import { eventHistory } from '../projection-kit/testing/event-history.ts';
import {
  expectRebuildsToMatch,
  projectionHarness,
} from '../projection-kit/testing/projection-harness.ts';
import { lifecycleFunnelProjection } from './projection.ts';
import {
  dealPipelineFunnel,
  lifecycleStagesNow,
  registrationCohorts,
  stageConversionRates,
  stageEntriesByMonth,
  timeInStage,
} from './queries.ts';

const projection = lifecycleFunnelProjection({
  reportingCurrency: 'EUR' as CurrencyCode,
  timeZone: 'Europe/Berlin',
});
const harness = await projectionHarness(projection);
const { db } = harness;

const advanceDeal = (dealId: string, at: string) => ({
  type: 'AdvanceDealStage',
  data: { dealId, at },
});

/*
 * c-1 goes all the way to customer and churns; c-2 becomes a customer and stays; c-3 is
 * marketing-qualified; c-4 is a lead registered at 23:30 UTC on 31 January, which is already
 * February in Berlin; c-5 jumps straight to customer, churns and is won back; c-6 is a duplicate
 * of c-1, merged away, and counts nowhere.
 */
const history = eventHistory()
  .run(
    'customer',
    registerCustomer('c-1', on('2025-01-05')),
    registerCustomer('c-2', on('2025-01-07')),
    registerCustomer('c-6', on('2025-01-05')),
    advance('c-1', 'marketing_qualified', on('2025-01-10')),
    advance('c-2', 'marketing_qualified', on('2025-01-17')),
    advance('c-1', 'sales_qualified', on('2025-01-20')),
    registerCustomer('c-4', on('2025-01-31', '23:30:00')),
    advance('c-1', 'opportunity', on('2025-02-01')),
    registerCustomer('c-3', on('2025-02-03')),
    advance('c-2', 'sales_qualified', on('2025-02-06')),
    advance('c-2', 'opportunity', on('2025-02-10')),
    registerCustomer('c-5', on('2025-02-11')),
    advance('c-3', 'marketing_qualified', on('2025-02-13')),
    advance('c-1', 'customer', on('2025-02-15')),
    advance('c-2', 'customer', on('2025-02-20')),
    advance('c-5', 'customer', on('2025-03-01')),
    churn('c-5', on('2025-03-05')),
    churn('c-1', on('2025-03-10')),
    reactivate('c-5', on('2025-03-20')),
    advance('c-6', 'customer', on('2025-03-21')),
    {
      type: 'MergeCustomerInto',
      data: { customerId: 'c-6', survivorId: 'c-1', at: on('2025-03-22') },
    },
  )
  .run(
    'deal',
    openDeal('d-1', 'c-1', on('2025-02-01'), [line('p-1', 1, 10_000, 5_000)]),
    advanceDeal('d-1', on('2025-02-02')),
    advanceDeal('d-1', on('2025-02-03')),
    winDeal('d-1', on('2025-02-15')),
    openDeal('d-2', 'c-2', on('2025-02-10'), [line('p-1', 2, 10_000, 5_000)]),
    advanceDeal('d-2', on('2025-02-11')),
    openDeal('d-3', 'c-2', on('2025-02-12'), [line('p-2', 1, 5_000, 1_000, 'USD')], 'USD'),
    openDeal('d-4', 'c-3', on('2025-02-14'), [line('p-1', 1, 8_000, 4_000)]),
    { type: 'MoveDealToStage', data: { dealId: 'd-4', stage: 'proposal', at: on('2025-02-15') } },
    loseDeal('d-4', on('2025-02-20')),
    openDeal('d-5', 'c-4', on('2025-02-14'), [line('p-2', 1, 3_000, 1_000, 'USD')], 'USD'),
    winDeal('d-5', on('2025-02-16'), { base: 'USD', quote: 'EUR', rate: '0.9' }),
    openDeal('d-6', 'c-5', on('2025-02-14'), [line('p-2', 1, 1_000, 100, 'GBP')], 'GBP'),
    winDeal('d-6', on('2025-02-16')),
  );

beforeAll(async () => {
  await harness.reset();
  await harness.apply(history.events(), 7);
});

describe('lifecycle funnel with a churned customer', () => {
  it('keeps the current stage apart from the furthest stage reached', async () => {
    expect(await lifecycleStagesNow(db)).toEqual([
      { stage: 'lead', current: 1, furthest: 1, reached: 5 },
      { stage: 'marketing_qualified', current: 1, furthest: 1, reached: 4 },
      { stage: 'sales_qualified', current: 0, furthest: 0, reached: 3 },
      { stage: 'opportunity', current: 0, furthest: 0, reached: 3 },
      // Three reached customer, but one churned and one was won back: one is a customer now.
      { stage: 'customer', current: 1, furthest: 3, reached: 3 },
      { stage: 'advocate', current: 0, furthest: 0, reached: 0 },
      { stage: 'churned', current: 1, furthest: null, reached: null },
      { stage: 'reactivated', current: 1, furthest: null, reached: null },
    ]);
  });

  it('gives stage-to-stage conversion rates over those who reached each stage', async () => {
    expect(
      (await stageConversionRates(db)).map((c) => [c.from, c.reachedFrom, c.reachedTo, c.rate]),
    ).toEqual([
      ['lead', 5, 4, 0.8],
      ['marketing_qualified', 4, 3, 0.75],
      ['sales_qualified', 3, 3, 1],
      ['opportunity', 3, 3, 1],
      ['customer', 3, 0, 0],
    ]);
    const january = await stageConversionRates(db, { fromMonth: '2025-01', toMonth: '2025-01' });
    expect(january[0]).toMatchObject({ reachedFrom: 2, reachedTo: 2, rate: 1 });
  });

  it('counts entries per stage per calendar month in the reporting time zone', async () => {
    expect(
      (await stageEntriesByMonth(db)).map((e) => `${e.month} ${e.stage} ${e.entries}`),
    ).toEqual([
      '2025-01 lead 2',
      '2025-01 marketing_qualified 2',
      '2025-01 sales_qualified 1',
      '2025-02 lead 3',
      '2025-02 marketing_qualified 1',
      '2025-02 sales_qualified 1',
      '2025-02 opportunity 2',
      '2025-02 customer 2',
      '2025-03 customer 1',
      '2025-03 churned 2',
      '2025-03 reactivated 1',
    ]);
    expect(await stageEntriesByMonth(db, { fromMonth: '2025-03' })).toHaveLength(3);
  });

  it('measures time spent in each stage over completed stays', async () => {
    const stays = Object.fromEntries((await timeInStage(db)).map((row) => [row.stage, row]));
    // Leads left after 5 (c-1), 10 (c-2), 10 (c-3) and 18 (c-5) days; c-4 is still a lead.
    expect(stays.lead).toEqual({
      stage: 'lead',
      completedStays: 4,
      averageDays: 10.75,
      medianDays: 10,
      openStays: 1,
    });
    // Customers: c-1 for 23 days, c-5 for 4; c-2 still is one.
    expect(stays.customer).toMatchObject({
      completedStays: 2,
      averageDays: 13.5,
      medianDays: 13.5,
      openStays: 1,
    });
    expect(stays.churned).toMatchObject({ completedStays: 1, averageDays: 15, openStays: 1 });
  });

  it('follows registration cohorts through the stages', async () => {
    expect(await registrationCohorts(db)).toEqual([
      {
        cohort: '2025-01',
        registered: 2,
        reached: {
          lead: 2,
          marketing_qualified: 2,
          sales_qualified: 2,
          opportunity: 2,
          customer: 2,
          advocate: 0,
        },
        churnedNow: 1,
      },
      {
        cohort: '2025-02',
        registered: 3,
        reached: {
          lead: 3,
          marketing_qualified: 2,
          sales_qualified: 1,
          opportunity: 1,
          customer: 1,
          advocate: 0,
        },
        churnedNow: 0,
      },
    ]);
  });

  it('shows the deal pipeline funnel beside it', async () => {
    const funnel = await dealPipelineFunnel(db);
    expect(funnel.stages).toEqual([
      {
        stage: 'qualification',
        open: 1,
        reached: 6,
        value: [{ currency: 'USD', valueMinor: 5_000n, weightedMinor: 500n }],
      },
      {
        stage: 'needs_analysis',
        open: 1,
        reached: 3,
        value: [{ currency: 'EUR', valueMinor: 20_000n, weightedMinor: 5_000n }],
      },
      { stage: 'proposal', open: 0, reached: 2, value: [] },
      { stage: 'negotiation', open: 0, reached: 0, value: [] },
    ]);
    // d-1 10,000 EUR + d-5 3,000 USD at 0.9 = 2,700 EUR; d-6 in GBP had no rate.
    expect(funnel.won).toEqual({ count: 3, revenueMinor: 12_700n, unconverted: 1 });
    expect(funnel.lost).toEqual({ count: 1 });
  });

  it('builds the same tables in one batch, one event at a time, and with events delivered twice', async () => {
    const events = history.events();
    await expectRebuildsToMatch(harness, events, await harness.dump(), 5, events.slice(3, 9));
  });
});
