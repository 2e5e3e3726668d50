import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { chunksOf } from './chunks.ts';

// The helpers address tables by name; the typed signatures keep callers honest.
type LooseTables = Record<string, Record<string, unknown>>;

const loose = <TTables>(db: Transaction<TTables>): Kysely<LooseTables> =>
  db as unknown as Kysely<LooseTables>;

/**
 * Writes whole rows in multi-row statements: inserts new keys, replaces every other column of
 * existing ones. A projection loads the rows a batch touches, changes them in memory, then
 * writes them back with this, a few statements per batch however many events it held.
 */
export const replaceRows = async <TTables, TName extends keyof TTables & string>(
  db: Transaction<TTables>,
  table: TName,
  keyColumns: ReadonlyArray<keyof NoInfer<TTables>[TName] & string>,
  rows: ReadonlyArray<Insertable<NoInfer<TTables>[TName]>>,
): Promise<void> => {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const updated = columns.filter((column) => !keyColumns.includes(column as never));
  for (const chunk of chunksOf(rows, columns.length)) {
    const insert = loose(db)
      .insertInto(table)
      .values(chunk as ReadonlyArray<Record<string, unknown>>);
    await (updated.length === 0
      ? insert.onConflict((oc) => oc.columns([...keyColumns]).doNothing())
      : insert.onConflict((oc) =>
          oc
            .columns([...keyColumns])
            .doUpdateSet(
              Object.fromEntries(
                updated.map((column) => [column, sql.ref(`excluded.${column}`)]),
              ) as never,
            ),
        )
    ).execute();
  }
};

/**
 * Adds amounts to rows in multi-row statements: a new key is inserted as is, an existing one
 * gets `column = column + excluded.column` for every `summed` column. Sums commute, so batches
 * of any size give the same totals.
 */
export const addToRows = async <TTables, TName extends keyof TTables & string>(
  db: Transaction<TTables>,
  table: TName,
  keyColumns: ReadonlyArray<keyof NoInfer<TTables>[TName] & string>,
  summed: ReadonlyArray<keyof NoInfer<TTables>[TName] & string>,
  rows: ReadonlyArray<Insertable<NoInfer<TTables>[TName]>>,
): Promise<void> => {
  const first = rows[0];
  if (first === undefined) return;
  for (const chunk of chunksOf(rows, Object.keys(first).length)) {
    await loose(db)
      .insertInto(table)
      .values(chunk as ReadonlyArray<Record<string, unknown>>)
      .onConflict((oc) =>
        oc
          .columns([...keyColumns])
          .doUpdateSet(
            Object.fromEntries(
              summed.map((column) => [
                column,
                sql`${sql.ref(`${table}.${column}`)} + ${sql.ref(`excluded.${column}`)}`,
              ]),
            ) as never,
          ),
      )
      .execute();
  }
};
