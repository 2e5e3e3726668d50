import { type RawBuilder, sql } from 'kysely';

/**
 * `SET column = excluded.column` for each column, for `onConflict(...).doUpdateSet(...)`: an
 * upsert that writes the whole row computed in memory.
 */
export const fromExcluded = <TColumn extends string>(
  columns: ReadonlyArray<TColumn>,
): { readonly [K in TColumn]: RawBuilder<never> } =>
  Object.fromEntries(
    columns.map((column) => [column, sql.ref<never>(`excluded.${column}`)]),
  ) as { readonly [K in TColumn]: RawBuilder<never> };

/**
 * Splits rows into chunks small enough for one statement: PostgreSQL takes at most 65 535 bind
 * parameters per statement.
 */
export const chunksOf = <T>(rows: ReadonlyArray<T>, size = 1000): ReadonlyArray<ReadonlyArray<T>> => {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
};
