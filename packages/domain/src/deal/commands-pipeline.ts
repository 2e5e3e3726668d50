import * as t from 'io-ts';
import { CampaignId, CustomerId, DealId, UserId } from '../kernel/ids.ts';
import { CurrencyCode } from '../kernel/money.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { CalendarDate, Instant } from '../kernel/time.ts';
import { LineItem } from './line-item.ts';
import { OpenDealStage, WinProbabilityPercent } from './stage.ts';

/**
 * Opens a deal for an existing customer in the `qualification` stage. Every line item's unit
 * price and unit cost must be in the deal `currency`; `lineItems` may be empty at first.
 */
export const OpenDeal = t.readonly(
  t.type({
    type: t.literal('OpenDeal'),
    data: t.readonly(
      t.intersection([
        t.type({
          dealId: DealId,
          customerId: CustomerId,
          ownerId: UserId,
          title: NonEmptyString,
          expectedCloseDate: CalendarDate,
          currency: CurrencyCode,
          lineItems: t.readonlyArray(LineItem),
          at: Instant,
        }),
        t.partial({ sourceCampaignId: CampaignId }),
      ]),
    ),
  }),
);
export type OpenDeal = t.TypeOf<typeof OpenDeal>;

/** Moves an open deal to the next open stage (`negotiation` has none: win or lose it instead). */
export const AdvanceDealStage = t.readonly(
  t.type({
    type: t.literal('AdvanceDealStage'),
    data: t.readonly(t.type({ dealId: DealId, at: Instant })),
  }),
);
export type AdvanceDealStage = t.TypeOf<typeof AdvanceDealStage>;

/** Moves an open deal to any open stage, forwards or backwards (real pipelines slip back). */
export const MoveDealToStage = t.readonly(
  t.type({
    type: t.literal('MoveDealToStage'),
    data: t.readonly(t.type({ dealId: DealId, stage: OpenDealStage, at: Instant })),
  }),
);
export type MoveDealToStage = t.TypeOf<typeof MoveDealToStage>;

/** Overrides an open deal's win probability (whole percent) until its stage next changes. */
export const SetDealWinProbability = t.readonly(
  t.type({
    type: t.literal('SetDealWinProbability'),
    data: t.readonly(
      t.type({ dealId: DealId, winProbabilityPercent: WinProbabilityPercent, at: Instant }),
    ),
  }),
);
export type SetDealWinProbability = t.TypeOf<typeof SetDealWinProbability>;

/** Replaces an open deal's line items (same rules as on opening). */
export const ReviseLineItems = t.readonly(
  t.type({
    type: t.literal('ReviseLineItems'),
    data: t.readonly(t.type({ dealId: DealId, lineItems: t.readonlyArray(LineItem), at: Instant })),
  }),
);
export type ReviseLineItems = t.TypeOf<typeof ReviseLineItems>;

/** Moves an open deal's expected close date. */
export const MoveExpectedCloseDate = t.readonly(
  t.type({
    type: t.literal('MoveExpectedCloseDate'),
    data: t.readonly(t.type({ dealId: DealId, expectedCloseDate: CalendarDate, at: Instant })),
  }),
);
export type MoveExpectedCloseDate = t.TypeOf<typeof MoveExpectedCloseDate>;

/** Hands an open or lost deal to another owner (a won deal's owner is frozen with it). */
export const ReassignDeal = t.readonly(
  t.type({
    type: t.literal('ReassignDeal'),
    data: t.readonly(t.type({ dealId: DealId, ownerId: UserId, at: Instant })),
  }),
);
export type ReassignDeal = t.TypeOf<typeof ReassignDeal>;
