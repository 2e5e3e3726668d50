import { epochMillisOf } from '../kernel/time.ts';
import type {
  FollowUpScheduled,
  InteractionRecorded,
  SatisfactionScoreRecorded,
} from './events-engagement.ts';
import type { CustomerRegistered } from './events-profile.ts';
import { withId } from './id-set.ts';
import { laterStage } from './lifecycle-stage.ts';
import { noPreferences } from './preferences.ts';
import {
  addScore,
  isAnsweredSurvey,
  isKnownFollowUp,
  noAnsweredSurveys,
  noFollowUps,
  noScores,
  type RegisteredCustomer,
} from './state.ts';

/** The state a registration creates: a `lead` with nothing else recorded yet. */
export const registeredCustomer = ({ data }: CustomerRegistered): RegisteredCustomer => ({
  status: 'registered',
  customerId: data.customerId,
  kind: data.party.kind,
  party: data.party,
  email: data.email,
  phone: data.phone,
  address: data.address,
  acquisition: data.acquisition,
  ownerId: data.ownerId,
  registeredAt: data.at,
  tags: [],
  lifecycle: {
    stage: 'lead',
    since: data.at,
    lastForwardStage: 'lead',
    furthestStage: 'lead',
    stageBeforeChurn: null,
  },
  interactionCount: 0,
  lastCommunication: null,
  preferences: noPreferences,
  followUps: noFollowUps,
  csat: noScores,
  nps: noScores,
  answeredSurveys: noAnsweredSurveys,
  loyalty: { balance: 0, earned: 0, redeemed: 0 },
  mergedInto: null,
  absorbedDuplicates: [],
  erasedAt: null,
});

/** Counts the interaction; it becomes the last communication unless a later one is known. */
export const withInteraction = (
  state: RegisteredCustomer,
  { data }: InteractionRecorded,
): RegisteredCustomer => {
  const last = state.lastCommunication;
  // Interactions may be logged late: the last communication is the latest by business time.
  const isLatest = last === null || epochMillisOf(data.at) >= epochMillisOf(last.at);
  return {
    ...state,
    interactionCount: state.interactionCount + 1,
    lastCommunication: isLatest
      ? {
          interactionId: data.interactionId,
          channel: data.channel,
          direction: data.direction,
          summary: state.erasedAt === null ? data.summary : null,
          by: data.by,
          at: data.at,
        }
      : last,
  };
};

/** Adds an open follow-up under a new id (an id already used is left alone). */
export const withFollowUp = (
  state: RegisteredCustomer,
  { data }: FollowUpScheduled,
): RegisteredCustomer =>
  isKnownFollowUp(state, data.followUpId)
    ? state
    : {
        ...state,
        followUps: {
          ...state.followUps,
          open: [
            ...state.followUps.open,
            {
              followUpId: data.followUpId,
              dueAt: data.dueAt,
              assigneeId: data.assigneeId,
              note: state.erasedAt === null ? data.note : null,
              scheduledAt: data.at,
            },
          ],
        },
      };

/** Closes an open follow-up, keeping only its id (others are left alone). */
export const withFollowUpClosed = (
  state: RegisteredCustomer,
  followUpId: string,
  status: 'completed' | 'cancelled',
): RegisteredCustomer => {
  const { followUps } = state;
  const index = followUps.open.findIndex((followUp) => followUp.followUpId === followUpId);
  const followUp = followUps.open[index];
  if (followUp === undefined) return state;
  const open = followUps.open.toSpliced(index, 1);
  return {
    ...state,
    followUps:
      status === 'completed'
        ? { ...followUps, open, completed: withId(followUps.completed, followUp.followUpId) }
        : { ...followUps, open, cancelled: withId(followUps.cancelled, followUp.followUpId) },
  };
};

/** Counts a survey answer once. */
export const withScore = (
  state: RegisteredCustomer,
  { data }: SatisfactionScoreRecorded,
): RegisteredCustomer => {
  if (isAnsweredSurvey(state, data.surveyId)) return state;
  const { answeredSurveys } = state;
  return data.score.kind === 'csat'
    ? {
        ...state,
        answeredSurveys: { ...answeredSurveys, csat: withId(answeredSurveys.csat, data.surveyId) },
        csat: addScore(state.csat, data.score.value),
      }
    : {
        ...state,
        answeredSurveys: { ...answeredSurveys, nps: withId(answeredSurveys.nps, data.surveyId) },
        nps: addScore(state.nps, data.score.value),
      };
};

/** Moves the customer to a forward stage, keeping the furthest stage reached. */
export const withForwardStage = (
  state: RegisteredCustomer,
  to: RegisteredCustomer['lifecycle']['lastForwardStage'],
  at: RegisteredCustomer['registeredAt'],
): RegisteredCustomer => ({
  ...state,
  lifecycle: {
    ...state.lifecycle,
    stage: to,
    since: at,
    lastForwardStage: to,
    furthestStage: laterStage(state.lifecycle.furthestStage, to),
  },
});

/** Drops every piece of personal data the state holds. */
export const withoutPersonalData = (
  state: RegisteredCustomer,
  at: RegisteredCustomer['registeredAt'],
): RegisteredCustomer => ({
  ...state,
  party: null,
  email: null,
  phone: null,
  address: null,
  lastCommunication:
    state.lastCommunication === null ? null : { ...state.lastCommunication, summary: null },
  followUps: {
    ...state.followUps,
    open: state.followUps.open.map((followUp) => ({ ...followUp, note: null })),
  },
  preferences: { ...state.preferences, custom: {} },
  erasedAt: state.erasedAt ?? at,
});
