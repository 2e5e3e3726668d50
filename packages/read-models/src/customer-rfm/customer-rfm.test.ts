import type { CurrencyCode } from '@crm/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { advance, dealWinner, line, reactivate } from '../projection-kit/testing/commands.ts';
import {
  type EventHistory,
  eventHistory,
  type PlainCommand,
} from '../projection-kit/testing/event-history.ts';
import {
  expectSameTablesHoweverDelivered,
  projectionHarness,
} from '../projection-kit/testing/projection-harness.ts';
import { customerRfmProjection } from './projection.ts';
import { rfmScoreOf, rfmScores } from './queries.ts';

const harness = await projectionHarness(
  customerRfmProjection({ reportingCurrency: 'EUR' as CurrencyCode, timeZone: 'UTC' }),
);
beforeEach(() => harness.reset());

const asOf = '2025-12-31T00:00:00Z';
const day = (date: string): string => `${date}T12:00:00Z`;
const minusDays = (date: string, days: number): string =>
  new Date(Date.parse(day(date)) - days * 86_400_000).toISOString();

/** Opens and wins one deal of `amount` for the customer, won at `at`. */
const wonDeal = dealWinner('2024-01-01T00:00:00Z');
const register = (customerId: string): PlainCommand => ({
  type: 'RegisterCustomer',
  data: {
    customerId,
    party: { kind: 'person', familyName: customerId },
    acquisition: { source: 'web', channel: 'direct' },
    ownerId: 'ana',
    at: '2024-01-01T00:00:00Z',
  },
});

/*
 * Ten customers: c01 bought once, most recently (30 Dec); c10 bought ten times, longest ago
 * (1 Aug). Each deal is worth 100.00, so frequency and monetary rank alike, recency the other
 * way round: ntile(5) gives two customers per score.
 */
const lastWins: Record<string, string> = {
  c01: '2025-12-30',
  c02: '2025-12-25',
  c03: '2025-12-20',
  c04: '2025-12-15',
  c05: '2025-12-10',
  c06: '2025-12-05',
  c07: '2025-11-01',
  c08: '2025-10-01',
  c09: '2025-09-01',
  c10: '2025-08-01',
};

const portfolio = (): EventHistory => {
  const history = eventHistory();
  history.run('customer', register('c01'), register('c03'), register('c11'));
  Object.entries(lastWins).forEach(([customerId, last], index) => {
    for (let n = index; n >= 0; n -= 1) {
      if (customerId === 'c05' && n === 0) {
        // 200.00 USD at 0.5 EUR per USD: the same 100.00 EUR as every other deal.
        wonDeal(history, customerId, minusDays(last, n), 200_00, 'USD', {
          base: 'USD',
          quote: 'EUR',
          rate: '0.5',
        });
      } else if (customerId === 'c06' && n === 0) {
        // GBP without a rate: counted as a purchase, left out of monetary.
        wonDeal(history, customerId, minusDays(last, n), 100_00, 'GBP');
      } else {
        wonDeal(history, customerId, minusDays(last, n));
      }
    }
  });
  // A duplicate of c01 with one old purchase: merged, it counts for c01.
  wonDeal(history, 'c11', day('2025-06-01'));
  history.run(
    'customer',
    {
      type: 'MergeCustomerInto',
      data: { customerId: 'c11', survivorId: 'c01', at: day('2025-07-01') },
    },
    // c03 is lost although it still scores well on recency.
    {
      type: 'ChurnCustomer',
      data: { customerId: 'c03', reason: 'Moved abroad', at: day('2025-12-21') },
    },
  );
  // After the as-of instant: ignored.
  wonDeal(history, 'c10', '2026-01-05T12:00:00Z');
  return history;
};

describe('RFM scores', () => {
  it('scores recency, frequency and monetary in quintiles and flags churn risk', async () => {
    await harness.apply(portfolio().events());
    const scores = await rfmScores(harness.db, { asOf });
    expect(
      scores.map((s) => [
        s.customerId,
        s.recencyScore,
        s.frequencyScore,
        s.monetaryScore,
        s.churnRisk,
      ]),
    ).toEqual([
      ['c01', 5, 1, 1, false],
      ['c02', 5, 1, 1, false],
      ['c03', 4, 2, 2, true],
      ['c04', 4, 2, 2, false],
      ['c05', 3, 3, 3, false],
      ['c06', 3, 3, 3, false],
      ['c07', 2, 4, 4, true],
      ['c08', 2, 4, 4, true],
      ['c09', 1, 5, 5, true],
      ['c10', 1, 5, 5, true],
    ]);
  });

  it('gives the figures behind the scores, in the reporting currency', async () => {
    await harness.apply(portfolio().events());
    const c01 = await rfmScoreOf(harness.db, 'c01', { asOf });
    expect(c01).toMatchObject({
      lastWonAt: '2025-12-30T12:00:00.000Z',
      recencyDays: 0,
      frequency: 2,
      monetaryMinor: 200_00n,
      unconvertedDeals: 0,
      stage: 'lead',
      churned: false,
    });
    const c05 = await rfmScoreOf(harness.db, 'c05', { asOf });
    expect([c05?.frequency, c05?.monetaryMinor, c05?.stage]).toEqual([5, 500_00n, null]);
    const c06 = await rfmScoreOf(harness.db, 'c06', { asOf });
    expect([c06?.frequency, c06?.monetaryMinor, c06?.unconvertedDeals]).toEqual([6, 500_00n, 1]);
    const c10 = await rfmScoreOf(harness.db, 'c10', { asOf });
    // 1 Aug 12:00 to 31 Dec 00:00 is 151.5 days; the win of 5 Jan 2026 is after `asOf`.
    expect([c10?.recencyDays, c10?.frequency]).toEqual([151, 10]);
    expect(await rfmScoreOf(harness.db, 'c11', { asOf })).toBeUndefined();
    const c03 = await rfmScoreOf(harness.db, 'c03', { asOf });
    expect([c03?.stage, c03?.churned, c03?.churnRisk]).toEqual(['churned', true, true]);
  });

  it('lists only the customers at risk when asked, and scores as of an earlier instant', async () => {
    await harness.apply(portfolio().events());
    const atRisk = await rfmScores(harness.db, { asOf, churnRiskOnly: true });
    expect(atRisk.map((s) => s.customerId)).toEqual(['c03', 'c07', 'c08', 'c09', 'c10']);
    const summer = await rfmScores(harness.db, { asOf: '2025-08-01T00:00:00Z' });
    expect(summer.map((s) => [s.customerId, s.frequency])).toEqual([
      ['c01', 1],
      ['c10', 9],
    ]);
    await expect(rfmScores(harness.db, { asOf: 'soon' })).rejects.toThrow(RangeError);
  });

  it('gives customers with equal figures the same score', async () => {
    const history = eventHistory();
    for (const customerId of ['t1', 't2', 't3', 't4', 't5', 't6']) {
      wonDeal(history, customerId, day('2025-12-01'));
    }
    wonDeal(history, 't6', day('2025-12-02'));
    await harness.apply(history.events());
    const scores = await rfmScores(harness.db, { asOf });
    // Plain ntile would spread the five equal customers over scores 1 to 4 by their ids.
    expect(scores.map((s) => [s.customerId, s.recencyScore, s.frequencyScore])).toEqual([
      ['t1', 1, 1],
      ['t2', 1, 1],
      ['t3', 1, 1],
      ['t4', 1, 1],
      ['t5', 1, 1],
      ['t6', 5, 5],
    ]);
  });

  it('builds the same tables in one batch, one event at a time, with every event twice, and through a fold', async () => {
    const history = portfolio();
    const wins = history.events().flatMap(({ event }) => (event.type === 'DealWon' ? [event] : []));
    const first = wins[0]?.data.dealId ?? '';
    const unconverted = wins.find(({ data }) => data.currency === 'GBP')?.data.dealId ?? '';
    // Corrected and changed long after, the fold's later flushes rewrite rows of its first one.
    history.run(
      'deal',
      {
        type: 'CorrectWonDeal',
        data: {
          dealId: first,
          reason: 'discount',
          lineItems: [line('p-1', 1, 80_00, 0)],
          at: day('2025-12-31'),
        },
      },
      {
        type: 'CorrectWonDeal',
        data: {
          dealId: unconverted,
          reason: 'rate found',
          exchangeRate: { base: 'GBP', quote: 'EUR', rate: '1.17' },
          at: day('2025-12-31'),
        },
      },
    );
    history.run(
      'customer',
      advance('c01', 'marketing_qualified', day('2025-12-31')),
      reactivate('c03', day('2025-12-31')),
      {
        type: 'RevertCustomerMerge',
        data: { customerId: 'c11', reason: 'not the same', at: day('2025-12-31') },
      },
    );
    await expectSameTablesHoweverDelivered(harness, history.events(), 9);
  });
});
