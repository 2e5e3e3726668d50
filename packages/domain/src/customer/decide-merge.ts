import type {
  ErasePersonalData,
  MergeCustomerInto,
  RecordDuplicateAbsorbed,
  RecordDuplicateReleased,
  RevertCustomerMerge,
} from './commands-lifecycle.ts';
import { accept, alreadyInEffect, type CustomerDecision, refuse } from './decision.ts';
import {
  customerNotMerged,
  survivorIsAbsorbedDuplicate,
  survivorIsSameCustomer,
} from './errors-accounts.ts';
import type { RegisteredCustomer } from './state.ts';

/**
 * Merges this duplicate into its survivor: it becomes a tombstone pointing at the survivor and
 * its history stays. Refused into itself, or into a customer that was merged into this one.
 * (Merging an already merged-away customer is refused before this, with `CustomerMergedAway`.)
 */
export const decideMerge = (
  { data }: MergeCustomerInto,
  state: RegisteredCustomer,
): CustomerDecision => {
  if (data.survivorId === state.customerId) return refuse(survivorIsSameCustomer(state.customerId));
  if (state.absorbedDuplicates.includes(data.survivorId)) {
    return refuse(survivorIsAbsorbedDuplicate(state.customerId, data.survivorId));
  }
  return accept({
    type: 'CustomerMerged',
    version: 1,
    data: { customerId: state.customerId, survivorId: data.survivorId, at: data.at },
  });
};

/** Undoes this customer's merge: it is a customer in its own right again, as it was before. */
export const decideMergeRevert = (
  { data }: RevertCustomerMerge,
  state: RegisteredCustomer,
): CustomerDecision =>
  state.mergedInto === null
    ? refuse(customerNotMerged(state.customerId))
    : accept({
        type: 'CustomerMergeReverted',
        version: 1,
        data: {
          customerId: state.customerId,
          survivorId: state.mergedInto,
          reason: data.reason,
          at: data.at,
        },
      });

/** On the survivor: records an absorbed duplicate; idempotent, since a policy sends it. */
export const decideDuplicateAbsorbed = (
  { data }: RecordDuplicateAbsorbed,
  state: RegisteredCustomer,
): CustomerDecision => {
  if (data.duplicateId === state.customerId)
    return refuse(survivorIsSameCustomer(state.customerId));
  return state.absorbedDuplicates.includes(data.duplicateId)
    ? alreadyInEffect
    : accept({
        type: 'CustomerDuplicateAbsorbed',
        version: 1,
        data: { customerId: state.customerId, duplicateId: data.duplicateId, at: data.at },
      });
};

/** On the survivor: records a released duplicate; idempotent, since a policy sends it. */
export const decideDuplicateReleased = (
  { data }: RecordDuplicateReleased,
  state: RegisteredCustomer,
): CustomerDecision =>
  state.absorbedDuplicates.includes(data.duplicateId)
    ? accept({
        type: 'CustomerDuplicateReleased',
        version: 1,
        data: { customerId: state.customerId, duplicateId: data.duplicateId, at: data.at },
      })
    : alreadyInEffect;

/** Erases the customer's personal data; erasing again changes nothing. */
export const decideErasure = (
  { data }: ErasePersonalData,
  state: RegisteredCustomer,
): CustomerDecision =>
  state.erasedAt !== null
    ? alreadyInEffect
    : accept({
        type: 'CustomerPersonalDataErased',
        version: 1,
        data: { customerId: state.customerId, reason: data.reason, at: data.at },
      });
