import * as t from 'io-ts';
import { CustomerId, EntryId, UserId } from '../kernel/ids.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import { eventCodec } from './codec-shapes.ts';
import {
  InteractionChannel,
  InteractionDirection,
  LoyaltyPoints,
  SatisfactionScore,
} from './engagement.ts';

/** A contact with the customer took place. */
export const InteractionRecorded = eventCodec(
  'InteractionRecorded',
  1,
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
export type InteractionRecorded = t.TypeOf<typeof InteractionRecorded>;

/** A follow-up was scheduled. */
export const FollowUpScheduled = eventCodec(
  'FollowUpScheduled',
  1,
  t.readonly(
    t.type({
      customerId: CustomerId,
      followUpId: EntryId,
      dueAt: Instant,
      assigneeId: UserId,
      note: t.union([NonEmptyString, t.null]),
      at: Instant,
    }),
  ),
);
export type FollowUpScheduled = t.TypeOf<typeof FollowUpScheduled>;

/** A follow-up was done. */
export const FollowUpCompleted = eventCodec(
  'FollowUpCompleted',
  1,
  t.readonly(t.type({ customerId: CustomerId, followUpId: EntryId, at: Instant })),
);
export type FollowUpCompleted = t.TypeOf<typeof FollowUpCompleted>;

/** A follow-up was called off. */
export const FollowUpCancelled = eventCodec(
  'FollowUpCancelled',
  1,
  t.readonly(
    t.type({ customerId: CustomerId, followUpId: EntryId, reason: NonEmptyString, at: Instant }),
  ),
);
export type FollowUpCancelled = t.TypeOf<typeof FollowUpCancelled>;

/** The customer answered a survey. */
export const SatisfactionScoreRecorded = eventCodec(
  'SatisfactionScoreRecorded',
  1,
  t.readonly(
    t.type({ customerId: CustomerId, surveyId: EntryId, score: SatisfactionScore, at: Instant }),
  ),
);
export type SatisfactionScoreRecorded = t.TypeOf<typeof SatisfactionScoreRecorded>;

const loyaltyEntry = t.readonly(
  t.type({
    customerId: CustomerId,
    points: LoyaltyPoints,
    reason: NonEmptyString,
    reference: t.union([NonEmptyString, t.null]),
    at: Instant,
  }),
);

/** Loyalty points were credited. */
export const LoyaltyPointsEarned = eventCodec('LoyaltyPointsEarned', 1, loyaltyEntry);
export type LoyaltyPointsEarned = t.TypeOf<typeof LoyaltyPointsEarned>;

/** Loyalty points were spent. */
export const LoyaltyPointsRedeemed = eventCodec('LoyaltyPointsRedeemed', 1, loyaltyEntry);
export type LoyaltyPointsRedeemed = t.TypeOf<typeof LoyaltyPointsRedeemed>;
