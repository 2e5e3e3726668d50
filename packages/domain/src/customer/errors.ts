import type { KernelError } from '../kernel/domain-error.ts';
import type {
  CustomerAlreadyRegistered,
  CustomerErased,
  CustomerIdMismatch,
  CustomerMergedAway,
  CustomerNotRegistered,
} from './errors-access.ts';
import type {
  CustomerNotMerged,
  InsufficientLoyaltyPoints,
  SurveyAlreadyAnswered,
  SurvivorIsAbsorbedDuplicate,
  SurvivorIsSameCustomer,
} from './errors-accounts.ts';
import type {
  CustomerIsChurned,
  CustomerNotChurned,
  FollowUpAlreadyClosed,
  FollowUpAlreadyScheduled,
  FollowUpDueInPast,
  FollowUpNotScheduled,
  LifecycleStageNotForward,
  PreferredChannelOptedOut,
  TagLimitReached,
  TooManyCustomPreferences,
} from './errors-rules.ts';

/** Every way the customer aggregate can refuse a command. */
export type CustomerError =
  | KernelError
  | CustomerNotRegistered
  | CustomerAlreadyRegistered
  | CustomerIdMismatch
  | CustomerMergedAway
  | CustomerErased
  | LifecycleStageNotForward
  | CustomerIsChurned
  | CustomerNotChurned
  | TagLimitReached
  | TooManyCustomPreferences
  | PreferredChannelOptedOut
  | FollowUpAlreadyScheduled
  | FollowUpNotScheduled
  | FollowUpAlreadyClosed
  | FollowUpDueInPast
  | SurveyAlreadyAnswered
  | InsufficientLoyaltyPoints
  | SurvivorIsSameCustomer
  | SurvivorIsAbsorbedDuplicate
  | CustomerNotMerged;

/** The `_tag` of every customer error. */
export type CustomerErrorTag = CustomerError['_tag'];
