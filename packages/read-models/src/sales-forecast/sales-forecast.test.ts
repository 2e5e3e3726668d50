import type { CurrencyCode } from '@crm/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { line, openDeal } from '../projection-kit/testing/commands.ts';
import { eventHistory, type PlainCommand } from '../projection-kit/testing/event-history.ts';
import {
  expectSameTablesHoweverDelivered,
  projectionHarness,
} from '../projection-kit/testing/projection-harness.ts';
import { salesForecastProjection } from './projection.ts';
import {
  centiToMinor,
  forecastByCloseMonth,
  forecastByCloseMonthAndOwner,
  forecastByOwner,
  forecastDeals,
} from './queries.ts';

const harness = await projectionHarness(
  salesForecastProjection({ reportingCurrency: 'EUR' as CurrencyCode, timeZone: 'UTC' }),
);
beforeEach(() => harness.reset());

let minute = 0;
const at = (): string => {
  minute += 1;
  return new Date(Date.UTC(2025, 5, 1, 9, minute)).toISOString();
};
const widgets = (quantity: number, unitPrice: number, currency = 'EUR') =>
  line('p-widget', quantity, unitPrice, 0, currency);
const open = (
  dealId: string,
  ownerId: string,
  expectedCloseDate: string,
  lineItems: ReadonlyArray<ReturnType<typeof line>>,
  currency = 'EUR',
): PlainCommand =>
  openDeal(dealId, `customer-of-${dealId}`, at(), lineItems, currency, {
    ownerId,
    title: `Deal ${dealId}`,
    expectedCloseDate,
  });
const command = (
  type: string,
  dealId: string,
  data: Record<string, unknown> = {},
): PlainCommand => ({
  type,
  data: { dealId, ...data, at: at() },
});

const pipeline = () =>
  eventHistory().run(
    'deal',
    // 1,000.00 at 10 %, then advanced to needs analysis: 25 % → 250.00.
    open('f1', 'ana', '2025-07-15', [widgets(10, 100_00)]),
    command('AdvanceDealStage', 'f1'),
    // 100.00, probability overridden to 33 % → 33.00.
    open('f2', 'bo', '2025-07-31', [widgets(2, 50_00)]),
    command('SetDealWinProbability', 'f2', { winProbabilityPercent: 33 }),
    // 500.00 USD in proposal (50 %) → 250.00 USD, reported in its own currency.
    open('f3', 'ana', '2025-08-10', [widgets(1, 500_00, 'USD')], 'USD'),
    command('MoveDealToStage', 'f3', { stage: 'proposal' }),
    // Won: leaves the forecast.
    open('f4', 'ana', '2025-07-01', [widgets(1, 999_00)]),
    command('WinDeal', 'f4'),
    // Lost, then reopened in qualification (10 %): 200.00 → 20.00.
    open('f5', 'bo', '2025-08-20', [widgets(1, 200_00)]),
    command('LoseDeal', 'f5', { reason: 'No budget' }),
    command('ReopenDeal', 'f5'),
    // Lost and not reopened: out.
    open('f7', 'bo', '2025-08-20', [widgets(1, 700_00)]),
    command('LoseDeal', 'f7', { reason: 'Went quiet' }),
    // Opened by bo, revised to 1,200.00, handed to ana, moved to September: 10 % → 120.00.
    open('f6', 'bo', '2025-07-05', [widgets(1, 300_00)]),
    command('ReviseLineItems', 'f6', { lineItems: [widgets(4, 300_00)] }),
    command('ReassignDeal', 'f6', { ownerId: 'ana' }),
    command('MoveExpectedCloseDate', 'f6', { expectedCloseDate: '2025-09-05' }),
  );

describe('sales forecast', () => {
  it('weighs open deals by expected close month and owner, per currency', async () => {
    await harness.apply(pipeline().events());
    expect(await forecastByCloseMonthAndOwner(harness.db)).toEqual([
      {
        closeMonth: '2025-07',
        ownerId: 'ana',
        currency: 'EUR',
        deals: 1,
        valueMinor: 1_000_00n,
        weightedValueMinor: 250_00n,
      },
      {
        closeMonth: '2025-07',
        ownerId: 'bo',
        currency: 'EUR',
        deals: 1,
        valueMinor: 100_00n,
        weightedValueMinor: 33_00n,
      },
      {
        closeMonth: '2025-08',
        ownerId: 'ana',
        currency: 'USD',
        deals: 1,
        valueMinor: 500_00n,
        weightedValueMinor: 250_00n,
      },
      {
        closeMonth: '2025-08',
        ownerId: 'bo',
        currency: 'EUR',
        deals: 1,
        valueMinor: 200_00n,
        weightedValueMinor: 20_00n,
      },
      {
        closeMonth: '2025-09',
        ownerId: 'ana',
        currency: 'EUR',
        deals: 1,
        valueMinor: 1_200_00n,
        weightedValueMinor: 120_00n,
      },
    ]);
  });

  it('sums by month and by owner, within a month range', async () => {
    await harness.apply(pipeline().events());
    expect(await forecastByCloseMonth(harness.db, { toMonth: '2025-08' })).toEqual([
      {
        closeMonth: '2025-07',
        currency: 'EUR',
        deals: 2,
        valueMinor: 1_100_00n,
        weightedValueMinor: 283_00n,
      },
      {
        closeMonth: '2025-08',
        currency: 'EUR',
        deals: 1,
        valueMinor: 200_00n,
        weightedValueMinor: 20_00n,
      },
      {
        closeMonth: '2025-08',
        currency: 'USD',
        deals: 1,
        valueMinor: 500_00n,
        weightedValueMinor: 250_00n,
      },
    ]);
    expect(await forecastByOwner(harness.db)).toEqual([
      {
        ownerId: 'ana',
        currency: 'EUR',
        deals: 2,
        valueMinor: 2_200_00n,
        weightedValueMinor: 370_00n,
      },
      {
        ownerId: 'ana',
        currency: 'USD',
        deals: 1,
        valueMinor: 500_00n,
        weightedValueMinor: 250_00n,
      },
      { ownerId: 'bo', currency: 'EUR', deals: 2, valueMinor: 300_00n, weightedValueMinor: 53_00n },
    ]);
    const deals = await forecastDeals(harness.db, { fromMonth: '2025-08', ownerId: 'ana' });
    expect(
      deals.map((d) => [d.dealId, d.stage, d.winProbabilityPercent, d.expectedCloseDate]),
    ).toEqual([
      ['f3', 'proposal', 50, '2025-08-10'],
      ['f6', 'qualification', 10, '2025-09-05'],
    ]);
    await expect(forecastByOwner(harness.db, { fromMonth: '2025-13' })).rejects.toThrow(RangeError);
  });

  it('rounds the weighted sum once, half to even', async () => {
    const history = eventHistory().run(
      'deal',
      open('g1', 'cy', '2025-10-01', [widgets(1, 1)]),
      command('SetDealWinProbability', 'g1', { winProbabilityPercent: 50 }),
      open('g2', 'cy', '2025-10-02', [widgets(1, 1)]),
      command('SetDealWinProbability', 'g2', { winProbabilityPercent: 50 }),
    );
    await harness.apply(history.events());
    // 0.5 + 0.5 minor units: 1, where rounding each deal first would give 0.
    expect((await forecastByOwner(harness.db))[0]?.weightedValueMinor).toBe(1n);
    expect([
      centiToMinor(50n),
      centiToMinor(150n),
      centiToMinor(151n),
      centiToMinor(-250n),
    ]).toEqual([0n, 2n, 2n, -2n]);
  });

  it('builds the same tables in one batch, one event at a time, and with every event twice', async () => {
    await expectSameTablesHoweverDelivered(harness, pipeline().events(), 5);
  });
});
