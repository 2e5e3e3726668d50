import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  type EmailAddress,
  normaliseEmail,
  normalisePhone,
  type PhoneE164,
  type PhoneRegion,
} from '../kernel/contact.ts';
import type { InvalidEmailAddress, InvalidPhoneNumber } from '../kernel/domain-error.ts';
import { sameAddress, tidyAddress } from './address.ts';
import type {
  ChangeCustomerAddress,
  ChangeCustomerEmail,
  ChangeCustomerPhone,
} from './commands-profile.ts';
import { accept, alreadyInEffect, type CustomerDecision } from './decision.ts';
import type { RegisteredCustomer } from './state.ts';

/** The normalised email of raw input, `null` for none. */
export const emailFrom = (
  input: string | null | undefined,
): E.Either<InvalidEmailAddress, EmailAddress | null> =>
  input === null || input === undefined
    ? E.right(null)
    : normaliseEmail(input, { field: 'data.email' });

/** The E.164 phone number of raw input, `null` for none. */
export const phoneFrom = (
  input: string | null | undefined,
  region: PhoneRegion | undefined,
): E.Either<InvalidPhoneNumber, PhoneE164 | null> =>
  input === null || input === undefined
    ? E.right(null)
    : normalisePhone(input, { region, field: 'data.phone' });

/** Changes or removes the email; the address it already has changes nothing. */
export const decideEmailChange = (
  { data }: ChangeCustomerEmail,
  state: RegisteredCustomer,
): CustomerDecision =>
  pipe(
    emailFrom(data.email),
    E.flatMap((email) =>
      email === state.email
        ? alreadyInEffect
        : accept({
            type: 'CustomerEmailChanged',
            version: 1,
            data: { customerId: data.customerId, email, at: data.at },
          }),
    ),
  );

/** Changes or removes the phone number; the number it already has changes nothing. */
export const decidePhoneChange = (
  { data }: ChangeCustomerPhone,
  state: RegisteredCustomer,
): CustomerDecision =>
  pipe(
    phoneFrom(data.phone, data.phoneRegion),
    E.flatMap((phone) =>
      phone === state.phone
        ? alreadyInEffect
        : accept({
            type: 'CustomerPhoneChanged',
            version: 1,
            data: { customerId: data.customerId, phone, at: data.at },
          }),
    ),
  );

/** Changes or removes the postal address; the address it already has changes nothing. */
export const decideAddressChange = (
  { data }: ChangeCustomerAddress,
  state: RegisteredCustomer,
): CustomerDecision => {
  const address = data.address === null ? null : tidyAddress(data.address);
  return sameAddress(address, state.address)
    ? alreadyInEffect
    : accept({
        type: 'CustomerAddressChanged',
        version: 1,
        data: { customerId: data.customerId, address, at: data.at },
      });
};
