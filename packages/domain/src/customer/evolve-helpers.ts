import { epochMillisOf } from '../kernel/time.ts';
import type {
  FollowUpScheduled,
  InteractionRecorded,
  SatisfactionScoreRecorded,
} from './events-engagement.ts';
import type { CustomerRegistered } from './events-profile.ts';
import { laterStage } from './lifecycle-stage.ts';
import { noPreferences } from './preferences.ts';
import { entryOf } from './record-entry.ts';
import { addScore, noScores, type RegisteredCustomer } from './state.ts';

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
  followUps: {},
  csat: noScores,
  nps: noScores,
  answeredSurveys: {},
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

/** Adds a follow-up under a new id (an id already used is left alone). */
export const withFollowUp = (
  state: RegisteredCustomer,
  { data }: FollowUpScheduled,
): RegisteredCustomer =>
  entryOf(state.followUps, data.followUpId) !== undefined
    ? state
    : {
        ...state,
        followUps: {
          ...state.followUps,
          [data.followUpId]: {
            followUpId: data.followUpId,
            dueAt: data.dueAt,
            assigneeId: data.assigneeId,
            note: state.erasedAt === null ? data.note : null,
            status: 'open',
            scheduledAt: data.at,
            closedAt: null,
          },
        },
      };

/** Closes an open follow-up (others are left alone). */
export const withFollowUpClosed = (
  state: RegisteredCustomer,
  followUpId: string,
  status: 'completed' | 'cancelled',
  at: RegisteredCustomer['registeredAt'],
): RegisteredCustomer => {
  const followUp = entryOf(state.followUps, followUpId);
  return followUp === undefined || followUp.status !== 'open'
    ? state
    : {
        ...state,
        followUps: { ...state.followUps, [followUpId]: { ...followUp, status, closedAt: at } },
      };
};

/** Counts a survey answer once. */
export const withScore = (
  state: RegisteredCustomer,
  { data }: SatisfactionScoreRecorded,
): RegisteredCustomer => {
  if (entryOf(state.answeredSurveys, data.surveyId) !== undefined) return state;
  const answeredSurveys = { ...state.answeredSurveys, [data.surveyId]: data.score.kind };
  return data.score.kind === 'csat'
    ? { ...state, answeredSurveys, csat: addScore(state.csat, data.score.value) }
    : { ...state, answeredSurveys, nps: addScore(state.nps, data.score.value) };
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
  followUps: Object.fromEntries(
    Object.entries(state.followUps).map(([id, followUp]) => [id, { ...followUp, note: null }]),
  ),
  preferences: { ...state.preferences, custom: {} },
  erasedAt: state.erasedAt ?? at,
});
