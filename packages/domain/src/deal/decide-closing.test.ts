import { describe, expect, it } from 'vitest';
import type { ExchangeRate } from '../kernel/exchange-rate.ts';
import type { DealId } from '../kernel/ids.ts';
import {
  accepted,
  at,
  customerId,
  dealId,
  eur,
  eurToUsd,
  gadgets,
  historyOf,
  line,
  lost,
  openDeal,
  opened,
  ownerId,
  refusal,
  stateOf,
  text,
  widget,
  widgets,
  win,
  won,
} from './test-fixtures.ts';

const lose = (competitor?: string) =>
  ({
    type: 'LoseDeal',
    data: {
      dealId,
      reason: text('Went with a cheaper offer'),
      at: at('2025-04-01T10:00:00Z'),
      ...(competitor === undefined ? {} : { competitor: text(competitor) }),
    },
  }) as const;

describe('WinDeal', () => {
  it('records revenue, cost and profit exactly, with the line items and the rate', () => {
    expect(accepted(opened, win({ exchangeRate: eurToUsd('1.0834') }))).toEqual([
      {
        type: 'DealWon',
        version: 1,
        data: {
          dealId,
          customerId,
          ownerId,
          sourceCampaignId: null,
          stage: 'qualification',
          currency: 'EUR',
          lineItems: [widgets, gadgets],
          revenue: eur(80_00),
          cost: eur(78_00),
          profit: eur(2_00),
          exchangeRate: { base: 'EUR', quote: 'USD', rate: '1.0834' },
          at: '2025-06-01T12:00:00Z',
        },
      },
    ]);
  });

  it('records a negative profit for a loss-making order and null for no rate', () => {
    const lossMaking = historyOf(openDeal({ lineItems: [gadgets] }));
    const [event] = accepted(lossMaking, win());
    expect(event?.type === 'DealWon' && event.data).toMatchObject({
      profit: eur(-10_00),
      exchangeRate: null,
    });
  });

  it('leaves the deal won with an empty order', () => {
    expect(stateOf(won)).toMatchObject({
      status: 'won',
      wonAt: '2025-06-01T12:00:00Z',
      revenue: eur(80_00),
      profit: eur(2_00),
      corrections: 0,
      order: { delivered: [], invoiced: eur(0), paid: eur(0), outstanding: eur(0) },
    });
  });

  it('refuses a deal with no line items', () => {
    expect(refusal(historyOf(openDeal({ lineItems: [] })), win())._tag).toBe('DealHasNoLineItems');
  });

  it('refuses a win before the deal was opened', () => {
    expect(refusal(opened, win({ at: at('2025-02-28T09:00:00Z') }))).toMatchObject({
      _tag: 'DealClosedBeforeOpened',
      openedAt: '2025-03-01T09:00:00Z',
    });
  });

  it('refuses a rate from another currency than the deal’s', () => {
    const usdToEur = { base: 'USD', quote: 'EUR', rate: '0.92' } as ExchangeRate;
    expect(refusal(opened, win({ exchangeRate: usdToEur }))).toMatchObject({
      _tag: 'ExchangeRateNotFromDealCurrency',
      expected: 'EUR',
      actual: 'USD',
    });
  });

  it('refuses a rate under which the figures would overflow in the reporting currency', () => {
    const big = historyOf(openDeal({ lineItems: [line(widget, 1, eur(2 ** 50), eur(0))] }));
    expect(refusal(big, win({ exchangeRate: eurToUsd('1000') }))._tag).toBe('MoneyOutOfRange');
  });

  it('refuses a second win and a win of a lost deal', () => {
    expect(refusal(won, win())._tag).toBe('DealAlreadyWon');
    expect(refusal(lost, win())._tag).toBe('DealAlreadyLost');
    expect(refusal([], win())._tag).toBe('DealNotOpened');
  });
});

describe('LoseDeal', () => {
  it('records the stage, reason and competitor', () => {
    expect(accepted(opened, lose('Acme'))).toEqual([
      {
        type: 'DealLost',
        version: 1,
        data: {
          dealId,
          stage: 'qualification',
          reason: 'Went with a cheaper offer',
          competitor: 'Acme',
          at: '2025-04-01T10:00:00Z',
        },
      },
    ]);
    const [event] = accepted(opened, lose());
    expect(event?.type === 'DealLost' && event.data.competitor).toBeNull();
    expect(stateOf(lost)).toMatchObject({ status: 'lost', reason: 'Budget cut', competitor: null });
  });

  it('refuses to lose a won deal, a lost deal, or before the deal was opened', () => {
    expect(refusal(won, lose())._tag).toBe('DealAlreadyWon');
    expect(refusal(lost, lose())._tag).toBe('DealAlreadyLost');
    const early = { ...lose(), data: { ...lose().data, at: at('2025-01-01T00:00:00Z') } };
    expect(refusal(opened, early)._tag).toBe('DealClosedBeforeOpened');
  });
});

describe('ReopenDeal', () => {
  const reopen = (stage?: 'proposal') =>
    ({
      type: 'ReopenDeal',
      data: { dealId, at: at('2025-05-01T10:00:00Z'), ...(stage ? { stage } : {}) },
    }) as const;

  it('reopens a lost deal in the stage it was lost from, or the one named', () => {
    expect(accepted(lost, reopen())).toEqual([
      {
        type: 'DealReopened',
        version: 1,
        data: {
          dealId,
          stage: 'qualification',
          winProbabilityPercent: 10,
          at: '2025-05-01T10:00:00Z',
        },
      },
    ]);
    const reopened = [...lost, ...accepted(lost, reopen('proposal'))];
    expect(stateOf(reopened)).toMatchObject({
      status: 'open',
      stage: 'proposal',
      winProbabilityPercent: 50,
    });
    expect(stateOf(reopened)).not.toHaveProperty('reason');
  });

  it('refuses to reopen an open deal or a won deal', () => {
    expect(refusal(opened, reopen())._tag).toBe('DealNotLost');
    expect(refusal(won, reopen())._tag).toBe('DealAlreadyWon');
    expect(
      refusal(lost, { ...reopen(), data: { ...reopen().data, dealId: 'x' as DealId } })._tag,
    ).toBe('DealIdMismatch');
  });
});
