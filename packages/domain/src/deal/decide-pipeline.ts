import * as E from 'fp-ts/lib/Either.js';
import type {
  AdvanceDealStage,
  MoveDealToStage,
  MoveExpectedCloseDate,
  OpenDeal,
  ReassignDeal,
  ReviseLineItems,
  SetDealWinProbability,
} from './commands-pipeline.ts';
import type { DealError } from './errors.ts';
import { dealAlreadyWon, dealInLastOpenStage } from './errors-lifecycle.ts';
import type { DealEvent } from './events.ts';
import { requireDeal, requireOpen, requireUnopened } from './guards.ts';
import { sameLineItems } from './line-item.ts';
import { checkLineItems } from './line-item-rules.ts';
import { defaultWinProbabilities, nextOpenStage, type OpenDealStage } from './stage.ts';
import type { DealState, PipelineDeal } from './state.ts';

type Decision = E.Either<DealError, ReadonlyArray<DealEvent>>;

const none: Decision = E.right([]);

/** Opens an unopened deal in qualification, its line items all in the deal currency. */
export const decideOpenDeal = (command: OpenDeal, state: DealState): Decision => {
  const unopened = requireUnopened(state, command);
  if (E.isLeft(unopened)) return unopened;
  const { data } = command;
  const totals = checkLineItems(data.currency, data.lineItems);
  if (E.isLeft(totals)) return totals;
  return E.right([
    {
      type: 'DealOpened',
      version: 1,
      data: {
        dealId: data.dealId,
        customerId: data.customerId,
        ownerId: data.ownerId,
        title: data.title,
        expectedCloseDate: data.expectedCloseDate,
        sourceCampaignId: data.sourceCampaignId ?? null,
        currency: data.currency,
        lineItems: data.lineItems,
        stage: 'qualification',
        winProbabilityPercent: defaultWinProbabilities.qualification,
        at: data.at,
      },
    },
  ]);
};

const stageChanged = (
  deal: PipelineDeal,
  to: OpenDealStage,
  at: PipelineDeal['openedAt'],
): Decision =>
  deal.stage === to
    ? none
    : E.right([
        {
          type: 'DealStageChanged',
          version: 1,
          data: {
            dealId: deal.dealId,
            from: deal.stage,
            to,
            winProbabilityPercent: defaultWinProbabilities[to],
            at,
          },
        },
      ]);

/** Moves an open deal one stage forward; from negotiation the only ways on are win and lose. */
export const decideAdvanceDealStage = (command: AdvanceDealStage, state: DealState): Decision =>
  E.flatMap(requireOpen(state, command), (deal) => {
    const next = nextOpenStage(deal.stage);
    return next === undefined
      ? E.left(dealInLastOpenStage(deal.dealId, deal.stage))
      : stageChanged(deal, next, command.data.at);
  });

/** Moves an open deal to any open stage; moving to the stage it is in changes nothing. */
export const decideMoveDealToStage = (command: MoveDealToStage, state: DealState): Decision =>
  E.flatMap(requireOpen(state, command), (deal) =>
    stageChanged(deal, command.data.stage, command.data.at),
  );

/** Overrides an open deal's win probability; setting the current value changes nothing. */
export const decideSetDealWinProbability = (
  command: SetDealWinProbability,
  state: DealState,
): Decision =>
  E.flatMap(requireOpen(state, command), (deal) => {
    const to = command.data.winProbabilityPercent;
    if (deal.winProbabilityPercent === to) return none;
    return E.right([
      {
        type: 'DealWinProbabilitySet',
        version: 1,
        data: { dealId: deal.dealId, from: deal.winProbabilityPercent, to, at: command.data.at },
      },
    ]);
  });

/** Replaces an open deal's line items under the opening rules; the same lines change nothing. */
export const decideReviseLineItems = (command: ReviseLineItems, state: DealState): Decision =>
  E.flatMap(requireOpen(state, command), (deal) => {
    const { lineItems, at } = command.data;
    const totals = checkLineItems(deal.currency, lineItems);
    if (E.isLeft(totals)) return totals;
    if (sameLineItems(deal.lineItems, lineItems)) return none;
    return E.right([
      { type: 'DealLineItemsRevised', version: 1, data: { dealId: deal.dealId, lineItems, at } },
    ]);
  });

/** Moves an open deal's expected close date; the same date changes nothing. */
export const decideMoveExpectedCloseDate = (
  command: MoveExpectedCloseDate,
  state: DealState,
): Decision =>
  E.flatMap(requireOpen(state, command), (deal) => {
    const { expectedCloseDate: to, at } = command.data;
    if (deal.expectedCloseDate === to) return none;
    return E.right([
      {
        type: 'DealExpectedCloseDateMoved',
        version: 1,
        data: { dealId: deal.dealId, from: deal.expectedCloseDate, to, at },
      },
    ]);
  });

/** Open and lost deals change hands; a won deal's owner stays, as commissions hang on it. */
export const decideReassignDeal = (command: ReassignDeal, state: DealState): Decision =>
  E.flatMap(requireDeal(state, command), (deal) => {
    if (deal.status === 'won') return E.left(dealAlreadyWon(deal.dealId, command.type));
    const { ownerId, at } = command.data;
    if (deal.ownerId === ownerId) return none;
    return E.right([
      {
        type: 'DealReassigned',
        version: 1,
        data: { dealId: deal.dealId, previousOwnerId: deal.ownerId, ownerId, at },
      },
    ]);
  });
