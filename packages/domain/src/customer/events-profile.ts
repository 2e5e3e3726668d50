import * as t from 'io-ts';
import { EmailAddress, PhoneE164 } from '../kernel/contact.ts';
import { CustomerId, UserId } from '../kernel/ids.ts';
import { Tag } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import { Acquisition } from './acquisition.ts';
import { PostalAddress } from './address.ts';
import { eventCodec } from './codec-shapes.ts';
import { Party } from './party.ts';
import { Preferences } from './preferences.ts';

/**
 * The customer was registered, at stage `lead`. Schema version 2: version 1 named the customer
 * with one `name` string and had no party kind (see `customerUpcasters`).
 */
export const CustomerRegistered = eventCodec(
  'CustomerRegistered',
  2,
  t.readonly(
    t.type({
      customerId: CustomerId,
      party: Party,
      email: t.union([EmailAddress, t.null]),
      phone: t.union([PhoneE164, t.null]),
      address: t.union([PostalAddress, t.null]),
      acquisition: Acquisition,
      ownerId: UserId,
      at: Instant,
    }),
  ),
);
export type CustomerRegistered = t.TypeOf<typeof CustomerRegistered>;

/** The customer's name was corrected. */
export const CustomerNameCorrected = eventCodec(
  'CustomerNameCorrected',
  1,
  t.readonly(t.type({ customerId: CustomerId, party: Party, at: Instant })),
);
export type CustomerNameCorrected = t.TypeOf<typeof CustomerNameCorrected>;

/** The email address changed (`null`: removed). */
export const CustomerEmailChanged = eventCodec(
  'CustomerEmailChanged',
  1,
  t.readonly(
    t.type({ customerId: CustomerId, email: t.union([EmailAddress, t.null]), at: Instant }),
  ),
);
export type CustomerEmailChanged = t.TypeOf<typeof CustomerEmailChanged>;

/** The phone number changed (`null`: removed). */
export const CustomerPhoneChanged = eventCodec(
  'CustomerPhoneChanged',
  1,
  t.readonly(t.type({ customerId: CustomerId, phone: t.union([PhoneE164, t.null]), at: Instant })),
);
export type CustomerPhoneChanged = t.TypeOf<typeof CustomerPhoneChanged>;

/** The postal address changed (`null`: removed). */
export const CustomerAddressChanged = eventCodec(
  'CustomerAddressChanged',
  1,
  t.readonly(
    t.type({ customerId: CustomerId, address: t.union([PostalAddress, t.null]), at: Instant }),
  ),
);
export type CustomerAddressChanged = t.TypeOf<typeof CustomerAddressChanged>;

/** A new owner took the customer over from the previous one. */
export const CustomerOwnerAssigned = eventCodec(
  'CustomerOwnerAssigned',
  1,
  t.readonly(
    t.type({ customerId: CustomerId, ownerId: UserId, previousOwnerId: UserId, at: Instant }),
  ),
);
export type CustomerOwnerAssigned = t.TypeOf<typeof CustomerOwnerAssigned>;

/** A segment tag was added. */
export const CustomerTagged = eventCodec(
  'CustomerTagged',
  1,
  t.readonly(t.type({ customerId: CustomerId, tag: Tag, at: Instant })),
);
export type CustomerTagged = t.TypeOf<typeof CustomerTagged>;

/** A segment tag was removed. */
export const CustomerUntagged = eventCodec(
  'CustomerUntagged',
  1,
  t.readonly(t.type({ customerId: CustomerId, tag: Tag, at: Instant })),
);
export type CustomerUntagged = t.TypeOf<typeof CustomerUntagged>;

/** The preferences changed; the event carries the whole resulting set. */
export const CustomerPreferencesUpdated = eventCodec(
  'CustomerPreferencesUpdated',
  1,
  t.readonly(t.type({ customerId: CustomerId, preferences: Preferences, at: Instant })),
);
export type CustomerPreferencesUpdated = t.TypeOf<typeof CustomerPreferencesUpdated>;
