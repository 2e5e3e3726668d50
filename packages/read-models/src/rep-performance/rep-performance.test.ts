import type { CurrencyCode } from '@crm/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { line, openDeal, winDeal } from '../projection-kit/testing/commands.ts';
import { eventHistory, type PlainCommand } from '../projection-kit/testing/event-history.ts';
import {
  expectSameTablesHoweverDelivered,
  projectionHarness,
} from '../projection-kit/testing/projection-harness.ts';
import { productProfitGrades } from './product-grades.ts';
import { repPerformanceProjection } from './projection.ts';
import { commissionOf, repPerformance, repPerformanceByMonth } from './queries.ts';

const harness = await projectionHarness(
  repPerformanceProjection({ reportingCurrency: 'EUR' as CurrencyCode, timeZone: 'Europe/Berlin' }),
);
beforeEach(() => harness.reset());

const open = (
  dealId: string,
  ownerId: string,
  lineItems: ReadonlyArray<ReturnType<typeof line>>,
  currency = 'EUR',
): PlainCommand =>
  openDeal(dealId, `customer-${dealId}`, '2025-01-02T09:00:00Z', lineItems, currency, {
    ownerId,
    title: `Deal ${dealId}`,
    expectedCloseDate: '2025-03-31',
  });
const lose = (dealId: string, at: string): PlainCommand => ({
  type: 'LoseDeal',
  data: { dealId, reason: 'Lost to a rival', at },
});

/*
 * Product profit, all time, in EUR: p-a 800.00 (exactly 80 % of the 1,000.00 positive total),
 * p-b 150.00, p-c 50.00, p-d −100.00; p-e sold only in USD without a rate (ungraded).
 */
const season = () =>
  eventHistory().run(
    'deal',
    // ana, January: 6 × p-a (200.00 − 100.00) = 600.00 profit.
    open('a1', 'ana', [line('p-a', 6, 200_00, 100_00)]),
    winDeal('a1', '2025-01-15T10:00:00Z'),
    // ana, January, USD at 0.5: revenue 600.00 USD → 300.00 EUR, cost 200.00 USD → 100.00 EUR.
    open('a4', 'ana', [line('p-a', 2, 300_00, 100_00, 'USD')], 'USD'),
    winDeal('a4', '2025-01-20T10:00:00Z', { base: 'USD', quote: 'EUR', rate: '0.5' }),
    open('a3', 'ana', [line('p-b', 1, 10_00, 5_00)]),
    lose('a3', '2025-01-20T11:00:00Z'),
    // ana: won at 23:30 UTC on 31 January, which is February in Berlin. Profit 50.00 − 100.00.
    open('a2', 'ana', [line('p-c', 1, 100_00, 50_00), line('p-d', 1, 100_00, 200_00)]),
    winDeal('a2', '2025-01-31T23:30:00Z'),
    // bo, February: 3 × p-b (100.00 − 50.00) = 150.00; one loss; one loss undone by a reopening.
    open('b1', 'bo', [line('p-b', 3, 100_00, 50_00)]),
    winDeal('b1', '2025-02-10T10:00:00Z'),
    open('b2', 'bo', [line('p-b', 1, 10_00, 5_00)]),
    lose('b2', '2025-02-11T10:00:00Z'),
    open('b3', 'bo', [line('p-b', 1, 10_00, 5_00)]),
    lose('b3', '2025-02-12T10:00:00Z'),
    { type: 'ReopenDeal', data: { dealId: 'b3', at: '2025-02-13T10:00:00Z' } },
    // cy: a USD win without a rate (kept apart), and a deal taken over from bo and lost.
    open('c1', 'cy', [line('p-e', 1, 1_000_00, 0, 'USD')], 'USD'),
    winDeal('c1', '2025-02-14T10:00:00Z'),
    open('x1', 'bo', [line('p-b', 1, 10_00, 5_00)]),
    { type: 'ReassignDeal', data: { dealId: 'x1', ownerId: 'cy', at: '2025-02-14T11:00:00Z' } },
    lose('x1', '2025-02-15T10:00:00Z'),
  );

const noGrade = { A: 0n, B: 0n, C: 0n, D: 0n };

describe('rep performance', () => {
  it('grades products by cumulative profit share, the 80 % boundary inside A', async () => {
    await harness.apply(season().events());
    const grades = await productProfitGrades(harness.db);
    expect(grades.map((g) => [g.productId, g.profitMinor, g.grade, g.cumulativeShare])).toEqual([
      ['p-a', 800_00n, 'A', 0.8],
      ['p-b', 150_00n, 'B', 0.95],
      ['p-c', 50_00n, 'C', 1],
      ['p-d', -100_00n, 'D', 1],
    ]);
  });

  it('gives revenue, profit, win rate and grade-weighted commission per owner', async () => {
    await harness.apply(season().events());
    expect(await repPerformance(harness.db)).toEqual([
      {
        ownerId: 'ana',
        dealsWon: 3,
        dealsLost: 1,
        winRate: 0.75,
        revenueMinor: 1_700_00n,
        costMinor: 950_00n,
        profitMinor: 750_00n,
        profitByGrade: { A: 800_00n, B: 0n, C: 50_00n, D: -100_00n },
        // 10 % of 800.00 + 3 % of 50.00 + 0 % of −100.00
        commissionMinor: 81_50n,
        unconverted: [],
      },
      {
        ownerId: 'bo',
        dealsWon: 1,
        dealsLost: 1,
        winRate: 0.5,
        revenueMinor: 300_00n,
        costMinor: 150_00n,
        profitMinor: 150_00n,
        profitByGrade: { A: 0n, B: 150_00n, C: 0n, D: 0n },
        commissionMinor: 9_00n,
        unconverted: [],
      },
      {
        ownerId: 'cy',
        dealsWon: 1,
        dealsLost: 1,
        winRate: 0.5,
        revenueMinor: 0n,
        costMinor: 0n,
        profitMinor: 0n,
        profitByGrade: noGrade,
        commissionMinor: 0n,
        unconverted: [
          { currency: 'USD', deals: 1, revenueMinor: 1_000_00n, profitMinor: 1_000_00n },
        ],
      },
    ]);
  });

  it('files wins and losses in the month of the reporting time zone', async () => {
    await harness.apply(season().events());
    const months = await repPerformanceByMonth(harness.db, { ownerId: 'ana' });
    expect(
      months.map((m) => [m.month, m.dealsWon, m.dealsLost, m.profitMinor, m.commissionMinor]),
    ).toEqual([
      ['2025-01', 2, 1, 800_00n, 80_00n],
      ['2025-02', 1, 0, -50_00n, 1_50n],
    ]);
    const february = await repPerformance(harness.db, { fromMonth: '2025-02', toMonth: '2025-02' });
    expect(february.map((r) => [r.ownerId, r.dealsWon, r.dealsLost, r.winRate])).toEqual([
      ['ana', 1, 0, 1],
      ['bo', 1, 1, 0.5],
      ['cy', 1, 1, 0.5],
    ]);
  });

  it('takes commission rates and grade thresholds as query parameters', async () => {
    await harness.apply(season().events());
    const [ana] = await repPerformance(harness.db, {
      ownerId: 'ana',
      commissionRates: { A: 12.5, B: 5, C: 0, D: 0 },
    });
    expect(ana?.commissionMinor).toBe(100_00n);
    const [bo] = await repPerformance(harness.db, {
      ownerId: 'bo',
      thresholds: { a: 0.96, b: 0.99 },
    });
    // p-b starts at 80 % < 96 %: it is an A product under these thresholds.
    expect(bo?.profitByGrade).toEqual({ A: 150_00n, B: 0n, C: 0n, D: 0n });
    await expect(
      repPerformance(harness.db, { commissionRates: { A: 101, B: 0, C: 0, D: 0 } }),
    ).rejects.toThrow(RangeError);
    expect(commissionOf({ A: 5n, B: 0n, C: 0n, D: 0n }, { A: 10, B: 0, C: 0, D: 0 })).toBe(0n);
    expect(commissionOf({ A: 15n, B: 0n, C: 0n, D: 0n }, { A: 10, B: 0, C: 0, D: 0 })).toBe(2n);
  });

  it('regrades products when a correction changes their profit', async () => {
    const history = season().run('deal', {
      type: 'CorrectWonDeal',
      data: {
        dealId: 'a1',
        reason: 'Unit cost was understated',
        lineItems: [line('p-a', 6, 200_00, 150_00)],
        at: '2025-03-01T10:00:00Z',
      },
    });
    await harness.apply(history.events());
    // p-a 500.00 of 700.00; p-b starts at 500.00 < 560.00 (80 %): now A as well.
    const grades = await productProfitGrades(harness.db);
    expect(grades.map((g) => [g.productId, g.grade])).toEqual([
      ['p-a', 'A'],
      ['p-b', 'A'],
      ['p-c', 'B'],
      ['p-d', 'D'],
    ]);
    const [, bo] = await repPerformance(harness.db);
    expect(bo?.commissionMinor).toBe(15_00n);
    // The correction restates January, the month of the win.
    const [january] = await repPerformanceByMonth(harness.db, { ownerId: 'ana' });
    expect([january?.month, january?.profitMinor]).toEqual(['2025-01', 500_00n]);
  });

  it('builds the same tables in one batch, one event at a time, and with every event twice', async () => {
    await expectSameTablesHoweverDelivered(harness, season().events(), 3);
  });

  it('builds the same tables when a correction drops a line of a deal won batches before', async () => {
    // a2 is won early and restated last, with one line instead of two: the stored second line
    // must go, however the win and the correction fall into batches (or a rebuild's flushes).
    const history = season().run('deal', {
      type: 'CorrectWonDeal',
      data: {
        dealId: 'a2',
        reason: 'The second line was never delivered',
        lineItems: [line('p-c', 1, 100_00, 50_00)],
        at: '2025-03-01T10:00:00Z',
      },
    });
    await expectSameTablesHoweverDelivered(harness, history.events(), 3);
    const lines = await harness.db
      .selectFrom('rep_deal_line')
      .select('line_no')
      .where('deal_id', '=', 'a2')
      .execute();
    expect(lines).toEqual([{ line_no: 0 }]);
  });
});
