import type { CurrencyCode } from '@crm/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventHistory, type PlainCommand } from '../projection-kit/testing/event-history.ts';
import {
  expectSameTablesHoweverDelivered,
  projectionHarness,
} from '../projection-kit/testing/projection-harness.ts';
import { campaignPerformanceProjection } from './projection.ts';
import {
  campaignMembersAt,
  campaignPerformanceById,
  campaignPerformanceList,
  returnOnInvestment,
} from './queries.ts';

const projection = campaignPerformanceProjection({
  reportingCurrency: 'EUR' as CurrencyCode,
  timeZone: 'UTC',
});
const harness = await projectionHarness(projection);
beforeEach(() => harness.reset());

const at = (day: number): string => `2025-04-${String(day).padStart(2, '0')}T10:00:00Z`;
const money = (amountMinor: number, currency = 'EUR') => ({ amountMinor, currency });

const plan = (campaignId: string, budget = money(1_000_00)): PlainCommand => ({
  type: 'PlanCampaign',
  data: {
    campaignId,
    name: `Campaign ${campaignId}`,
    channel: 'email',
    budget,
    period: { start: '2025-04-01', end: '2025-04-30' },
    targetSegment: { tags: ['newsletter'], lifecycleStages: ['lead'] },
    at: at(1),
  },
});
const members = (campaignId: string, ...customerIds: string[]): PlainCommand => ({
  type: 'AddCampaignMembers',
  data: { campaignId, customerIds, at: at(1) },
});
const launch = (campaignId: string): PlainCommand => ({
  type: 'LaunchCampaign',
  data: { campaignId, at: at(2) },
});
const respond = (campaignId: string, customerId: string, response: string): PlainCommand => ({
  type: 'RecordCampaignResponse',
  data: { campaignId, customerId, response, at: at(3) },
});
const cost = (campaignId: string, amount: ReturnType<typeof money>): PlainCommand => ({
  type: 'RecordCampaignCost',
  data: { campaignId, amount, description: 'Mailing house', at: at(4) },
});

const line = (
  productId: string,
  quantity: number,
  price: number,
  unitCost: number,
  currency = 'EUR',
) => ({
  productId,
  quantity,
  unitPrice: money(price, currency),
  unitCost: money(unitCost, currency),
});
const openDeal = (
  dealId: string,
  customerId: string,
  sourceCampaignId: string | undefined,
  lineItems: ReadonlyArray<ReturnType<typeof line>>,
  currency = 'EUR',
): PlainCommand => ({
  type: 'OpenDeal',
  data: {
    dealId,
    customerId,
    ownerId: 'user-ana',
    title: `Deal ${dealId}`,
    expectedCloseDate: '2025-06-30',
    currency,
    lineItems,
    ...(sourceCampaignId === undefined ? {} : { sourceCampaignId }),
    at: at(5),
  },
});
const win = (
  dealId: string,
  exchangeRate?: { base: string; quote: string; rate: string },
): PlainCommand => ({
  type: 'WinDeal',
  data: { dealId, at: at(20), ...(exchangeRate === undefined ? {} : { exchangeRate }) },
});
const lose = (dealId: string): PlainCommand => ({
  type: 'LoseDeal',
  data: { dealId, reason: 'Budget cut', at: at(21) },
});

/** The spring campaign: six members at every kind of status, two costs, five sourced deals. */
const springHistory = () => {
  const history = eventHistory();
  history.run(
    'campaign',
    plan('spring'),
    members('spring', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6'),
    launch('spring'),
    ...['sent', 'delivered', 'opened', 'clicked', 'responded', 'converted'].map((r) =>
      respond('spring', 'c1', r),
    ),
    respond('spring', 'c2', 'opened'),
    respond('spring', 'c3', 'sent'),
    respond('spring', 'c3', 'bounced'),
    respond('spring', 'c4', 'delivered'),
    respond('spring', 'c4', 'opened'),
    respond('spring', 'c4', 'unsubscribed'),
    respond('spring', 'c5', 'bounced'),
    cost('spring', money(300_00)),
    cost('spring', money(200_00)),
  );
  history.run(
    'deal',
    // 20 × 150.00 at a unit cost of 50.00: revenue 3,000.00, profit 2,000.00 EUR.
    openDeal('d1', 'c1', 'spring', [line('p-widget', 20, 150_00, 50_00)]),
    win('d1'),
    // 1,000.00 USD revenue, 400.00 USD cost, won at 0.9 EUR per USD: 900.00 − 360.00 = 540.00 EUR.
    openDeal('d2', 'c2', 'spring', [line('p-gadget', 10, 100_00, 40_00, 'USD')], 'USD'),
    win('d2', { base: 'USD', quote: 'EUR', rate: '0.9' }),
    // GBP without a rate: kept apart, never mixed into the EUR figures.
    openDeal('d3', 'c3', 'spring', [line('p-widget', 1, 70_00, 20_00, 'GBP')], 'GBP'),
    win('d3'),
    openDeal('d4', 'c4', 'spring', [line('p-widget', 1, 10_00, 5_00)]),
    lose('d4'),
    openDeal('d5', 'c5', 'spring', [line('p-widget', 1, 10_00, 5_00)]),
    // Not from the campaign: never attributed to it.
    openDeal('d6', 'c6', undefined, [line('p-widget', 100, 100_00, 10_00)]),
    win('d6'),
  );
  return history;
};

describe('campaign performance', () => {
  it('counts each member once at its furthest status, and who reached each step', async () => {
    await harness.apply(springHistory().events());
    const spring = await campaignPerformanceById(harness.db, 'spring');
    expect(spring?.funnel).toEqual({
      members: 6,
      byStatus: {
        added: 1,
        sent: 0,
        delivered: 0,
        opened: 1,
        clicked: 0,
        responded: 0,
        converted: 1,
        unsubscribed: 1,
        bounced: 2,
      },
      reached: { sent: 4, delivered: 3, opened: 3, clicked: 1, responded: 1, converted: 1 },
    });
    const bounced = await campaignMembersAt(harness.db, 'spring', 'bounced');
    expect(bounced.map((m) => m.customerId)).toEqual(['c3', 'c5']);
  });

  it('attributes won deals in the reporting currency and gives the exact ROI', async () => {
    await harness.apply(springHistory().events());
    const spring = await campaignPerformanceById(harness.db, 'spring');
    expect(spring?.actualCostMinor).toBe(500_00n);
    expect(spring?.deals).toEqual({ sourced: 5, open: 1, won: 3, lost: 1 });
    expect(spring?.attributedRevenueMinor).toBe(3_000_00n + 900_00n);
    expect(spring?.attributedProfitMinor).toBe(2_000_00n + 540_00n);
    expect(spring?.unconverted).toEqual([
      { currency: 'GBP', deals: 1, revenueMinor: 70_00n, profitMinor: 50_00n },
    ]);
    // (2,540.00 − 500.00) / 500.00
    expect(spring?.roi).toBe(4.08);
  });

  it('gives ROI 3 for one attributed deal of 2,000.00 profit against 500.00 of cost', async () => {
    const history = eventHistory();
    history.run(
      'campaign',
      plan('solo'),
      members('solo', 'c1'),
      launch('solo'),
      cost('solo', money(500_00)),
    );
    history.run(
      'deal',
      openDeal('d1', 'c1', 'solo', [line('p-widget', 20, 150_00, 50_00)]),
      win('d1'),
    );
    await harness.apply(history.events());
    expect((await campaignPerformanceById(harness.db, 'solo'))?.roi).toBe(3);
  });

  it('restates attributed figures when a won deal is corrected', async () => {
    const history = springHistory();
    history.run('deal', {
      type: 'CorrectWonDeal',
      data: {
        dealId: 'd1',
        reason: 'Wrong quantity',
        lineItems: [line('p-widget', 10, 150_00, 50_00)],
        at: at(25),
      },
    });
    await harness.apply(history.events());
    const spring = await campaignPerformanceById(harness.db, 'spring');
    expect(spring?.attributedProfitMinor).toBe(1_000_00n + 540_00n);
    expect(spring?.roi).toBe(2.08);
  });

  it('has no ROI without cost, nor when the cost is in another currency', async () => {
    const history = eventHistory();
    history.run('campaign', plan('free'), members('free', 'c1'));
    history.run(
      'campaign',
      plan('dollars', money(800_00, 'USD')),
      cost('dollars', money(100_00, 'USD')),
    );
    await harness.apply(history.events());
    const list = await campaignPerformanceList(harness.db);
    expect(list.map((c) => [c.campaignId, c.status, c.roi, c.costInReportingCurrency])).toEqual([
      ['dollars', 'planned', null, false],
      ['free', 'planned', null, true],
    ]);
    expect(await campaignPerformanceList(harness.db, { status: 'launched' })).toEqual([]);
    expect(returnOnInvestment(0n, 0n, true)).toBeNull();
  });

  it('builds the same tables in one batch, one event at a time, and with every event twice', async () => {
    await expectSameTablesHoweverDelivered(harness, springHistory().events(), 7);
  });

  it('builds the same tables when batches and flushes fall between a deal opening and its loss', async () => {
    // In fives, d4's opening ends one batch (and one flush of a rebuild) and its loss starts the next.
    await expectSameTablesHoweverDelivered(harness, springHistory().events(), 5);
  });
});
