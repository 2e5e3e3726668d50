import * as t from 'io-ts';

export interface NonEmptyStringBrand {
  readonly NonEmptyString: unique symbol;
}

/** A string with at least one non-blank character, at most 10,000 characters. */
export const NonEmptyString = t.brand(
  t.string,
  (s): s is t.Branded<string, NonEmptyStringBrand> => s.trim().length > 0 && s.length <= 10_000,
  'NonEmptyString',
);
export type NonEmptyString = t.TypeOf<typeof NonEmptyString>;

export interface TagBrand {
  readonly Tag: unique symbol;
}

/** A segment tag: lower-case words joined by `-`, `_` or `:` (`vip`, `region:emea`). */
export const Tag = t.brand(
  t.string,
  (s): s is t.Branded<string, TagBrand> => /^[a-z0-9][a-z0-9_:-]{0,63}$/.test(s),
  'Tag',
);
export type Tag = t.TypeOf<typeof Tag>;
