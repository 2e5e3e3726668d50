import { type Insertable, type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { chunksOf } from './chunks.ts';

/**
 * The PostgreSQL type of a column, as bulk writes send it. `text[]` columns travel as JSON
 * arrays, since `unnest` would flatten an array of arrays.
 */
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

const wire = (kind: ColumnKind, value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  if (kind === 'text[]' || (kind === 'jsonb' && typeof value !== 'string'))
    return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
};

/*
 * `INSERT … SELECT … FROM unnest($1::text[], $2::int8[], …)`: one bind parameter per column
 * whatever the number of rows, so a batch of any size is one short statement, cheap to build
 * and to parse. The table stays in the query builder, so the schema binding applies to it.
 */
const unnestRows = (
  kinds: Readonly<Record<string, ColumnKind>>,
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
): RawBuilder<unknown> => {
  const arrays = columns.map((column) => {
    const kind = kinds[column] ?? 'text';
    const values = rows.map((row) => wire(kind, row[column]));
    return sql`${values}::${sql.raw(kind === 'text[]' ? 'jsonb' : kind)}[]`;
  });
  const selected = columns.map((column) =>
    kinds[column] === 'text[]'
      ? sql`coalesce(array(select jsonb_array_elements_text(${sql.ref(`u.${column}`)})), '{}')`
      : sql.ref(`u.${column}`),
  );
  return sql`select ${sql.join(selected)} from unnest(${sql.join(arrays)}) as u(${sql.join(columns.map((c) => sql.id(c)))})`;
};

/*
 * Without column kinds: a multi-row `VALUES` list, chunked under PostgreSQL's bind-parameter
 * limit. With them: one `unnest` statement (faster for wide rows and large batches).
 */
const insertRows = <TTables>(
  db: Transaction<TTables>,
  table: string,
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  kinds: Readonly<Record<string, ColumnKind>> | undefined,
) => {
  if (kinds !== undefined) {
    const columns = Object.keys(kinds);
    return [
      loose(db)
        .insertInto(table)
        .columns(columns)
        .expression(unnestRows(kinds, columns, rows)),
    ];
  }
  const width = Object.keys(rows[0] ?? {}).length;
  return chunksOf(rows, width).map((chunk) =>
    loose(db)
      .insertInto(table)
      .values(chunk as ReadonlyArray<Record<string, unknown>>),
  );
};

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
 * type) for the one-statement `unnest` form; `rows` and `kinds` may come in either order.
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
  for (const insert of insertRows(db, table, rows, kinds)) {
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
  for (const insert of insertRows(db, table, rows, kinds)) {
    await insert
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
}
