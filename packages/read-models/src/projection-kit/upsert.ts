import { type Insertable, type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { chunksOf, slicesOf } from './chunks.ts';

/** The PostgreSQL type of a column, as bulk writes send it (in a JSON document). */
export type ColumnKind =
  | 'text'
  | 'int2'
  | 'int4'
  | 'int8'
  | 'bool'
  | 'timestamptz'
  | 'jsonb'
  | 'text[]';

/** The kind of every column of a table. */
export type ColumnKinds<TTable> = { readonly [K in keyof TTable & string]: ColumnKind };

// The helpers address tables by name; the typed signatures keep callers honest.
type LooseTables = Record<string, Record<string, unknown>>;

const loose = <TTables>(db: Transaction<TTables>): Kysely<LooseTables> =>
  db as unknown as Kysely<LooseTables>;

// A value as the JSON document carries it: `jsonb` values as JSON (text of JSON is parsed),
// `int8` beyond a double's precision as text; PostgreSQL converts each to the column's type.
const jsonValue = (kind: ColumnKind, value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (kind === 'jsonb' && typeof value === 'string') return JSON.parse(value);
  return value;
};

/*
 * `INSERT … SELECT … FROM jsonb_to_recordset($1)`: the rows travel as one JSON document, typed
 * on the server by the column list, so a batch of any size is one short statement with one
 * parameter — cheaper to build than one array per column, which the driver escapes value by
 * value. The table stays in the query builder, so the schema binding applies to it.
 */
const recordRows = (
  kinds: Readonly<Record<string, ColumnKind>>,
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
): RawBuilder<unknown> => {
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const column of columns) record[column] = jsonValue(kinds[column] ?? 'text', row[column]);
    return record;
  });
  const typed = columns.map((column) => sql`${sql.id(column)} ${sql.raw(kinds[column] ?? 'text')}`);
  return sql`select ${sql.join(columns.map((column) => sql.ref(`u.${column}`)))} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as u(${sql.join(typed)})`;
};

// Rows per `jsonb_to_recordset` statement: a rebuild's fold writes a million timeline entries
// at once, and one document for them all would be hundreds of megabytes of text.
const rowsPerDocument = 20_000;

/*
 * Without column kinds: multi-row `VALUES` lists, chunked under PostgreSQL's bind-parameter
 * limit. With them: `jsonb_to_recordset` statements of up to `rowsPerDocument` rows (faster
 * for wide rows and large batches). Each statement is built when the one before has been sent,
 * so the next document is written while the server inserts the last one.
 */
const insertRows = async <TTables>(
  db: Transaction<TTables>,
  table: string,
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  kinds: Readonly<Record<string, ColumnKind>> | undefined,
  finish: (insert: LooseInsert) => { readonly execute: () => Promise<unknown> },
): Promise<void> => {
  const columns = kinds === undefined ? undefined : Object.keys(kinds);
  const chunks =
    kinds === undefined
      ? chunksOf(rows, Object.keys(rows[0] ?? {}).length)
      : slicesOf(rows, rowsPerDocument);
  let sent: Promise<unknown> | undefined;
  for (const chunk of chunks) {
    const insert =
      kinds === undefined || columns === undefined
        ? loose(db)
            .insertInto(table)
            .values(chunk as ReadonlyArray<Record<string, unknown>>)
        : loose(db)
            .insertInto(table)
            .columns(columns)
            .expression(recordRows(kinds, columns, chunk));
    const statement = finish(insert);
    await sent;
    sent = statement.execute();
  }
  await sent;
};

type LooseInsert = ReturnType<Kysely<LooseTables>['insertInto']>;

type Rows<TTables, TName extends keyof TTables> = ReadonlyArray<Insertable<TTables[TName]>>;
type Kinds<TTables, TName extends keyof TTables> = ColumnKinds<TTables[TName]>;

// Both argument orders are accepted: (rows, kinds?) and (kinds, rows).
const rowsAndKinds = (
  a: unknown,
  b: unknown,
): {
  readonly rows: ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly kinds: Readonly<Record<string, ColumnKind>> | undefined;
} =>
  Array.isArray(a)
    ? { rows: a, kinds: b as Readonly<Record<string, ColumnKind>> | undefined }
    : {
        rows: b as ReadonlyArray<Readonly<Record<string, unknown>>>,
        kinds: a as Readonly<Record<string, ColumnKind>>,
      };

/**
 * Writes whole rows: inserts new keys, replaces every other column of existing ones. A
 * projection loads the rows a batch touches, changes them in memory, then writes them back with
 * this, a few statements per batch however many events it held. Give `kinds` (every column's
 * type) for the one-statement JSON form; `rows` and `kinds` may come in either order.
 */
export function replaceRows<TTables, TName extends keyof TTables & string>(
  db: Transaction<TTables>,
  table: TName,
  keyColumns: ReadonlyArray<keyof NoInfer<TTables>[TName] & string>,
  rows: Rows<NoInfer<TTables>, TName>,
  kinds?: Kinds<NoInfer<TTables>, TName>,
): Promise<void>;
export function replaceRows<TTables, TName extends keyof TTables & string>(
  db: Transaction<TTables>,
  table: TName,
  keyColumns: ReadonlyArray<keyof NoInfer<TTables>[TName] & string>,
  kinds: Kinds<NoInfer<TTables>, TName>,
  rows: Rows<NoInfer<TTables>, TName>,
): Promise<void>;
export async function replaceRows<TTables, TName extends keyof TTables & string>(
  db: Transaction<TTables>,
  table: TName,
  keyColumns: ReadonlyArray<keyof NoInfer<TTables>[TName] & string>,
  a: unknown,
  b?: unknown,
): Promise<void> {
  const { rows, kinds } = rowsAndKinds(a, b);
  const first = rows[0];
  if (first === undefined) return;
  const columns = kinds === undefined ? Object.keys(first) : Object.keys(kinds);
  const updated = columns.filter((column) => !keyColumns.includes(column as never));
  await insertRows(db, table, rows, kinds, (insert) =>
    updated.length === 0
      ? insert.onConflict((oc) => oc.columns([...keyColumns]).doNothing())
      : insert.onConflict((oc) =>
          oc
            .columns([...keyColumns])
            .doUpdateSet(
              Object.fromEntries(
                updated.map((column) => [column, sql.ref(`excluded.${column}`)]),
              ) as never,
            ),
        ),
  );
}

/**
 * Adds amounts to rows: a new key is inserted as is, an existing one gets
 * `column = column + excluded.column` for every `summed` column. Sums commute, so batches of any
 * size give the same totals. Keys must be unique within `rows`. `kinds` as for `replaceRows`.
 */
export function addToRows<TTables, TName extends keyof TTables & string>(
  db: Transaction<TTables>,
  table: TName,
  keyColumns: ReadonlyArray<keyof NoInfer<TTables>[TName] & string>,
  summed: ReadonlyArray<keyof NoInfer<TTables>[TName] & string>,
  rows: Rows<NoInfer<TTables>, TName>,
  kinds?: Kinds<NoInfer<TTables>, TName>,
): Promise<void>;
export function addToRows<TTables, TName extends keyof TTables & string>(
  db: Transaction<TTables>,
  table: TName,
  keyColumns: ReadonlyArray<keyof NoInfer<TTables>[TName] & string>,
  summed: ReadonlyArray<keyof NoInfer<TTables>[TName] & string>,
  kinds: Kinds<NoInfer<TTables>, TName>,
  rows: Rows<NoInfer<TTables>, TName>,
): Promise<void>;
export async function addToRows<TTables, TName extends keyof TTables & string>(
  db: Transaction<TTables>,
  table: TName,
  keyColumns: ReadonlyArray<keyof NoInfer<TTables>[TName] & string>,
  summed: ReadonlyArray<keyof NoInfer<TTables>[TName] & string>,
  a: unknown,
  b?: unknown,
): Promise<void> {
  const { rows, kinds } = rowsAndKinds(a, b);
  if (rows.length === 0) return;
  await insertRows(db, table, rows, kinds, (insert) =>
    insert.onConflict((oc) =>
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
    ),
  );
}
