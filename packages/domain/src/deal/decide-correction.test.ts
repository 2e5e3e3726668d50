import { describe, expect, it } from 'vitest';
import type { ExchangeRate } from '../kernel/exchange-rate.ts';
import type { LineItem } from './line-item.ts';
import {
  accepted,
  at,
  customerId,
  day,
  dealId,
  entry,
  eur,
  eurToUsd,
  gadgets,
  historyOf,
  line,
  lost,
  money,
  openDeal,
  opened,
  refusal,
  stateOf,
  text,
  widget,
  widgets,
  win,
  won,
} from './test-fixtures.ts';

const t1 = at('2025-07-01T09:00:00Z');
const correct = (fix: { lineItems?: ReadonlyArray<LineItem>; exchangeRate?: ExchangeRate }) =>
  ({
    type: 'CorrectWonDeal',
    data: { dealId, reason: text('Wrong price keyed'), at: t1, ...fix },
  }) as const;

const cheaperWidgets = line(widget, 3, eur(9_00), eur(6_00));

describe('CorrectWonDeal', () => {
  it('records the figures before and after, with the reason', () => {
    expect(accepted(won, correct({ lineItems: [cheaperWidgets, gadgets] }))).toEqual([
      {
        type: 'WonDealCorrected',
        version: 1,
        data: {
          dealId,
          customerId,
          reason: 'Wrong price keyed',
          previous: {
            lineItems: [widgets, gadgets],
            revenue: eur(80_00),
            cost: eur(78_00),
            profit: eur(2_00),
            exchangeRate: null,
          },
          corrected: {
            lineItems: [cheaperWidgets, gadgets],
            revenue: eur(77_00),
            cost: eur(78_00),
            profit: eur(-1_00),
            exchangeRate: null,
          },
          at: t1,
        },
      },
    ]);
  });

  it('changes the won deal’s figures and counts the correction', () => {
    const corrected = [...won, ...accepted(won, correct({ lineItems: [cheaperWidgets, gadgets] }))];
    expect(stateOf(corrected)).toMatchObject({
      status: 'won',
      revenue: eur(77_00),
      profit: eur(-1_00),
      corrections: 1,
    });
  });

  it('corrects the exchange rate alone, keeping the line items', () => {
    const [event] = accepted(won, correct({ exchangeRate: eurToUsd('1.1') }));
    expect(event?.type === 'WonDealCorrected' && event.data.corrected).toMatchObject({
      lineItems: [widgets, gadgets],
      exchangeRate: { base: 'EUR', quote: 'USD', rate: '1.1' },
    });
  });

  it('is a no-op when nothing would change', () => {
    expect(accepted(won, correct({ lineItems: [widgets, gadgets] }))).toEqual([]);
    const withRate = historyOf(openDeal(), win({ exchangeRate: eurToUsd('1.1') }));
    expect(accepted(withRate, correct({ exchangeRate: eurToUsd('1.1') }))).toEqual([]);
    expect(accepted(withRate, correct({ exchangeRate: eurToUsd('1.2') }))).toHaveLength(1);
    const otherQuote = { base: 'EUR', quote: 'GBP', rate: '1.1' } as ExchangeRate;
    expect(accepted(withRate, correct({ exchangeRate: otherQuote }))).toHaveLength(1);
  });

  it('refuses a correction that names nothing, or leaves no line items', () => {
    expect(refusal(won, correct({}))._tag).toBe('NothingToCorrect');
    expect(refusal(won, correct({ lineItems: [] }))._tag).toBe('DealHasNoLineItems');
  });

  it('refuses lines in another currency and a rate from another currency', () => {
    expect(
      refusal(won, correct({ lineItems: [line(widget, 1, eur(1), money(1, 'USD'))] }))._tag,
    ).toBe('LineItemNotInDealCurrency');
    const fromUsd = { base: 'USD', quote: 'EUR', rate: '0.9' } as ExchangeRate;
    expect(refusal(won, correct({ exchangeRate: fromUsd }))._tag).toBe(
      'ExchangeRateNotFromDealCurrency',
    );
  });

  it('refuses to order less than was delivered, or to bill less than was invoiced', () => {
    const executed = [
      ...won,
      ...accepted(won, {
        type: 'RecordDelivery',
        data: {
          dealId,
          deliveryId: entry('dlv-1'),
          lines: [{ productId: widget, quantity: 3 as LineItem['quantity'] }],
          at: t1,
        },
      }),
    ];
    expect(refusal(executed, correct({ lineItems: [gadgets] }))).toMatchObject({
      _tag: 'CorrectionBelowDelivered',
      productId: widget,
      delivered: 3,
      ordered: 0,
    });
    const invoiced = [
      ...won,
      ...accepted(won, {
        type: 'IssueInvoice',
        data: {
          dealId,
          invoiceId: entry('inv-1'),
          amount: eur(60_00),
          dueDate: day('2025-07-31'),
          at: t1,
        },
      }),
    ];
    expect(refusal(invoiced, correct({ lineItems: [widgets] }))).toMatchObject({
      _tag: 'CorrectionBelowInvoiced',
      invoiced: eur(60_00),
      revenue: eur(30_00),
    });
    expect(accepted(invoiced, correct({ lineItems: [cheaperWidgets, gadgets] }))).toHaveLength(1);
  });

  it('is refused unless the deal is won', () => {
    expect(refusal(opened, correct({ lineItems: [widgets] }))).toMatchObject({
      _tag: 'DealNotWon',
      status: 'open',
    });
    expect(refusal(lost, correct({ lineItems: [widgets] }))).toMatchObject({
      _tag: 'DealNotWon',
      status: 'lost',
    });
    expect(refusal([], correct({ lineItems: [widgets] }))._tag).toBe('DealNotOpened');
  });
});
