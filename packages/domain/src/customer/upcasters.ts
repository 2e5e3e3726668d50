import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as t from 'io-ts';
import { EmailAddress, PhoneE164 } from '../kernel/contact.ts';
import { decodeWith } from '../kernel/decode.ts';
import { CustomerId, UserId } from '../kernel/ids.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import type { Upcaster } from '../kernel/upcaster.ts';
import { Acquisition } from './acquisition.ts';
import { PostalAddress } from './address.ts';
import type { CustomerRegistered } from './events-profile.ts';
import type { Person } from './party.ts';

/**
 * `CustomerRegistered` as release 1 stored it: one free `name` string, no party kind (every
 * customer was a person), and the phone already in E.164.
 */
export const CustomerRegisteredV1Data = t.readonly(
  t.type({
    customerId: CustomerId,
    name: NonEmptyString,
    email: t.union([EmailAddress, t.null]),
    phone: t.union([PhoneE164, t.null]),
    address: t.union([PostalAddress, t.null]),
    acquisition: Acquisition,
    ownerId: UserId,
    at: Instant,
  }),
);
export type CustomerRegisteredV1Data = t.TypeOf<typeof CustomerRegisteredV1Data>;

/**
 * Reads a full name as a person: the last word is the family name and the words before it the
 * given name (`Ana Maria Lopez` → `Ana Maria` / `Lopez`); a single word is kept whole as the
 * family name, with no given name.
 */
export const personFromFullName = (name: NonEmptyString): Person => {
  const words = name.trim().split(/\s+/);
  const familyName = words.pop() as NonEmptyString;
  return words.length === 0
    ? { kind: 'person', familyName }
    : { kind: 'person', givenName: words.join(' ') as NonEmptyString, familyName };
};

/** `CustomerRegistered` v1 → v2: the single name becomes a structured person. */
export const customerRegisteredV1ToV2: Upcaster = {
  type: 'CustomerRegistered',
  fromVersion: 1,
  upcast: (data) =>
    pipe(
      // Decoded inside `{ data }` so a malformed field is named `data.name`, as elsewhere.
      decodeWith(t.type({ data: CustomerRegisteredV1Data }), { data }),
      E.map(({ data: v1 }): CustomerRegistered['data'] => ({
        customerId: v1.customerId,
        party: personFromFullName(v1.name),
        email: v1.email,
        phone: v1.phone,
        address: v1.address,
        acquisition: v1.acquisition,
        ownerId: v1.ownerId,
        at: v1.at,
      })),
    ),
};

/** Every upcaster of the customer's events, applied in chain when events are read. */
export const customerUpcasters: ReadonlyArray<Upcaster> = [customerRegisteredV1ToV2];
