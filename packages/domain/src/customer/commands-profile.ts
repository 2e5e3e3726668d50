import * as t from 'io-ts';
import { PhoneRegion } from '../kernel/contact.ts';
import { CustomerId, UserId } from '../kernel/ids.ts';
import { Tag } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import { Acquisition } from './acquisition.ts';
import { PostalAddress } from './address.ts';
import { commandCodec } from './codec-shapes.ts';
import { InteractionChannel } from './engagement.ts';
import { Party } from './party.ts';
import { LanguageTag, PreferenceKey, PreferenceValue } from './preferences.ts';

/**
 * Registers a person or a company as a customer, at stage `lead`. Email and phone are raw user
 * input: the decider normalises them (a national phone number needs `phoneRegion`).
 */
export const RegisterCustomer = commandCodec(
  'RegisterCustomer',
  t.readonly(
    t.intersection([
      t.type({
        customerId: CustomerId,
        party: Party,
        acquisition: Acquisition,
        ownerId: UserId,
        at: Instant,
      }),
      t.partial({
        email: t.string,
        phone: t.string,
        phoneRegion: PhoneRegion,
        address: PostalAddress,
      }),
    ]),
  ),
);
export type RegisterCustomer = t.TypeOf<typeof RegisterCustomer>;

/** Corrects how the customer is named (a typo, a new family name, a company's new legal name). */
export const CorrectCustomerName = commandCodec(
  'CorrectCustomerName',
  t.readonly(t.type({ customerId: CustomerId, party: Party, at: Instant })),
);
export type CorrectCustomerName = t.TypeOf<typeof CorrectCustomerName>;

/** Changes the email address (raw input), or removes it with `null`. */
export const ChangeCustomerEmail = commandCodec(
  'ChangeCustomerEmail',
  t.readonly(t.type({ customerId: CustomerId, email: t.union([t.string, t.null]), at: Instant })),
);
export type ChangeCustomerEmail = t.TypeOf<typeof ChangeCustomerEmail>;

/** Changes the phone number (raw input, read in `phoneRegion` if national), or removes it with `null`. */
export const ChangeCustomerPhone = commandCodec(
  'ChangeCustomerPhone',
  t.readonly(
    t.intersection([
      t.type({ customerId: CustomerId, phone: t.union([t.string, t.null]), at: Instant }),
      t.partial({ phoneRegion: PhoneRegion }),
    ]),
  ),
);
export type ChangeCustomerPhone = t.TypeOf<typeof ChangeCustomerPhone>;

/** Changes the postal address, or removes it with `null`. */
export const ChangeCustomerAddress = commandCodec(
  'ChangeCustomerAddress',
  t.readonly(
    t.type({ customerId: CustomerId, address: t.union([PostalAddress, t.null]), at: Instant }),
  ),
);
export type ChangeCustomerAddress = t.TypeOf<typeof ChangeCustomerAddress>;

/** Makes a member of staff the customer's owner. */
export const AssignCustomerOwner = commandCodec(
  'AssignCustomerOwner',
  t.readonly(t.type({ customerId: CustomerId, ownerId: UserId, at: Instant })),
);
export type AssignCustomerOwner = t.TypeOf<typeof AssignCustomerOwner>;

/** Adds a segment tag. */
export const AddCustomerTag = commandCodec(
  'AddCustomerTag',
  t.readonly(t.type({ customerId: CustomerId, tag: Tag, at: Instant })),
);
export type AddCustomerTag = t.TypeOf<typeof AddCustomerTag>;

/** Removes a segment tag. */
export const RemoveCustomerTag = commandCodec(
  'RemoveCustomerTag',
  t.readonly(t.type({ customerId: CustomerId, tag: Tag, at: Instant })),
);
export type RemoveCustomerTag = t.TypeOf<typeof RemoveCustomerTag>;

/**
 * Changes preferences; what is left out stays as it is. `optOuts` replaces the whole list of
 * channels the customer must not be contacted on; in `custom`, `null` removes a key.
 */
export const UpdateCustomerPreferences = commandCodec(
  'UpdateCustomerPreferences',
  t.readonly(
    t.intersection([
      t.type({ customerId: CustomerId, at: Instant }),
      t.partial({
        preferredChannel: t.union([InteractionChannel, t.null]),
        language: t.union([LanguageTag, t.null]),
        optOuts: t.readonlyArray(InteractionChannel),
        custom: t.readonly(t.record(PreferenceKey, t.union([PreferenceValue, t.null]))),
      }),
    ]),
  ),
);
export type UpdateCustomerPreferences = t.TypeOf<typeof UpdateCustomerPreferences>;
