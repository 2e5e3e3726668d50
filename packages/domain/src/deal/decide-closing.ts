import * as E from 'fp-ts/lib/Either.js';
import { isBefore } from '../kernel/time.ts';
import type { LoseDeal, ReopenDeal, WinDeal } from './commands-closing.ts';
import type { DealError } from './errors.ts';
import { dealHasNoLineItems } from './errors-amounts.ts';
import { dealAlreadyWon, dealClosedBeforeOpened, dealNotLost } from './errors-lifecycle.ts';
import type { DealEvent } from './events.ts';
import { requireDeal, requireOpen } from './guards.ts';
import { checkExchangeRate, checkLineItems } from './line-item-rules.ts';
import { defaultWinProbabilities } from './stage.ts';
import type { DealState } from './state.ts';

type Decision = E.Either<DealError, ReadonlyArray<DealEvent>>;

/**
 * Wins an open deal with at least one line item, no earlier than it was opened; the event records
 * exact revenue, cost and profit in the deal currency and the rate given, if any.
 */
export const decideWinDeal = (command: WinDeal, state: DealState): Decision =>
  E.flatMap(requireOpen(state, command), (deal) => {
    const { at, exchangeRate } = command.data;
    if (deal.lineItems.length === 0) return E.left(dealHasNoLineItems(deal.dealId));
    if (isBefore(at, deal.openedAt)) {
      return E.left(dealClosedBeforeOpened(deal.dealId, deal.openedAt, at));
    }
    const totals = checkLineItems(deal.currency, deal.lineItems);
    if (E.isLeft(totals)) return totals;
    if (exchangeRate !== undefined) {
      const rate = checkExchangeRate(deal.currency, exchangeRate, totals.right);
      if (E.isLeft(rate)) return rate;
    }
    return E.right([
      {
        type: 'DealWon',
        version: 1,
        data: {
          dealId: deal.dealId,
          customerId: deal.customerId,
          ownerId: deal.ownerId,
          sourceCampaignId: deal.sourceCampaignId,
          stage: deal.stage,
          currency: deal.currency,
          lineItems: deal.lineItems,
          ...totals.right,
          exchangeRate: exchangeRate ?? null,
          at,
        },
      },
    ]);
  });

/** Loses an open deal, no earlier than it was opened. */
export const decideLoseDeal = (command: LoseDeal, state: DealState): Decision =>
  E.flatMap(requireOpen(state, command), (deal) => {
    const { at, reason, competitor } = command.data;
    if (isBefore(at, deal.openedAt)) {
      return E.left(dealClosedBeforeOpened(deal.dealId, deal.openedAt, at));
    }
    return E.right([
      {
        type: 'DealLost',
        version: 1,
        data: {
          dealId: deal.dealId,
          stage: deal.stage,
          reason,
          competitor: competitor ?? null,
          at,
        },
      },
    ]);
  });

/** Reopens a lost deal in the stage named, or the one it was lost from. */
export const decideReopenDeal = (command: ReopenDeal, state: DealState): Decision =>
  E.flatMap(requireDeal(state, command), (deal) => {
    if (deal.status === 'won') return E.left(dealAlreadyWon(deal.dealId, command.type));
    if (deal.status === 'open') return E.left(dealNotLost(deal.dealId));
    const stage = command.data.stage ?? deal.stage;
    return E.right([
      {
        type: 'DealReopened',
        version: 1,
        data: {
          dealId: deal.dealId,
          stage,
          winProbabilityPercent: defaultWinProbabilities[stage],
          at: command.data.at,
        },
      },
    ]);
  });
