import { type Kysely, sql } from 'kysely';
import { projectionMigrationTable } from '../projection-schema.ts';
import { runLogTable } from './run-log.ts';

/** Every row of every table of a schema, as JSON, each table's rows in a stable order. */
export type SchemaSnapshot = Readonly<Record<string, ReadonlyArray<unknown>>>;

/**
 * Reads every table of `schema` (its migration record left out) for comparing two copies of a
 * read model: incremental against rebuilt, crashed against fresh. `except` names tables to leave
 * out (by default the run log of `withRunLog`, which records sessions, not the log).
 *
 * @example
 * expect(await schemaSnapshot(db, 'customer_360')).toEqual(await schemaSnapshot(db, 'fresh'));
 */
export const schemaSnapshot = async <TDatabase>(
  db: Kysely<TDatabase>,
  schema: string,
  options: { readonly except?: ReadonlyArray<string> } = {},
): Promise<SchemaSnapshot> => {
  const except = new Set(options.except ?? [runLogTable]);
  const { rows: tables } = await sql<{ readonly table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = ${schema} AND table_type = 'BASE TABLE'
      AND table_name NOT LIKE ${`${projectionMigrationTable}%`}
    ORDER BY table_name`.execute(db);
  const snapshot: Record<string, ReadonlyArray<unknown>> = {};
  for (const { table_name } of tables) {
    if (except.has(table_name)) continue;
    const { rows } = await sql<{ readonly row: unknown }>`
      SELECT to_jsonb(t) AS row FROM ${sql.table(`${schema}.${table_name}`)} t
      ORDER BY to_jsonb(t)::text`.execute(db);
    snapshot[table_name] = rows.map((row) => row.row);
  }
  return snapshot;
};
