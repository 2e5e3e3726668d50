import {
  AcquisitionChannel,
  CountryCode,
  type CustomerError,
  customerDecider,
  decodeCustomerCommand,
  type EmailAddress,
  type InvalidInput,
  normaliseEmail,
  normalisePhone,
  type Party,
  type PhoneE164,
  type PhoneRegion,
  type PostalAddress,
  personFromFullName,
  type RegisterCustomer,
} from '@crm/domain';
import * as E from 'fp-ts/lib/Either.js';
import { cleanInstant, type DateOrder, tidyText } from './clean-values.ts';
import type { RowReader } from './row-reader.ts';

/** A customer row, cleaned: ready to register. */
export interface CleanCustomer {
  readonly line: number;
  /** The row's id in the other system, if the file has one. */
  readonly externalId: string | undefined;
  /** What identifies the row across runs: its external id, or its cleaned content. */
  readonly key: string;
  readonly party: Party;
  readonly email: EmailAddress | undefined;
  readonly phone: PhoneE164 | undefined;
  readonly address: PostalAddress | undefined;
  readonly source: string;
  readonly channel: AcquisitionChannel;
  readonly ownerId: string;
  readonly registeredAt: string;
}

/** How customer rows are cleaned. */
export interface CustomerRowOptions {
  /** Region national phone numbers are read in when the row names no country (`GB`). */
  readonly defaultRegion?: PhoneRegion;
  /** Acquisition source when the row has none (`csv-import`). */
  readonly source: string;
  readonly channel: AcquisitionChannel;
  readonly ownerId: string;
  readonly dateOrder?: DateOrder;
  /** When rows without a registration date are registered. */
  readonly now: string;
}

const partyOf = (row: RowReader): Party | undefined => {
  const company = row.get('company');
  const given = row.get('givenName');
  const family = row.get('familyName');
  const name = row.get('name');
  if (family !== undefined) {
    return given === undefined
      ? { kind: 'person', familyName: tidyText(family) as never }
      : {
          kind: 'person',
          givenName: tidyText(given) as never,
          familyName: tidyText(family) as never,
        };
  }
  if (name !== undefined) {
    // "Lovelace, Ada" is how many exports write a person's name.
    const comma = /^([^,]+),\s*(.+)$/.exec(tidyText(name));
    return comma !== null
      ? {
          kind: 'person',
          givenName: tidyText(comma[2] ?? '') as never,
          familyName: tidyText(comma[1] ?? '') as never,
        }
      : personFromFullName(tidyText(name) as never);
  }
  if (company !== undefined) return { kind: 'company', legalName: tidyText(company) as never };
  return undefined;
};

const addressOf = (
  row: RowReader,
  country: string | undefined,
): PostalAddress | undefined | 'invalid' => {
  const street = row.get('street');
  const city = row.get('city');
  const postalCode = row.get('postalCode');
  if (street === undefined && city === undefined && postalCode === undefined) return undefined;
  let invalid = false;
  if (street === undefined) {
    row.problem('street', 'the address has a city or postal code but no street');
    invalid = true;
  }
  if (city === undefined) {
    row.problem('city', 'the address has no city');
    invalid = true;
  }
  if (country === undefined) {
    row.problem('country', 'the address has no country (give a country column or --region)');
    invalid = true;
  }
  if (invalid || street === undefined || city === undefined || country === undefined)
    return 'invalid';
  const lines = street
    .split(/\n|\s*;\s*/)
    .map(tidyText)
    .filter((line) => line !== '');
  if (lines.length > 4) {
    row.problem('street', 'an address has at most four street lines');
    return 'invalid';
  }
  const base = {
    lines: lines as never,
    city: tidyText(city) as never,
    country: country as CountryCode,
  };
  return postalCode === undefined ? base : { ...base, postalCode: tidyText(postalCode) as never };
};

/** Where in a row a domain error points. */
const fieldOfDomainError = (error: CustomerError | InvalidInput): string => {
  const field = 'field' in error && typeof error.field === 'string' ? error.field : '';
  if (/email/.test(field)) return 'email';
  if (/phone/.test(field)) return 'phone';
  if (/party|name/i.test(field)) return 'name';
  if (/address/.test(field)) return 'street';
  if (/acquisition\.source/.test(field)) return 'source';
  if (/owner/.test(field)) return 'owner';
  return 'row';
};

/**
 * Cleans one customer row: names tidied (a full name split into given and family names,
 * "Family, Given" understood, a company when only a company is named), the email trimmed and
 * lower-cased, the phone read in the row's country (or the default region) and written in
 * E.164, the country upper-cased, dates read. Every problem is recorded on the reader with its
 * field; then the registration is checked by the customer decider itself, so a row that passes
 * here is one the domain accepts.
 */
export const cleanCustomerRow = (
  row: RowReader,
  options: CustomerRowOptions,
): CleanCustomer | undefined => {
  const party = partyOf(row);
  if (party === undefined) row.problem('name', 'the row names no person or company');

  const countryCell = row.get('country')?.toUpperCase();
  if (countryCell !== undefined && !CountryCode.is(countryCell)) {
    row.problem('country', `"${countryCell}" is not an ISO 3166 country code (GB, DE, US…)`);
  }
  const country =
    countryCell !== undefined && CountryCode.is(countryCell) ? countryCell : options.defaultRegion;

  let email: EmailAddress | undefined;
  const emailCell = row.get('email');
  if (emailCell !== undefined) {
    const normalised = normaliseEmail(emailCell, { field: 'email' });
    if (E.isLeft(normalised)) row.problem('email', `"${emailCell}" is not a valid email address`);
    else email = normalised.right;
  }

  let phone: PhoneE164 | undefined;
  const phoneCell = row.get('phone');
  if (phoneCell !== undefined) {
    const normalised = normalisePhone(phoneCell, {
      region: country as PhoneRegion | undefined,
      field: 'phone',
    });
    if (E.isLeft(normalised)) {
      row.problem(
        'phone',
        `"${phoneCell}" is not a valid phone number${country === undefined ? ' (no country to read a national number in: add +<country code>, a country column or --region)' : ` in ${country}`}`,
      );
    } else phone = normalised.right;
  }

  const address = addressOf(row, country);

  const channelCell = row
    .get('channel')
    ?.toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (channelCell !== undefined && !AcquisitionChannel.is(channelCell)) {
    row.problem(
      'channel',
      `"${row.get('channel')}" is not a channel; use one of ${Object.keys(AcquisitionChannel.keys).join(', ')}`,
    );
  }
  const channel =
    channelCell !== undefined && AcquisitionChannel.is(channelCell) ? channelCell : options.channel;

  let registeredAt = options.now;
  const registeredCell = row.get('registeredAt');
  if (registeredCell !== undefined) {
    const cleaned = cleanInstant(registeredCell, options.dateOrder);
    if (cleaned.ok) registeredAt = cleaned.value;
    else row.problem('registeredAt', cleaned.message);
  }

  if (row.problems().length > 0 || party === undefined || address === 'invalid') return undefined;
  const externalId = row.get('id');
  const key =
    externalId !== undefined
      ? `id:${externalId}`
      : `row:${JSON.stringify([party, email ?? null, phone ?? null, address ?? null])}`;
  const clean: CleanCustomer = {
    line: row.line,
    externalId,
    key,
    party,
    email,
    phone,
    address,
    source: tidyText(row.get('source') ?? options.source),
    channel,
    ownerId: row.get('owner') ?? options.ownerId,
    registeredAt,
  };
  const decoded = decodeCustomerCommand(registrationOf(clean, 'imp-check'));
  const decided = E.isLeft(decoded)
    ? decoded
    : customerDecider.decide(decoded.right, customerDecider.initialState);
  if (E.isLeft(decided)) {
    row.problem(fieldOfDomainError(decided.left), decided.left.message);
    return undefined;
  }
  return clean;
};

/** The registration command of a cleaned row. */
export const registrationOf = (customer: CleanCustomer, customerId: string): RegisterCustomer => ({
  type: 'RegisterCustomer',
  data: {
    customerId: customerId as never,
    party: customer.party,
    acquisition: { source: customer.source as never, channel: customer.channel },
    ownerId: customer.ownerId as never,
    at: customer.registeredAt as never,
    ...(customer.email === undefined ? {} : { email: customer.email }),
    ...(customer.phone === undefined ? {} : { phone: customer.phone }),
    ...(customer.address === undefined ? {} : { address: customer.address }),
  },
});
