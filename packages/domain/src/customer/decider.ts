import type { Decider } from '../kernel/decider.ts';
import type { CustomerCommand } from './commands.ts';
import { decideCustomer } from './decide.ts';
import type { CustomerError } from './errors.ts';
import type { CustomerEvent } from './events.ts';
import { evolveCustomer } from './evolve.ts';
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
    Object.values(state.followUps).some((f) => f.note !== null) && 'follow-up note',
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
  const answers = Object.values(state.answeredSurveys);
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
    ...(state.csat.count !== answers.filter((kind) => kind === 'csat').length ||
    state.nps.count !== answers.filter((kind) => kind === 'nps').length
      ? ['score counts do not match the surveys answered']
      : []),
    ...scoreBreaches('CSAT', state.csat, 1, 5),
    ...scoreBreaches('NPS', state.nps, 0, 10),
    ...(Object.values(state.followUps).some((f) => (f.status === 'open') !== (f.closedAt === null))
      ? ['a follow-up is closed without a closing instant, or open with one']
      : []),
  ];
};
