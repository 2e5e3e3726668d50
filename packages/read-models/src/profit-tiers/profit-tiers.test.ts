import type { CurrencyCode } from '@crm/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  line,
  on,
  openDeal,
  registerCustomer,
  winDeal,
} from '../projection-kit/testing/commands.ts';
import { type EventHistory, eventHistory } from '../projection-kit/testing/event-history.ts';
import {
  expectSameTablesHoweverDelivered,
  projectionHarness,
} from '../projection-kit/testing/projection-harness.ts';
import { profitTiersProjection } from './projection.ts';
import {
  customerProfitHistory,
  customerProfitTiers,
  productProfitHistory,
  productProfitTiers,
  profitByPeriod,
  summariseTiers,
  unconvertedAmounts,
} from './queries.ts';

const projection = profitTiersProjection({
  reportingCurrency: 'EUR' as CurrencyCode,
  timeZone: 'Europe/Berlin',
});
const harness = await projectionHarness(projection);
const { db } = harness;

beforeEach(async () => {
  await harness.reset();
});

/** Opens and wins a deal with one line: quantity 1 at `price`, costing `cost`. */
const sale = (
  history: EventHistory,
  dealId: string,
  customerId: string,
  at: string,
  price: number,
  cost: number,
  product = 'p-widget',
): EventHistory =>
  history.run(
    'deal',
    openDeal(dealId, customerId, at, [line(product, 1, price, cost)]),
    winDeal(dealId, at),
  );

const tiersById = async (
  period: Parameters<typeof customerProfitTiers>[1],
  thresholds?: { a: number; b: number },
) =>
  Object.fromEntries(
    (await customerProfitTiers(db, period, thresholds)).map((row) => [row.id, row]),
  );

describe('customer tiers', () => {
  it('puts the customer that reaches exactly 80 % of profit in A and the next one in B', async () => {
    const history = eventHistory();
    sale(history, 'd-1', 'c-big', on('2025-03-03'), 10_000, 2_000); // profit 8,000 = 80 %
    sale(history, 'd-2', 'c-mid', on('2025-03-04'), 3_000, 1_500); // 1,500 → 95 %
    sale(history, 'd-3', 'c-small', on('2025-03-05'), 1_000, 500); // 500 → 100 %
    await harness.apply(history.events());

    const tiers = await tiersById({ month: '2025-03' });
    expect(tiers['c-big']).toMatchObject({
      tier: 'A',
      rank: 1,
      profitMinor: 8_000n,
      cumulativeShare: 0.8,
    });
    expect(tiers['c-mid']).toMatchObject({ tier: 'B', rank: 2, cumulativeShare: 0.95 });
    expect(tiers['c-small']).toMatchObject({ tier: 'C', rank: 3, cumulativeShare: 1 });
    // Thresholds are a query parameter: at 85 % the second customer is needed to reach A.
    const wider = await tiersById({ month: '2025-03' }, { a: 0.85, b: 0.95 });
    expect(wider['c-mid']?.tier).toBe('A');
  });

  it('grades a loss-making customer D and leaves it out of the shares; zero profit is C', async () => {
    const history = eventHistory();
    sale(history, 'd-1', 'c-good', on('2025-03-03'), 5_000, 1_000);
    sale(history, 'd-2', 'c-loss', on('2025-03-04'), 1_000, 3_000);
    sale(history, 'd-3', 'c-even', on('2025-03-05'), 2_000, 2_000);
    await harness.apply(history.events());

    const rows = await customerProfitTiers(db, { month: '2025-03' });
    expect(rows.map((row) => [row.id, row.tier, row.profitMinor])).toEqual([
      ['c-good', 'A', 4_000n],
      ['c-even', 'C', 0n],
      ['c-loss', 'D', -2_000n],
    ]);
    expect(rows[0]?.shareOfProfit).toBe(1);
    expect(summariseTiers(rows)).toEqual({
      A: { count: 1, profitMinor: 4_000n },
      B: { count: 0, profitMinor: 0n },
      C: { count: 1, profitMinor: 0n },
      D: { count: 1, profitMinor: -2_000n },
    });
  });

  it('ranks by profit, not by order count or revenue', async () => {
    const history = eventHistory();
    for (let n = 1; n <= 20; n += 1) {
      // Twenty orders of 100.00 at a 1 % margin: 2,000.00 revenue, 20.00 profit.
      sale(
        history,
        `d-small-${n}`,
        'c-many',
        on(`2025-03-${String(n).padStart(2, '0')}`),
        10_000,
        9_900,
      );
    }
    sale(history, 'd-big', 'c-one', on('2025-03-10'), 10_000, 1_000); // one order, 90.00 profit
    await harness.apply(history.events());

    const rows = await customerProfitTiers(db, { month: '2025-03' });
    expect(
      rows.map((row) => [row.id, row.orders, row.revenueMinor, row.profitMinor, row.tier]),
    ).toEqual([
      ['c-one', 1, 10_000n, 9_000n, 'A'],
      ['c-many', 20, 200_000n, 2_000n, 'B'],
    ]);
  });

  it('converts a deal in another currency at the rate recorded when it was won, and flags one without a rate', async () => {
    const history = eventHistory();
    history.run(
      'deal',
      openDeal(
        'd-usd',
        'c-us',
        on('2025-03-03'),
        [line('p-gadget', 2, 5_000, 3_000, 'USD')],
        'USD',
      ),
      winDeal('d-usd', on('2025-03-03'), { base: 'USD', quote: 'EUR', rate: '0.9' }),
      openDeal('d-gbp', 'c-uk', on('2025-03-04'), [line('p-gadget', 1, 1_000, 100, 'GBP')], 'GBP'),
      winDeal('d-gbp', on('2025-03-04')),
    );
    await harness.apply(history.events());

    const tiers = await tiersById({ month: '2025-03' });
    // 10,000 USD cents × 0.9 = 9,000 EUR cents; 6,000 × 0.9 = 5,400.
    expect(tiers['c-us']).toMatchObject({
      revenueMinor: 9_000n,
      costMinor: 5_400n,
      profitMinor: 3_600n,
    });
    expect(tiers['c-uk']).toBeUndefined();
    expect(await unconvertedAmounts(db, { month: '2025-03' })).toEqual([
      {
        subject: 'customer',
        id: 'c-uk',
        currency: 'GBP',
        revenueMinor: 1_000n,
        costMinor: 100n,
        profitMinor: 900n,
        deals: 1,
      },
      {
        subject: 'product',
        id: 'p-gadget',
        currency: 'GBP',
        revenueMinor: 1_000n,
        costMinor: 100n,
        profitMinor: 900n,
        deals: 1,
      },
    ]);
    const products = await productProfitTiers(db, { month: '2025-03' });
    expect(products).toMatchObject([
      { id: 'p-gadget', profitMinor: 3_600n, quantity: 2n, tier: 'A' },
    ]);
  });

  it('counts a merged-away duplicate’s profit for its survivor', async () => {
    const history = eventHistory().run(
      'customer',
      registerCustomer('c-main', on('2025-01-02')),
      registerCustomer('c-dupe', on('2025-01-02')),
    );
    sale(history, 'd-1', 'c-main', on('2025-03-03'), 1_000, 500);
    sale(history, 'd-2', 'c-dupe', on('2025-03-04'), 2_000, 500);
    history.run('customer', {
      type: 'MergeCustomerInto',
      data: { customerId: 'c-dupe', survivorId: 'c-main', at: on('2025-03-10') },
    });
    await harness.apply(history.events());

    expect(await customerProfitTiers(db, { year: 2025 })).toMatchObject([
      { id: 'c-main', profitMinor: 2_000n, orders: 2, tier: 'A' },
    ]);
  });
});

describe('parameters', () => {
  it('refuses malformed thresholds and periods', async () => {
    await expect(customerProfitTiers(db, { year: 2025 }, { a: 0.95, b: 0.8 })).rejects.toThrow(
      RangeError,
    );
    await expect(customerProfitTiers(db, { month: '2025-13' })).rejects.toThrow(RangeError);
  });
});

describe('periods', () => {
  it('files figures by calendar month and year in the reporting time zone', async () => {
    const history = eventHistory();
    sale(history, 'd-1', 'c-1', on('2024-12-10'), 1_000, 400);
    // 23:30 UTC on 31 January is already February in Berlin.
    sale(history, 'd-2', 'c-1', on('2025-01-31', '23:30:00'), 2_000, 500);
    sale(history, 'd-3', 'c-1', on('2025-02-10'), 3_000, 1_000);
    sale(history, 'd-4', 'c-2', on('2025-01-15'), 500, 100);
    await harness.apply(history.events());

    expect(await customerProfitHistory(db, 'c-1', 'month')).toEqual([
      { period: '2024-12', revenueMinor: 1_000n, costMinor: 400n, profitMinor: 600n, orders: 1 },
      {
        period: '2025-02',
        revenueMinor: 5_000n,
        costMinor: 1_500n,
        profitMinor: 3_500n,
        orders: 2,
      },
    ]);
    expect(await customerProfitHistory(db, 'c-1', 'year')).toEqual([
      { period: '2024', revenueMinor: 1_000n, costMinor: 400n, profitMinor: 600n, orders: 1 },
      { period: '2025', revenueMinor: 5_000n, costMinor: 1_500n, profitMinor: 3_500n, orders: 2 },
    ]);
    expect((await profitByPeriod(db, 'month')).map((row) => [row.period, row.profitMinor])).toEqual(
      [
        ['2024-12', 600n],
        ['2025-01', 400n],
        ['2025-02', 3_500n],
      ],
    );
    const range = await customerProfitTiers(db, { fromMonth: '2025-01', toMonth: '2025-02' });
    expect(range.map((row) => [row.id, row.profitMinor])).toEqual([
      ['c-1', 3_500n],
      ['c-2', 400n],
    ]);
  });

  it('restates the month of the win when a won deal is corrected later', async () => {
    const history = eventHistory();
    sale(history, 'd-1', 'c-1', on('2025-01-10'), 1_000, 400);
    history.run('deal', {
      type: 'CorrectWonDeal',
      data: {
        dealId: 'd-1',
        reason: 'unit cost was wrong',
        lineItems: [line('p-widget', 1, 1_000, 700)],
        at: on('2025-03-02'),
      },
    });
    await harness.apply(history.events());

    expect(await customerProfitHistory(db, 'c-1', 'month')).toEqual([
      { period: '2025-01', revenueMinor: 1_000n, costMinor: 700n, profitMinor: 300n, orders: 1 },
    ]);
    expect(await productProfitTiers(db, { month: '2025-01' })).toMatchObject([
      { id: 'p-widget', profitMinor: 300n, orders: 1, quantity: 1n },
    ]);
  });
});

describe('products', () => {
  it('grades products by the profit of their line items in won deals', async () => {
    const history = eventHistory().run(
      'deal',
      openDeal('d-1', 'c-1', on('2025-03-03'), [
        line('p-gold', 1, 10_000, 2_000), // 8,000
        line('p-silver', 3, 1_000, 500), // 1,500
        line('p-bronze', 10, 100, 50), // 500
        line('p-lemon', 1, 100, 400), // −300
      ]),
      winDeal('d-1', on('2025-03-03')),
    );
    await harness.apply(history.events());

    const rows = await productProfitTiers(db, { year: 2025 });
    expect(rows.map((row) => [row.id, row.tier, row.profitMinor, row.quantity])).toEqual([
      ['p-gold', 'A', 8_000n, 1n],
      ['p-silver', 'B', 1_500n, 3n],
      ['p-bronze', 'C', 500n, 10n],
      ['p-lemon', 'D', -300n, 1n],
    ]);
    expect(await productProfitHistory(db, 'p-silver', 'year')).toEqual([
      {
        period: '2025',
        revenueMinor: 3_000n,
        costMinor: 1_500n,
        profitMinor: 1_500n,
        orders: 1,
        quantity: 3n,
      },
    ]);
  });
});

describe('rebuild', () => {
  it('gives the same tables in one batch, one event at a time, with every event delivered twice, and through a fold', async () => {
    const history = eventHistory().run(
      'customer',
      registerCustomer('c-2', on('2025-01-01')),
      registerCustomer('c-3', on('2025-01-01')),
    );
    sale(history, 'd-1', 'c-1', on('2025-01-10'), 1_000, 400);
    history.run(
      'deal',
      openDeal('d-2', 'c-2', on('2025-02-03'), [line('p-1', 2, 500, 100, 'USD')], 'USD'),
      winDeal('d-2', on('2025-02-03'), { base: 'USD', quote: 'EUR', rate: '0.93' }),
      {
        type: 'CorrectWonDeal',
        data: {
          dealId: 'd-1',
          reason: 'discount',
          lineItems: [line('p-widget', 1, 900, 400)],
          at: on('2025-02-05'),
        },
      },
    );
    history.run('customer', {
      type: 'MergeCustomerInto',
      data: { customerId: 'c-3', survivorId: 'c-2', at: on('2025-02-06') },
    });
    // Flushed every three events, the fold adds to c-1's January row in two flushes and
    // restates d-1's month from memory in the last one.
    sale(history, 'd-3', 'c-1', on('2025-01-20'), 500, 100);
    history.run(
      'deal',
      openDeal('d-4', 'c-3', on('2025-02-07'), [line('p-1', 1, 700, 300, 'GBP')], 'GBP'),
      winDeal('d-4', on('2025-02-07')),
      {
        type: 'CorrectWonDeal',
        data: {
          dealId: 'd-1',
          reason: 'discount withdrawn',
          lineItems: [line('p-widget', 1, 1_000, 400)],
          at: on('2025-04-02'),
        },
      },
    );
    history.run('customer', {
      type: 'RevertCustomerMerge',
      data: { customerId: 'c-3', reason: 'not the same', at: on('2025-04-03') },
    });
    const events = history.events();

    await expectSameTablesHoweverDelivered(harness, events, 3, events.slice(2, 5));
  });
});
