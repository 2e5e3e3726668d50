import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { tidyAddress } from './address.ts';
import type {
  AddCustomerTag,
  AssignCustomerOwner,
  CorrectCustomerName,
  RegisterCustomer,
  RemoveCustomerTag,
} from './commands-profile.ts';
import { emailFrom, phoneFrom } from './decide-contact.ts';
import { accept, alreadyInEffect, type CustomerDecision, refuse } from './decision.ts';
import { tagLimitReached } from './errors-rules.ts';
import { sameParty, tidyParty } from './party.ts';
import { maxCustomerTags, type RegisteredCustomer } from './state.ts';

/** Registers a new customer; email and phone are normalised, names and address tidied. */
export const decideRegistration = ({ data }: RegisterCustomer): CustomerDecision =>
  pipe(
    E.Do,
    E.apSW('email', emailFrom(data.email)),
    E.apSW('phone', phoneFrom(data.phone, data.phoneRegion)),
    E.map(({ email, phone }) => [
      {
        type: 'CustomerRegistered' as const,
        version: 2 as const,
        data: {
          customerId: data.customerId,
          party: tidyParty(data.party),
          email,
          phone,
          address: data.address === undefined ? null : tidyAddress(data.address),
          acquisition: data.acquisition,
          ownerId: data.ownerId,
          at: data.at,
        },
      },
    ]),
  );

/** Corrects the name; the same name again changes nothing. */
export const decideNameCorrection = (
  { data }: CorrectCustomerName,
  state: RegisteredCustomer,
): CustomerDecision => {
  const party = tidyParty(data.party);
  return state.party !== null && sameParty(state.party, party)
    ? alreadyInEffect
    : accept({
        type: 'CustomerNameCorrected',
        version: 1,
        data: { customerId: data.customerId, party, at: data.at },
      });
};

/** Hands the customer to a new owner; the current owner again changes nothing. */
export const decideOwnerAssignment = (
  { data }: AssignCustomerOwner,
  state: RegisteredCustomer,
): CustomerDecision =>
  data.ownerId === state.ownerId
    ? alreadyInEffect
    : accept({
        type: 'CustomerOwnerAssigned',
        version: 1,
        data: {
          customerId: data.customerId,
          ownerId: data.ownerId,
          previousOwnerId: state.ownerId,
          at: data.at,
        },
      });

/** Adds a tag, up to the limit; a tag already carried changes nothing. */
export const decideTagAddition = (
  { data }: AddCustomerTag,
  state: RegisteredCustomer,
): CustomerDecision => {
  if (state.tags.includes(data.tag)) return alreadyInEffect;
  if (state.tags.length >= maxCustomerTags) return refuse(tagLimitReached(maxCustomerTags));
  return accept({
    type: 'CustomerTagged',
    version: 1,
    data: { customerId: data.customerId, tag: data.tag, at: data.at },
  });
};

/** Removes a tag; a tag not carried changes nothing. */
export const decideTagRemoval = (
  { data }: RemoveCustomerTag,
  state: RegisteredCustomer,
): CustomerDecision =>
  state.tags.includes(data.tag)
    ? accept({
        type: 'CustomerUntagged',
        version: 1,
        data: { customerId: data.customerId, tag: data.tag, at: data.at },
      })
    : alreadyInEffect;
