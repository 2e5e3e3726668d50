import type { CustomerEvent } from './events.ts';
import {
  registeredCustomer,
  withFollowUp,
  withFollowUpClosed,
  withForwardStage,
  withInteraction,
  withoutPersonalData,
  withScore,
} from './evolve-helpers.ts';
import { type CustomerState, maxCustomerTags, type RegisteredCustomer } from './state.ts';

// Personal-data events change nothing once the data is erased: erasure is for good.
const unlessErased = (
  state: RegisteredCustomer,
  change: () => RegisteredCustomer,
): RegisteredCustomer => (state.erasedAt === null ? change() : state);

const evolveRegistered = (state: RegisteredCustomer, event: CustomerEvent): RegisteredCustomer => {
  switch (event.type) {
    case 'CustomerRegistered':
      return state;
    case 'CustomerNameCorrected':
      return unlessErased(state, () => ({
        ...state,
        party: event.data.party,
        kind: event.data.party.kind,
      }));
    case 'CustomerEmailChanged':
      return unlessErased(state, () => ({ ...state, email: event.data.email }));
    case 'CustomerPhoneChanged':
      return unlessErased(state, () => ({ ...state, phone: event.data.phone }));
    case 'CustomerAddressChanged':
      return unlessErased(state, () => ({ ...state, address: event.data.address }));
    case 'CustomerOwnerAssigned':
      return { ...state, ownerId: event.data.ownerId };
    case 'CustomerTagged':
      return state.tags.includes(event.data.tag) || state.tags.length >= maxCustomerTags
        ? state
        : { ...state, tags: [...state.tags, event.data.tag] };
    case 'CustomerUntagged':
      return { ...state, tags: state.tags.filter((tag) => tag !== event.data.tag) };
    case 'CustomerPreferencesUpdated':
      return {
        ...state,
        preferences:
          state.erasedAt === null
            ? event.data.preferences
            : { ...event.data.preferences, custom: {} },
      };
    case 'CustomerLifecycleStageAdvanced':
      return withForwardStage(state, event.data.to, event.data.at);
    case 'CustomerChurned':
      return state.lifecycle.stage === 'churned'
        ? state
        : {
            ...state,
            lifecycle: {
              ...state.lifecycle,
              stage: 'churned',
              since: event.data.at,
              stageBeforeChurn: state.lifecycle.stage,
            },
          };
    case 'CustomerReactivated':
      return state.lifecycle.stage !== 'churned'
        ? state
        : {
            ...state,
            lifecycle: { ...state.lifecycle, stage: 'reactivated', since: event.data.at },
          };
    case 'InteractionRecorded':
      return withInteraction(state, event);
    case 'FollowUpScheduled':
      return withFollowUp(state, event);
    case 'FollowUpCompleted':
      return withFollowUpClosed(state, event.data.followUpId, 'completed');
    case 'FollowUpCancelled':
      return withFollowUpClosed(state, event.data.followUpId, 'cancelled');
    case 'SatisfactionScoreRecorded':
      return withScore(state, event);
    case 'LoyaltyPointsEarned':
      return {
        ...state,
        loyalty: {
          balance: state.loyalty.balance + event.data.points,
          earned: state.loyalty.earned + event.data.points,
          redeemed: state.loyalty.redeemed,
        },
      };
    case 'LoyaltyPointsRedeemed':
      // A redemption the balance cannot cover never passes `decide`; one read from elsewhere is ignored.
      return event.data.points > state.loyalty.balance
        ? state
        : {
            ...state,
            loyalty: {
              balance: state.loyalty.balance - event.data.points,
              earned: state.loyalty.earned,
              redeemed: state.loyalty.redeemed + event.data.points,
            },
          };
    case 'CustomerMerged':
      return event.data.survivorId === state.customerId
        ? state
        : { ...state, mergedInto: event.data.survivorId };
    case 'CustomerMergeReverted':
      return { ...state, mergedInto: null };
    case 'CustomerDuplicateAbsorbed':
      return event.data.duplicateId === state.customerId ||
        state.absorbedDuplicates.includes(event.data.duplicateId)
        ? state
        : { ...state, absorbedDuplicates: [...state.absorbedDuplicates, event.data.duplicateId] };
    case 'CustomerDuplicateReleased':
      return {
        ...state,
        absorbedDuplicates: state.absorbedDuplicates.filter((id) => id !== event.data.duplicateId),
      };
    case 'CustomerPersonalDataErased':
      return withoutPersonalData(state, event.data.at);
    default:
      // Unreachable for typed events; an unknown one read at run time leaves the state alone.
      event satisfies never;
      return state;
  }
};

/**
 * Folds one event into the customer's state. Total: an event that does not apply in the state
 * (anything before registration, a second registration, closing a closed follow-up) leaves the
 * state unchanged, so a replay never throws and never breaks an invariant.
 */
export const evolveCustomer = (state: CustomerState, event: CustomerEvent): CustomerState => {
  if (state.status === 'unregistered') {
    return event.type === 'CustomerRegistered' ? registeredCustomer(event) : state;
  }
  return evolveRegistered(state, event);
};
