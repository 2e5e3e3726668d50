import * as t from 'io-ts';
import { CampaignId, CustomerId, DealId, UserId } from '../kernel/ids.ts';
import { CurrencyCode } from '../kernel/money.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { CalendarDate, Instant } from '../kernel/time.ts';
import { LineItem } from './line-item.ts';
import { OpenDealStage, WinProbabilityPercent } from './stage.ts';

/** A deal was opened for a customer, in `stage` with that stage's default win probability. */
export const DealOpened = t.readonly(
  t.type({
    type: t.literal('DealOpened'),
    version: t.literal(1),
    data: t.readonly(
      t.type({
        dealId: DealId,
        customerId: CustomerId,
        ownerId: UserId,
        title: NonEmptyString,
        expectedCloseDate: CalendarDate,
        sourceCampaignId: t.union([CampaignId, t.null]),
        currency: CurrencyCode,
        lineItems: t.readonlyArray(LineItem),
        stage: OpenDealStage,
        winProbabilityPercent: WinProbabilityPercent,
        at: Instant,
      }),
    ),
  }),
);
export type DealOpened = t.TypeOf<typeof DealOpened>;

/**
 * An open deal moved between open stages (`from` → `to`, either direction); its win probability
 * became the new stage's default.
 */
export const DealStageChanged = t.readonly(
  t.type({
    type: t.literal('DealStageChanged'),
    version: t.literal(1),
    data: t.readonly(
      t.type({
        dealId: DealId,
        from: OpenDealStage,
        to: OpenDealStage,
        winProbabilityPercent: WinProbabilityPercent,
        at: Instant,
      }),
    ),
  }),
);
export type DealStageChanged = t.TypeOf<typeof DealStageChanged>;

/** An open deal's win probability was overridden. */
export const DealWinProbabilitySet = t.readonly(
  t.type({
    type: t.literal('DealWinProbabilitySet'),
    version: t.literal(1),
    data: t.readonly(
      t.type({
        dealId: DealId,
        from: WinProbabilityPercent,
        to: WinProbabilityPercent,
        at: Instant,
      }),
    ),
  }),
);
export type DealWinProbabilitySet = t.TypeOf<typeof DealWinProbabilitySet>;

/** An open deal's line items were replaced. */
export const DealLineItemsRevised = t.readonly(
  t.type({
    type: t.literal('DealLineItemsRevised'),
    version: t.literal(1),
    data: t.readonly(t.type({ dealId: DealId, lineItems: t.readonlyArray(LineItem), at: Instant })),
  }),
);
export type DealLineItemsRevised = t.TypeOf<typeof DealLineItemsRevised>;

/** An open deal's expected close date moved. */
export const DealExpectedCloseDateMoved = t.readonly(
  t.type({
    type: t.literal('DealExpectedCloseDateMoved'),
    version: t.literal(1),
    data: t.readonly(t.type({ dealId: DealId, from: CalendarDate, to: CalendarDate, at: Instant })),
  }),
);
export type DealExpectedCloseDateMoved = t.TypeOf<typeof DealExpectedCloseDateMoved>;

/** A deal changed hands from `previousOwnerId` to `ownerId`. */
export const DealReassigned = t.readonly(
  t.type({
    type: t.literal('DealReassigned'),
    version: t.literal(1),
    data: t.readonly(
      t.type({ dealId: DealId, previousOwnerId: UserId, ownerId: UserId, at: Instant }),
    ),
  }),
);
export type DealReassigned = t.TypeOf<typeof DealReassigned>;
