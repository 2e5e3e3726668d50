import type {
  AddressLines,
  CountryCode,
  EntryId,
  NonEmptyString,
  PostalAddress,
  Tag,
} from '@crm/domain';

// The generator builds its strings from known-good parts, so it brands them directly; the
// tests decode every command to prove the brands hold.

/** A non-blank text the generator wrote. */
export const text = (value: string): NonEmptyString => value as NonEmptyString;

/** An id of an entry inside an aggregate (interaction, follow-up, invoice…). */
export const entry = (value: string): EntryId => value as EntryId;

/** A segment tag. */
export const tag = (value: string): Tag => value as Tag;

/** A postal address from its parts. */
export const postalAddress = (
  lines: ReadonlyArray<string>,
  city: string,
  postalCode: string | undefined,
  country: string,
): PostalAddress => ({
  lines: lines.map(text) as unknown as AddressLines,
  city: text(city),
  ...(postalCode === undefined ? {} : { postalCode: text(postalCode) }),
  country: country as CountryCode,
});
