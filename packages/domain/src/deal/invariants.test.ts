import { describe, expect, it } from 'vitest';
import type { ExchangeRate } from '../kernel/exchange-rate.ts';
import { dealInvariantBreaches } from './invariants.ts';
import type { WinProbabilityPercent } from './stage.ts';
import type { DealState, LostDeal, PipelineDeal, WonDeal } from './state.ts';
import {
  at,
  day,
  entry,
  eur,
  gadget,
  line,
  lost,
  money,
  opened,
  stateOf,
  widget,
  won,
} from './test-fixtures.ts';

const wonState = stateOf(won) as WonDeal;
const withOrder = (order: Partial<WonDeal['order']>, deal: Partial<WonDeal> = {}): DealState => ({
  ...wonState,
  ...deal,
  order: { ...wonState.order, ...order },
});
const invoiceOf = (id: string, amount: number, paid: number) => ({
  invoiceId: entry(id),
  amount: eur(amount),
  dueDate: day('2025-07-01'),
  issuedAt: at('2025-06-02T00:00:00Z'),
  paid: eur(paid),
});

describe('dealInvariantBreaches', () => {
  it('finds nothing wrong in decided histories', () => {
    for (const events of [[], opened, won, lost]) {
      expect(dealInvariantBreaches(stateOf(events))).toEqual([]);
    }
  });

  it('sees line items out of currency, negative, or with a bad quantity', () => {
    const bad = {
      ...(stateOf(lost) as LostDeal),
      lineItems: [line(widget, 0, money(1, 'USD'), eur(-1))],
    };
    expect(dealInvariantBreaches(bad)).toHaveLength(3);
  });

  it('sees a win probability outside 0–100', () => {
    const open = {
      ...(stateOf(opened) as PipelineDeal),
      winProbabilityPercent: 150 as WinProbabilityPercent,
    };
    expect(dealInvariantBreaches(open)).toEqual([
      'win probability 150 % is not a whole percent 0–100',
    ]);
  });

  it('sees revenue − cost ≠ profit and totals that are not the line sums', () => {
    expect(dealInvariantBreaches({ ...wonState, profit: eur(3_00) })).toEqual([
      'revenue 80.00 EUR − cost 78.00 EUR ≠ profit 3.00 EUR',
    ]);
    expect(dealInvariantBreaches({ ...wonState, revenue: eur(81_00), profit: eur(3_00) })).toEqual([
      'revenue and cost are not the sums over the line items',
    ]);
    expect(dealInvariantBreaches({ ...wonState, lineItems: [] })).toContain(
      'a won deal orders nothing',
    );
  });

  it('sees a rate from another currency', () => {
    const rate = { base: 'USD', quote: 'EUR', rate: '0.9' } as ExchangeRate;
    expect(dealInvariantBreaches({ ...wonState, exchangeRate: rate })).toHaveLength(1);
  });

  it('sees more delivered than ordered, and deliveries of products not ordered', () => {
    expect(
      dealInvariantBreaches(withOrder({ delivered: [{ productId: widget, quantity: 4 }] })),
    ).toEqual([`4 of ${widget} delivered, 3 ordered`]);
    expect(
      dealInvariantBreaches(withOrder({ delivered: [{ productId: gadget, quantity: 0 }] })),
    ).toHaveLength(1);
  });

  it('sees ids recorded twice', () => {
    const twice = [entry('a'), entry('a')];
    expect(
      dealInvariantBreaches(
        withOrder({
          deliveryIds: twice,
          paymentIds: twice,
          invoices: [invoiceOf('i', 1, 0), invoiceOf('i', 1, 0)],
          invoiced: eur(2),
          outstanding: eur(2),
        }),
      ),
    ).toEqual([
      'a delivery is recorded twice',
      'a payment is recorded twice',
      'an invoice is issued twice',
    ]);
  });

  it('sees an invoice overpaid, paid above invoiced, invoiced above revenue', () => {
    expect(
      dealInvariantBreaches(
        withOrder({
          invoices: [invoiceOf('i', 10, 11)],
          invoiced: eur(10),
          paid: eur(11),
          outstanding: eur(-1),
        }),
      ),
    ).toEqual([
      'invoice i is paid 0.11 EUR of 0.10 EUR',
      'paid 0.11 EUR exceeds invoiced 0.10 EUR',
    ]);
    expect(
      dealInvariantBreaches(
        withOrder({
          invoices: [invoiceOf('i', 90_00, 0)],
          invoiced: eur(90_00),
          outstanding: eur(90_00),
        }),
      ),
    ).toEqual(['invoiced 90.00 EUR exceeds revenue 80.00 EUR']);
  });

  it('sees totals that disagree with the invoices', () => {
    expect(
      dealInvariantBreaches(withOrder({ invoiced: eur(5), paid: eur(1), outstanding: eur(0) })),
    ).toEqual([
      'the invoiced total is not the sum of the invoices',
      'the paid total is not the sum of the payments',
      'outstanding is not invoiced − paid',
    ]);
  });
});
