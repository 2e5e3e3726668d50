import type { Decider } from '../kernel/decider.ts';
import type { CustomerCommand } from './commands.ts';
import { decideCustomer } from './decide.ts';
import type { CustomerError } from './errors.ts';
import type { CustomerEvent } from './events.ts';
import { evolveCustomer } from './evolve.ts';
import { hasId, idCount, isWellFormedIdSet } from './id-set.ts';
import { isForwardStage, lifecycleRank } from './lifecycle-stage.ts';
import { maxCustomPreferences } from './preferences.ts';
import {
  type CustomerState,
  initialCustomerState,
  maxCustomerTags,
  type RegisteredCustomer,
  type ScoreSummary,
} from './state.ts';

/**
 * The customer aggregate as a decider: registration, contact data, owner, tags, lifecycle,
 * interactions, preferences, follow-ups, satisfaction, loyalty, merge and erasure.
 *
 * @example
 * const state = fold(customerDecider, events);
 * const result = customerDecider.decide(
 *   { type: 'ChurnCustomer', data: { customerId, reason, at } },
 *   state,
 * ); // Right([CustomerChurned]) or Left(CustomerNotRegistered | CustomerIsChurned | ...)
 */
export const customerDecider: Decider<
  CustomerCommand,
  CustomerEvent,
  CustomerState,
  CustomerError
> = {
  decide: decideCustomer,
  evolve: evolveCustomer,
  initialState: initialCustomerState,
};

const scoreBreaches = (name: string, summary: ScoreSummary, min: number, max: number) => [
  ...(summary.total < summary.count * min || summary.total > summary.count * max
    ? [`${name} total ${summary.total} is impossible for ${summary.count} answers`]
    : []),
  ...((summary.count === 0) !== (summary.latest === null)
    ? [`${name} has a latest answer exactly when it has answers`]
    : []),
];

const followUpBreaches = ({ followUps }: RegisteredCustomer): ReadonlyArray<string> => {
  const { open, completed, cancelled } = followUps;
  const openIds = new Set(open.map((followUp) => followUp.followUpId));
  return [
    ...(!isWellFormedIdSet(completed) || !isWellFormedIdSet(cancelled)
      ? ['closed follow-up ids are not kept as sorted sets']
      : []),
    ...(openIds.size !== open.length ||
    open.some(({ followUpId }) => hasId(completed, followUpId) || hasId(cancelled, followUpId)) ||
    completed.some((run) => run.some((followUpId) => hasId(cancelled, followUpId)))
      ? ['a follow-up id is open, completed or cancelled more than once']
      : []),
  ];
};

const surveyBreaches = (state: RegisteredCustomer): ReadonlyArray<string> => {
  const { csat, nps } = state.answeredSurveys;
  if (!isWellFormedIdSet(csat) || !isWellFormedIdSet(nps)) {
    return ['answered surveys are not kept as sorted sets'];
  }
  return [
    ...(state.csat.count !== idCount(csat) || state.nps.count !== idCount(nps)
      ? ['score counts do not match the surveys answered']
      : []),
    ...(csat.some((run) => run.some((surveyId) => hasId(nps, surveyId)))
      ? ['a survey is answered both as CSAT and as NPS']
      : []),
  ];
};

const lifecycleBreaches = ({ lifecycle }: RegisteredCustomer): ReadonlyArray<string> => [
  ...(lifecycleRank(lifecycle.furthestStage) < lifecycleRank(lifecycle.lastForwardStage)
    ? [`furthest stage ${lifecycle.furthestStage} is behind ${lifecycle.lastForwardStage}`]
    : []),
  ...(isForwardStage(lifecycle.stage) && lifecycle.stage !== lifecycle.lastForwardStage
    ? [`forward stage ${lifecycle.stage} is not recorded as the last forward stage`]
    : []),
  ...(lifecycle.stage === 'churned' &&
  (lifecycle.stageBeforeChurn === null || lifecycle.stageBeforeChurn === 'churned')
    ? ['a churned customer remembers the stage it churned from']
    : []),
];

const personalDataBreaches = (state: RegisteredCustomer): ReadonlyArray<string> => {
  if (state.erasedAt === null)
    return state.party === null ? ['a customer has a name until erased'] : [];
  const kept = [
    state.party !== null && 'name',
    state.email !== null && 'email',
    state.phone !== null && 'phone',
    state.address !== null && 'address',
    state.lastCommunication?.summary != null && 'interaction summary',
    state.followUps.open.some((followUp) => followUp.note !== null) && 'follow-up note',
    Object.keys(state.preferences.custom).length > 0 && 'free preferences',
  ].filter((field) => field !== false);
  return kept.map((field) => `erased customer still holds its ${field}`);
};

/**
 * The customer's invariants: a description of each one the state breaks (empty when sound).
 * Loyalty balance is never negative and always `earned − redeemed`; the furthest stage is never
 * behind the current forward stage; a tombstone points at another customer; an erased customer
 * holds no personal data; tags, free preferences, scores and follow-ups stay consistent.
 */
export const customerInvariantBreaches = (state: CustomerState): ReadonlyArray<string> => {
  if (state.status === 'unregistered') return [];
  const { loyalty, preferences } = state;
  return [
    ...(loyalty.balance < 0 ? [`loyalty balance ${loyalty.balance} is negative`] : []),
    ...(loyalty.balance !== loyalty.earned - loyalty.redeemed
      ? [
          `loyalty balance ${loyalty.balance} is not earned ${loyalty.earned} − redeemed ${loyalty.redeemed}`,
        ]
      : []),
    ...lifecycleBreaches(state),
    ...(state.mergedInto === state.customerId ? ['the customer is merged into itself'] : []),
    ...(state.absorbedDuplicates.includes(state.customerId) ||
    new Set(state.absorbedDuplicates).size !== state.absorbedDuplicates.length
      ? ['absorbed duplicates repeat or include the customer itself']
      : []),
    ...personalDataBreaches(state),
    ...(new Set(state.tags).size !== state.tags.length || state.tags.length > maxCustomerTags
      ? ['tags repeat or exceed the limit']
      : []),
    ...(Object.keys(preferences.custom).length > maxCustomPreferences
      ? ['too many free preferences']
      : []),
    ...(preferences.preferredChannel !== null &&
    preferences.optOuts.includes(preferences.preferredChannel)
      ? [`preferred channel ${preferences.preferredChannel} is opted out`]
      : []),
    ...surveyBreaches(state),
    ...scoreBreaches('CSAT', state.csat, 1, 5),
    ...scoreBreaches('NPS', state.nps, 0, 10),
    ...followUpBreaches(state),
  ];
};
