import type { DomainError } from '../kernel/domain-error.ts';
import type { CustomerId, EntryId } from '../kernel/ids.ts';
import type { InteractionChannel } from './engagement.ts';
import type { ForwardStage, LifecycleStage } from './lifecycle-stage.ts';

/** The target stage is not ahead of where the customer stands. */
export interface LifecycleStageNotForward extends DomainError<'LifecycleStageNotForward'> {
  readonly customerId: CustomerId;
  readonly current: LifecycleStage;
  readonly target: ForwardStage;
}
export const lifecycleStageNotForward = (
  customerId: CustomerId,
  current: LifecycleStage,
  target: ForwardStage,
  resumesAt?: ForwardStage,
): LifecycleStageNotForward => ({
  _tag: 'LifecycleStageNotForward',
  customerId,
  current,
  target,
  message:
    resumesAt === undefined
      ? `Customer ${customerId} is at ${current}; ${target} is not a later stage (the lifecycle only moves forward).`
      : `Customer ${customerId} was reactivated after churning at ${resumesAt}; it resumes at ${resumesAt} or a later stage, not ${target}.`,
});

/** The customer is churned: it must be reactivated before it moves on, and cannot churn again. */
export interface CustomerIsChurned extends DomainError<'CustomerIsChurned'> {
  readonly customerId: CustomerId;
}
export const customerIsChurned = (
  customerId: CustomerId,
  attempted: string,
): CustomerIsChurned => ({
  _tag: 'CustomerIsChurned',
  customerId,
  message: `Customer ${customerId} is churned; ${attempted}.`,
});

/** Only a churned customer can be reactivated. */
export interface CustomerNotChurned extends DomainError<'CustomerNotChurned'> {
  readonly customerId: CustomerId;
  readonly stage: LifecycleStage;
}
export const customerNotChurned = (
  customerId: CustomerId,
  stage: LifecycleStage,
): CustomerNotChurned => ({
  _tag: 'CustomerNotChurned',
  customerId,
  stage,
  message: `Customer ${customerId} is at ${stage}, not churned; only a churned customer can be reactivated.`,
});

/** The customer already carries the most tags allowed. */
export interface TagLimitReached extends DomainError<'TagLimitReached'> {
  readonly limit: number;
}
export const tagLimitReached = (limit: number): TagLimitReached => ({
  _tag: 'TagLimitReached',
  limit,
  message: `A customer carries at most ${limit} tags; remove one first.`,
});

/** The change would leave more free preferences than allowed. */
export interface TooManyCustomPreferences extends DomainError<'TooManyCustomPreferences'> {
  readonly limit: number;
  readonly count: number;
}
export const tooManyCustomPreferences = (
  limit: number,
  count: number,
): TooManyCustomPreferences => ({
  _tag: 'TooManyCustomPreferences',
  limit,
  count,
  message: `A customer holds at most ${limit} free preferences; this change would leave ${count}.`,
});

/** The preferred channel would be one the customer opted out of. */
export interface PreferredChannelOptedOut extends DomainError<'PreferredChannelOptedOut'> {
  readonly channel: InteractionChannel;
}
export const preferredChannelOptedOut = (
  channel: InteractionChannel,
): PreferredChannelOptedOut => ({
  _tag: 'PreferredChannelOptedOut',
  channel,
  message: `The customer opted out of ${channel}, so ${channel} cannot be the preferred channel.`,
});

/** A follow-up with this id exists already. */
export interface FollowUpAlreadyScheduled extends DomainError<'FollowUpAlreadyScheduled'> {
  readonly followUpId: EntryId;
}
export const followUpAlreadyScheduled = (followUpId: EntryId): FollowUpAlreadyScheduled => ({
  _tag: 'FollowUpAlreadyScheduled',
  followUpId,
  message: `Follow-up ${followUpId} is already scheduled; use a new id.`,
});

/** No follow-up with this id was ever scheduled. */
export interface FollowUpNotScheduled extends DomainError<'FollowUpNotScheduled'> {
  readonly followUpId: EntryId;
}
export const followUpNotScheduled = (followUpId: EntryId): FollowUpNotScheduled => ({
  _tag: 'FollowUpNotScheduled',
  followUpId,
  message: `Follow-up ${followUpId} was never scheduled.`,
});

/** The follow-up was already completed or cancelled. */
export interface FollowUpAlreadyClosed extends DomainError<'FollowUpAlreadyClosed'> {
  readonly followUpId: EntryId;
  readonly status: 'completed' | 'cancelled';
}
export const followUpAlreadyClosed = (
  followUpId: EntryId,
  status: 'completed' | 'cancelled',
): FollowUpAlreadyClosed => ({
  _tag: 'FollowUpAlreadyClosed',
  followUpId,
  status,
  message: `Follow-up ${followUpId} is already ${status}.`,
});

/** A follow-up cannot fall due before the moment it is scheduled. */
export interface FollowUpDueInPast extends DomainError<'FollowUpDueInPast'> {
  readonly followUpId: EntryId;
  readonly dueAt: string;
  readonly at: string;
}
export const followUpDueInPast = (
  followUpId: EntryId,
  dueAt: string,
  at: string,
): FollowUpDueInPast => ({
  _tag: 'FollowUpDueInPast',
  followUpId,
  dueAt,
  at,
  message: `Follow-up ${followUpId} would be due at ${dueAt}, before it is scheduled at ${at}.`,
});
