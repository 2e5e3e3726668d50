import { isBefore } from '../kernel/time.ts';
import type {
  CancelFollowUp,
  CompleteFollowUp,
  EarnLoyaltyPoints,
  RecordInteraction,
  RecordSatisfactionScore,
  RedeemLoyaltyPoints,
  ScheduleFollowUp,
} from './commands-engagement.ts';
import { accept, type CustomerDecision, refuse } from './decision.ts';
import { insufficientLoyaltyPoints, surveyAlreadyAnswered } from './errors-accounts.ts';
import {
  followUpAlreadyClosed,
  followUpAlreadyScheduled,
  followUpDueInPast,
  followUpNotScheduled,
} from './errors-rules.ts';
import { hasId } from './id-set.ts';
import {
  type FollowUp,
  isAnsweredSurvey,
  isKnownFollowUp,
  type RegisteredCustomer,
} from './state.ts';

/** Records a contact with the customer. */
export const decideInteraction = ({ data }: RecordInteraction): CustomerDecision =>
  accept({
    type: 'InteractionRecorded',
    version: 1,
    data: {
      customerId: data.customerId,
      interactionId: data.interactionId,
      channel: data.channel,
      direction: data.direction,
      summary: data.summary,
      by: data.by,
      at: data.at,
    },
  });

/** Schedules a follow-up under a new id, due no earlier than the moment it is scheduled. */
export const decideFollowUpScheduling = (
  { data }: ScheduleFollowUp,
  state: RegisteredCustomer,
): CustomerDecision => {
  if (isKnownFollowUp(state, data.followUpId)) {
    return refuse(followUpAlreadyScheduled(data.followUpId));
  }
  if (isBefore(data.dueAt, data.at)) {
    return refuse(followUpDueInPast(data.followUpId, data.dueAt, data.at));
  }
  return accept({
    type: 'FollowUpScheduled',
    version: 1,
    data: {
      customerId: data.customerId,
      followUpId: data.followUpId,
      dueAt: data.dueAt,
      assigneeId: data.assigneeId,
      note: data.note ?? null,
      at: data.at,
    },
  });
};

const openFollowUp = (
  state: RegisteredCustomer,
  followUpId: FollowUp['followUpId'],
): CustomerDecision | undefined => {
  const { followUps } = state;
  if (followUps.open.some((followUp) => followUp.followUpId === followUpId)) return undefined;
  if (hasId(followUps.completed, followUpId)) {
    return refuse(followUpAlreadyClosed(followUpId, 'completed'));
  }
  if (hasId(followUps.cancelled, followUpId)) {
    return refuse(followUpAlreadyClosed(followUpId, 'cancelled'));
  }
  return refuse(followUpNotScheduled(followUpId));
};

/** Completes an open follow-up; unknown, completed and cancelled ones are refused. */
export const decideFollowUpCompletion = (
  { data }: CompleteFollowUp,
  state: RegisteredCustomer,
): CustomerDecision =>
  openFollowUp(state, data.followUpId) ??
  accept({
    type: 'FollowUpCompleted',
    version: 1,
    data: { customerId: data.customerId, followUpId: data.followUpId, at: data.at },
  });

/** Cancels an open follow-up; unknown, completed and cancelled ones are refused. */
export const decideFollowUpCancellation = (
  { data }: CancelFollowUp,
  state: RegisteredCustomer,
): CustomerDecision =>
  openFollowUp(state, data.followUpId) ??
  accept({
    type: 'FollowUpCancelled',
    version: 1,
    data: {
      customerId: data.customerId,
      followUpId: data.followUpId,
      reason: data.reason,
      at: data.at,
    },
  });

/** Records a survey answer; each survey counts once. */
export const decideSatisfactionScore = (
  { data }: RecordSatisfactionScore,
  state: RegisteredCustomer,
): CustomerDecision =>
  isAnsweredSurvey(state, data.surveyId)
    ? refuse(surveyAlreadyAnswered(data.surveyId))
    : accept({
        type: 'SatisfactionScoreRecorded',
        version: 1,
        data: {
          customerId: data.customerId,
          surveyId: data.surveyId,
          score: data.score,
          at: data.at,
        },
      });

const loyaltyData = ({ data }: EarnLoyaltyPoints | RedeemLoyaltyPoints) => ({
  customerId: data.customerId,
  points: data.points,
  reason: data.reason,
  reference: data.reference ?? null,
  at: data.at,
});

/** Credits loyalty points. */
export const decideLoyaltyEarning = (command: EarnLoyaltyPoints): CustomerDecision =>
  accept({ type: 'LoyaltyPointsEarned', version: 1, data: loyaltyData(command) });

/** Spends loyalty points; refused when the balance would go negative. */
export const decideLoyaltyRedemption = (
  command: RedeemLoyaltyPoints,
  state: RegisteredCustomer,
): CustomerDecision =>
  command.data.points > state.loyalty.balance
    ? refuse(
        insufficientLoyaltyPoints(state.customerId, state.loyalty.balance, command.data.points),
      )
    : accept({ type: 'LoyaltyPointsRedeemed', version: 1, data: loyaltyData(command) });
