import type { ColumnType } from 'kysely';

/**
 * A PostgreSQL `int8` or `numeric` column. The `pg` driver returns both as strings (they may not
 * fit a float), so readers go through `bigintOf` or `safeNumberOf`.
 */
export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;

/** A `timestamptz` column: written as an ISO-8601 string, read back as a `Date`. */
export type Timestamptz = ColumnType<Date, string, string>;

/** A `jsonb` column holding `T`: written as JSON text, read back parsed. */
export type Jsonb<T> = ColumnType<T, string, string>;

/** Reads an `int8`/`numeric` value exactly (the driver may hand a string, number or bigint). */
export const bigintOf = (value: string | number | bigint | null | undefined): bigint =>
  value === null || value === undefined
    ? 0n
    : BigInt(typeof value === 'string' ? (value.split('.')[0] ?? '0') : value);

/**
 * Reads an `int8` value known to be a safe integer (a single deal's minor units, a count).
 * Larger values would lose precision, so they throw rather than lie.
 */
export const safeNumberOf = (value: string | number | bigint | null | undefined): number => {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${String(value)} is not a safe integer`);
  return n;
};

// What `toISOString` gives: text already in this form is returned as it is (most instants
// are), sparing a `Date` per value on paths that run for every event.
const canonicalUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The canonical text of an instant read from a `timestamptz` (or from JSON, where it is text). */
export const isoOf = (value: Date | string): string =>
  typeof value === 'string' && canonicalUtc.test(value) ? value : new Date(value).toISOString();

/** `isoOf` of a nullable column: null stays null. */
export const isoOrNull = (value: Date | string | null): string | null =>
  value === null ? null : isoOf(value);

/** The canonical UTC text of an instant before it is written, so every writer stores the same. */
export const utcOf = (instant: string): string => isoOf(instant);
