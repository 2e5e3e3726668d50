import { describe, expect, it } from 'vitest';
import type { CampaignId, DealId } from '../kernel/ids.ts';
import type { CurrencyCode } from '../kernel/money.ts';
import type { WinProbabilityPercent } from './stage.ts';
import {
  accepted,
  at,
  customerId,
  day,
  dealId,
  eur,
  gadgets,
  historyOf,
  line,
  lost,
  money,
  openDeal,
  opened,
  otherOwnerId,
  ownerId,
  refusal,
  stateOf,
  widget,
  widgets,
  won,
} from './test-fixtures.ts';

const t0 = at('2025-03-02T09:00:00Z');
const advance = { type: 'AdvanceDealStage', data: { dealId, at: t0 } } as const;
const moveTo = (stage: 'qualification' | 'needs_analysis' | 'proposal' | 'negotiation') =>
  ({ type: 'MoveDealToStage', data: { dealId, stage, at: t0 } }) as const;
const percent = (n: number) => n as WinProbabilityPercent;

describe('OpenDeal', () => {
  it('opens the deal in qualification at 10 % with its facts', () => {
    expect(accepted([], openDeal({ sourceCampaignId: 'camp-1' as CampaignId }))).toEqual([
      {
        type: 'DealOpened',
        version: 1,
        data: {
          dealId,
          customerId,
          ownerId,
          title: 'Fleet renewal',
          expectedCloseDate: '2025-06-30',
          sourceCampaignId: 'camp-1',
          currency: 'EUR',
          lineItems: [widgets, gadgets],
          stage: 'qualification',
          winProbabilityPercent: 10,
          at: '2025-03-01T09:00:00Z',
        },
      },
    ]);
  });

  it('records no source campaign as null and accepts a deal with no line items yet', () => {
    const [event] = accepted([], openDeal({ lineItems: [] }));
    expect(event?.type === 'DealOpened' && event.data).toMatchObject({
      sourceCampaignId: null,
      lineItems: [],
    });
  });

  it('refuses a line item in another currency, naming the line and field', () => {
    const dollarCost = line(widget, 1, eur(100), money(90, 'USD'));
    expect(refusal([], openDeal({ lineItems: [widgets, dollarCost] }))).toMatchObject({
      _tag: 'LineItemNotInDealCurrency',
      lineIndex: 1,
      field: 'unitCost',
      expected: 'EUR',
      actual: 'USD',
    });
    const dollarPrice = line(widget, 1, money(100, 'USD'), eur(90));
    expect(refusal([], openDeal({ lineItems: [dollarPrice] }))).toMatchObject({
      _tag: 'LineItemNotInDealCurrency',
      lineIndex: 0,
      field: 'unitPrice',
    });
  });

  it('refuses a negative price or cost', () => {
    const error = refusal([], openDeal({ lineItems: [line(widget, 1, eur(-5), eur(0))] }));
    expect(error).toMatchObject({
      _tag: 'LineItemAmountNegative',
      lineIndex: 0,
      field: 'unitPrice',
    });
    expect(error.message).toContain('-0.05 EUR');
  });

  it('refuses line items whose totals leave the safe integer range', () => {
    const huge = line(widget, 1_000_000_000, eur(Number.MAX_SAFE_INTEGER), eur(0));
    expect(refusal([], openDeal({ lineItems: [huge] }))._tag).toBe('MoneyOutOfRange');
    const costly = line(widget, 1_000_000_000, eur(0), eur(Number.MAX_SAFE_INTEGER));
    expect(refusal([], openDeal({ lineItems: [costly] }))._tag).toBe('MoneyOutOfRange');
  });

  it('accepts a deal in a currency with no minor unit', () => {
    const yen = line(widget, 2, money(500, 'JPY'), money(300, 'JPY'));
    expect(
      accepted([], openDeal({ currency: 'JPY' as CurrencyCode, lineItems: [yen] })),
    ).toHaveLength(1);
  });

  it('refuses to open a deal twice, or another deal in this stream', () => {
    expect(refusal(opened, openDeal())._tag).toBe('DealAlreadyOpened');
    expect(refusal(opened, openDeal({ dealId: 'deal-2' as DealId }))).toMatchObject({
      _tag: 'DealIdMismatch',
      expected: 'deal-1',
      actual: 'deal-2',
    });
  });
});

describe('stages', () => {
  it('advances one stage at a time with that stage’s default probability', () => {
    expect(accepted(opened, advance)).toEqual([
      {
        type: 'DealStageChanged',
        version: 1,
        data: {
          dealId,
          from: 'qualification',
          to: 'needs_analysis',
          winProbabilityPercent: 25,
          at: t0,
        },
      },
    ]);
    const inNegotiation = historyOf(openDeal(), advance, advance, advance);
    expect(stateOf(inNegotiation)).toMatchObject({
      stage: 'negotiation',
      winProbabilityPercent: 75,
    });
    expect(refusal(inNegotiation, advance)).toMatchObject({
      _tag: 'DealInLastOpenStage',
      stage: 'negotiation',
    });
  });

  it('moves to any open stage, backwards too, recording from and to', () => {
    const inProposal = historyOf(openDeal(), moveTo('proposal'));
    expect(stateOf(inProposal)).toMatchObject({ stage: 'proposal', winProbabilityPercent: 50 });
    expect(accepted(inProposal, moveTo('qualification'))).toEqual([
      {
        type: 'DealStageChanged',
        version: 1,
        data: { dealId, from: 'proposal', to: 'qualification', winProbabilityPercent: 10, at: t0 },
      },
    ]);
  });

  it('treats a move to the current stage as already done', () => {
    expect(accepted(opened, moveTo('qualification'))).toEqual([]);
  });

  it('refuses stage changes before the deal is opened, after it is won or lost', () => {
    expect(refusal([], advance)._tag).toBe('DealNotOpened');
    expect(refusal(won, moveTo('proposal'))).toMatchObject({
      _tag: 'DealAlreadyWon',
      command: 'MoveDealToStage',
    });
    expect(refusal(lost, advance)._tag).toBe('DealAlreadyLost');
    expect(refusal(lost, advance).message).toContain('reopen it first');
  });
});

describe('SetDealWinProbability', () => {
  const setTo = (n: number) =>
    ({
      type: 'SetDealWinProbability',
      data: { dealId, winProbabilityPercent: percent(n), at: t0 },
    }) as const;

  it('overrides the probability until the stage changes', () => {
    expect(accepted(opened, setTo(40))).toEqual([
      { type: 'DealWinProbabilitySet', version: 1, data: { dealId, from: 10, to: 40, at: t0 } },
    ]);
    const overridden = historyOf(openDeal(), setTo(40));
    expect(stateOf(overridden)).toMatchObject({ winProbabilityPercent: 40 });
    expect(stateOf(historyOf(openDeal(), setTo(40), advance))).toMatchObject({
      winProbabilityPercent: 25,
    });
  });

  it('is a no-op when the probability is already that', () => {
    expect(accepted(opened, setTo(10))).toEqual([]);
  });
});

describe('ReviseLineItems', () => {
  const revise = (lineItems: ReadonlyArray<typeof widgets>) =>
    ({ type: 'ReviseLineItems', data: { dealId, lineItems, at: t0 } }) as const;

  it('replaces the line items', () => {
    expect(accepted(opened, revise([widgets]))).toEqual([
      { type: 'DealLineItemsRevised', version: 1, data: { dealId, lineItems: [widgets], at: t0 } },
    ]);
    expect(stateOf(historyOf(openDeal(), revise([gadgets])))).toMatchObject({
      lineItems: [gadgets],
    });
  });

  it('is a no-op for the same lines and refuses lines in another currency', () => {
    expect(accepted(opened, revise([widgets, gadgets]))).toEqual([]);
    expect(refusal(opened, revise([line(widget, 1, money(1, 'GBP'), eur(1))]))).toMatchObject({
      _tag: 'LineItemNotInDealCurrency',
      lineIndex: 0,
    });
  });

  it('sees a change in any field of a line', () => {
    for (const changed of [
      line(widget, 4, eur(10_00), eur(6_00)),
      line(widget, 3, eur(11_00), eur(6_00)),
      line(widget, 3, eur(10_00), eur(7_00)),
      line(gadgets.productId, 3, eur(10_00), eur(6_00)),
    ]) {
      expect(accepted(opened, revise([changed, gadgets]))).toHaveLength(1);
    }
    expect(accepted(opened, revise([widgets]))).toHaveLength(1);
  });
});

describe('MoveExpectedCloseDate', () => {
  const moveClose = (date: string) =>
    ({
      type: 'MoveExpectedCloseDate',
      data: { dealId, expectedCloseDate: day(date), at: t0 },
    }) as const;

  it('moves the date, recording from and to; the same date is a no-op', () => {
    expect(accepted(opened, moveClose('2025-09-30'))).toEqual([
      {
        type: 'DealExpectedCloseDateMoved',
        version: 1,
        data: { dealId, from: '2025-06-30', to: '2025-09-30', at: t0 },
      },
    ]);
    expect(stateOf(historyOf(openDeal(), moveClose('2025-09-30')))).toMatchObject({
      expectedCloseDate: '2025-09-30',
    });
    expect(accepted(opened, moveClose('2025-06-30'))).toEqual([]);
  });
});

describe('ReassignDeal', () => {
  const reassign = (to = otherOwnerId) =>
    ({ type: 'ReassignDeal', data: { dealId, ownerId: to, at: t0 } }) as const;

  it('hands an open or lost deal to another owner', () => {
    const event = {
      type: 'DealReassigned',
      version: 1,
      data: { dealId, previousOwnerId: ownerId, ownerId: otherOwnerId, at: t0 },
    };
    expect(accepted(opened, reassign())).toEqual([event]);
    expect(accepted(lost, reassign())).toEqual([event]);
    expect(stateOf([...lost, ...accepted(lost, reassign())])).toMatchObject({
      status: 'lost',
      ownerId: otherOwnerId,
    });
  });

  it('is a no-op for the current owner and refused on a won deal', () => {
    expect(accepted(opened, reassign(ownerId))).toEqual([]);
    expect(refusal(won, reassign())._tag).toBe('DealAlreadyWon');
  });
});
