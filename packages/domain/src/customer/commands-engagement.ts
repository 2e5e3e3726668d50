import * as t from 'io-ts';
import { CustomerId, EntryId, UserId } from '../kernel/ids.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import { commandCodec } from './codec-shapes.ts';
import {
  InteractionChannel,
  InteractionDirection,
  LoyaltyPoints,
  SatisfactionScore,
} from './engagement.ts';

/** Records one contact with the customer: a call, an email, a meeting, a chat, a social message or a visit. */
export const RecordInteraction = commandCodec(
  'RecordInteraction',
  t.readonly(
    t.type({
      customerId: CustomerId,
      interactionId: EntryId,
      channel: InteractionChannel,
      direction: InteractionDirection,
      summary: NonEmptyString,
      by: UserId,
      at: Instant,
    }),
  ),
);
export type RecordInteraction = t.TypeOf<typeof RecordInteraction>;

/** Schedules a follow-up (a call back, a visit) due at `dueAt`, for `assigneeId`. */
export const ScheduleFollowUp = commandCodec(
  'ScheduleFollowUp',
  t.readonly(
    t.intersection([
      t.type({
        customerId: CustomerId,
        followUpId: EntryId,
        dueAt: Instant,
        assigneeId: UserId,
        at: Instant,
      }),
      t.partial({ note: NonEmptyString }),
    ]),
  ),
);
export type ScheduleFollowUp = t.TypeOf<typeof ScheduleFollowUp>;

/** Marks an open follow-up as done. */
export const CompleteFollowUp = commandCodec(
  'CompleteFollowUp',
  t.readonly(t.type({ customerId: CustomerId, followUpId: EntryId, at: Instant })),
);
export type CompleteFollowUp = t.TypeOf<typeof CompleteFollowUp>;

/** Calls off an open follow-up, with the reason. */
export const CancelFollowUp = commandCodec(
  'CancelFollowUp',
  t.readonly(
    t.type({ customerId: CustomerId, followUpId: EntryId, reason: NonEmptyString, at: Instant }),
  ),
);
export type CancelFollowUp = t.TypeOf<typeof CancelFollowUp>;

/** Records the customer's answer to one survey: CSAT 1–5 or NPS 0–10. */
export const RecordSatisfactionScore = commandCodec(
  'RecordSatisfactionScore',
  t.readonly(
    t.type({ customerId: CustomerId, surveyId: EntryId, score: SatisfactionScore, at: Instant }),
  ),
);
export type RecordSatisfactionScore = t.TypeOf<typeof RecordSatisfactionScore>;

const loyaltyEntry = t.readonly(
  t.intersection([
    t.type({ customerId: CustomerId, points: LoyaltyPoints, reason: NonEmptyString, at: Instant }),
    t.partial({ reference: NonEmptyString }),
  ]),
);

/** Credits loyalty points, with the reason and optionally what they are for (an order number). */
export const EarnLoyaltyPoints = commandCodec('EarnLoyaltyPoints', loyaltyEntry);
export type EarnLoyaltyPoints = t.TypeOf<typeof EarnLoyaltyPoints>;

/** Spends loyalty points; refused when the balance would go negative. */
export const RedeemLoyaltyPoints = commandCodec('RedeemLoyaltyPoints', loyaltyEntry);
export type RedeemLoyaltyPoints = t.TypeOf<typeof RedeemLoyaltyPoints>;
