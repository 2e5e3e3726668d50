import type pg from 'pg';

/** Where a value was found: `schema.table.column`. */
export type Finding = string;

const scannedTypes = ['text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'xml'];

/**
 * Reads every text, JSON and bytea column of every user table (any schema but PostgreSQL's
 * own) and reports, for each value sought, where it occurs — case-insensitively, in bytea as
 * UTF-8 bytes. What a `pg_dump` would show of those columns, without needing a `pg_dump` of
 * the server's version. Test support for the erasure test.
 */
export const scanDatabase = async (
  pool: pg.Pool,
  values: ReadonlyArray<string>,
): Promise<{
  readonly columns: ReadonlyArray<string>;
  readonly found: ReadonlyMap<string, ReadonlyArray<Finding>>;
}> => {
  const { rows: columns } = await pool.query<{
    schema: string;
    table: string;
    column: string;
    type: string;
  }>(
    `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column, c.data_type AS type
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE t.table_type = 'BASE TABLE'
        AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.data_type = ANY($1)`,
    [scannedTypes],
  );
  const found = new Map<string, Finding[]>(values.map((value) => [value, []]));
  for (const { schema, table, column, type } of columns) {
    const name = `${JSON.stringify(schema)}.${JSON.stringify(table)}`;
    const expression =
      type === 'bytea' ? JSON.stringify(column) : `${JSON.stringify(column)}::text`;
    const { rows } = await pool.query<{ v: string | Buffer | null }>(
      `SELECT ${expression} AS v FROM ${name}`,
    );
    for (const value of values) {
      const text = value.toLowerCase();
      const bytes = Buffer.from(value, 'utf8');
      const hit = rows.some(({ v }) =>
        v === null
          ? false
          : Buffer.isBuffer(v)
            ? v.includes(bytes)
            : v.toLowerCase().includes(text),
      );
      if (hit) found.get(value)?.push(`${schema}.${table}.${column}`);
    }
  }
  return { columns: columns.map((c) => `${c.schema}.${c.table}.${c.column}`), found };
};
