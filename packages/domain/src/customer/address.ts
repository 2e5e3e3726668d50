import * as t from 'io-ts';
import { NonEmptyString } from '../kernel/text.ts';
import { tidyText as tidy } from './tidy-text.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

export interface CountryCodeBrand {
  readonly CountryCode: unique symbol;
}

/** An ISO-3166 alpha-2 country code that names a real country or territory (`GB`, `DE`). */
export const CountryCode = t.brand(
  t.string,
  (s): s is t.Branded<string, CountryCodeBrand> => /^[A-Z]{2}$/.test(s) && regionNames.of(s) !== s,
  'CountryCode',
);
export type CountryCode = t.TypeOf<typeof CountryCode>;

export interface AddressLinesBrand {
  readonly AddressLines: unique symbol;
}

/** One to four street lines. */
export const AddressLines = t.brand(
  t.readonlyArray(NonEmptyString),
  (lines): lines is t.Branded<ReadonlyArray<NonEmptyString>, AddressLinesBrand> =>
    lines.length >= 1 && lines.length <= 4,
  'AddressLines',
);
export type AddressLines = t.TypeOf<typeof AddressLines>;

/** A postal address. The postal code is optional: some countries (Ireland before 2015, Hong Kong) have none. */
export const PostalAddress = t.readonly(
  t.intersection([
    t.type({ lines: AddressLines, city: NonEmptyString, country: CountryCode }),
    t.partial({ postalCode: NonEmptyString }),
  ]),
);
export type PostalAddress = t.TypeOf<typeof PostalAddress>;

/** The address with every part trimmed, and no `postalCode` key when there is none. */
export const tidyAddress = (address: PostalAddress): PostalAddress => {
  const base = {
    lines: address.lines.map(tidy) as ReadonlyArray<NonEmptyString> as AddressLines,
    city: tidy(address.city),
    country: address.country,
  };
  return address.postalCode === undefined
    ? base
    : { ...base, postalCode: tidy(address.postalCode) };
};

/** True when both are the same address, part for part. */
export const sameAddress = (a: PostalAddress | null, b: PostalAddress | null): boolean =>
  a === null || b === null
    ? a === b
    : a.city === b.city &&
      a.country === b.country &&
      a.postalCode === b.postalCode &&
      a.lines.length === b.lines.length &&
      a.lines.every((line, i) => line === b.lines[i]);
