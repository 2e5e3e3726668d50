import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { InvalidEmailAddress, InvalidPhoneNumber } from './domain-error.ts';

export interface PhoneE164Brand {
  readonly PhoneE164: unique symbol;
}

/** A phone number in E.164 form (`+442071838750`), as stored in events. */
export const PhoneE164 = t.brand(
  t.string,
  (s): s is t.Branded<string, PhoneE164Brand> => /^\+[1-9]\d{6,14}$/.test(s),
  'PhoneE164',
);
export type PhoneE164 = t.TypeOf<typeof PhoneE164>;

/** An ISO-3166 alpha-2 region used to read national-format numbers (`GB`, `DE`, `CN`). */
export const PhoneRegion = t.brand(
  t.string,
  (s): s is t.Branded<string, { readonly PhoneRegion: symbol }> => /^[A-Z]{2}$/.test(s),
  'PhoneRegion',
);
export type PhoneRegion = t.TypeOf<typeof PhoneRegion>;

/**
 * Reads a phone number typed in any common way (`+44 20 7183 8750`, `020 7183 8750` with
 * region `GB`, `(415) 555-2671` with `US`) and returns it in E.164, or a typed error naming the
 * field when it is not a valid number.
 */
export const normalisePhone = (
  input: string,
  options: { readonly region?: PhoneRegion | undefined; readonly field?: string } = {},
): E.Either<InvalidPhoneNumber, PhoneE164> => {
  const field = options.field ?? 'phone';
  const parsed = parsePhoneNumberFromString(input.trim(), {
    defaultCountry: options.region as CountryCode | undefined,
    extract: false,
  });
  return parsed?.isValid() && PhoneE164.is(parsed.number)
    ? E.right(parsed.number)
    : E.left({
        _tag: 'InvalidPhoneNumber',
        field,
        input,
        message: `${field}: "${input}" is not a valid phone number${options.region ? ` (read in region ${options.region})` : ' (use the +country form or give a region)'}.`,
      });
};

export interface EmailAddressBrand {
  readonly EmailAddress: unique symbol;
}

// Deliberately pragmatic (what mail servers accept in practice), not the full RFC 5322 grammar;
// the local part may not start or end with a dot (checked beside the pattern).
const emailPattern =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** An email address in normalised form: trimmed, lower-case, at most 254 characters. */
export const EmailAddress = t.brand(
  t.string,
  (s): s is t.Branded<string, EmailAddressBrand> =>
    s.length <= 254 && emailPattern.test(s) && !s.includes('..') && !/^\.|\.@/.test(s),
  'EmailAddress',
);
export type EmailAddress = t.TypeOf<typeof EmailAddress>;

/** Trims and lower-cases an email address, or returns a typed error naming the field. */
export const normaliseEmail = (
  input: string,
  options: { readonly field?: string } = {},
): E.Either<InvalidEmailAddress, EmailAddress> => {
  const field = options.field ?? 'email';
  const candidate = input.trim().toLowerCase();
  return EmailAddress.is(candidate)
    ? E.right(candidate)
    : E.left({
        _tag: 'InvalidEmailAddress',
        field,
        input,
        message: `${field}: "${input}" is not a valid email address.`,
      });
};
