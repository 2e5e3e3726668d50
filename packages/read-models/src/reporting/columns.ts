import type { ColumnType } from 'kysely';

/**
 * A `bigint` column (minor units, counts that may grow large). `pg` reads int8 and numeric as
 * strings unless told otherwise, so readers go through `toBigInt`, which accepts any of the forms.
 */
export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;

/** A nullable `bigint` column. */
export type NullableInt8 = ColumnType<
  string | null,
  bigint | number | string | null,
  bigint | number | string | null
>;

/** A `timestamptz` column, written as an ISO-8601 instant. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A nullable `timestamptz` column. */
export type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

/** A database integer (int8/numeric text, number or bigint) as a `bigint`. */
export const toBigInt = (value: string | number | bigint): bigint =>
  typeof value === 'bigint' ? value : BigInt(value);

/** A nullable database integer as a `bigint` or `null`. */
export const toBigIntOrNull = (value: string | number | bigint | null): bigint | null =>
  value === null ? null : toBigInt(value);

/** A count or average read from the database (text, number or bigint) as a `number`. */
export const toNumber = (value: string | number | bigint): number => Number(value);

/** A nullable numeric read from the database as a `number` or `null`. */
export const toNumberOrNull = (value: string | number | bigint | null): number | null =>
  value === null ? null : Number(value);

/** A timestamp read from the database as an ISO-8601 instant in UTC. */
export const toIsoInstant = (value: Date | string): string => new Date(value).toISOString();

/** A nullable timestamp read from the database as an ISO-8601 instant, or `null`. */
export const toIsoInstantOrNull = (value: Date | string | null): string | null =>
  value === null ? null : toIsoInstant(value);
