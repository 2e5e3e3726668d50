import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import type { AnyProjection } from './projection.ts';
import { ProjectionRuntimeError } from './projection-runtime-error.ts';

/** Appended to a projection's name for the scratch schema a rebuild fills. */
export const rebuildSuffix = '__rebuild';

/** The table in each projection schema that records which of its migrations ran. */
export const projectionMigrationTable = 'projection_migrations';

// Lower snake case, short enough that `<name>__rebuild` stays within PostgreSQL's 63 bytes, and
// not the runtime's own schema or one of PostgreSQL's.
const namePattern = /^[a-z][a-z0-9_]{0,53}$/;
const reserved = new Set(['projection_runtime', 'public', 'information_schema']);

/** Refuses a projection whose name or version the runtime cannot use. */
export const checkProjection = (projection: AnyProjection): void => {
  const { name, version } = projection;
  if (
    !namePattern.test(name) ||
    name.endsWith(rebuildSuffix) ||
    name.startsWith('pg_') ||
    reserved.has(name)
  ) {
    throw new ProjectionRuntimeError(
      'InvalidProjection',
      `Projection name ${JSON.stringify(name)} is not usable as a schema name: lower snake case, ` +
        `at most 54 characters, not ending in ${rebuildSuffix}, not pg_* or a reserved schema.`,
      name,
    );
  }
  if (!Number.isInteger(version) || version < 1) {
    throw new ProjectionRuntimeError(
      'InvalidProjection',
      `Projection ${name} has version ${version}; a version is an integer ≥ 1.`,
      name,
    );
  }
};

/** Whether a schema exists. */
export const schemaExists = async <TDatabase>(
  db: Kysely<TDatabase>,
  schema: string,
): Promise<boolean> => {
  const { rows } = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ${schema}) AS found`.execute(db);
  return rows[0]?.found === true;
};

/** Drops a schema and everything in it, if it exists. */
export const dropSchema = async <TDatabase>(
  db: Kysely<TDatabase>,
  schema: string,
): Promise<void> => {
  await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
};

/** Points unqualified names at `schema` for the rest of the transaction (raw SQL included). */
export const useSchemaLocally = async <TDatabase>(
  db: Kysely<TDatabase>,
  schema: string,
): Promise<void> => {
  await sql`SET LOCAL search_path TO ${sql.id(schema)}, public`.execute(db);
};

/**
 * Runs a projection's migrations inside `schema` (created if missing), with Kysely's `Migrator`
 * and its record kept in that schema, so a scratch schema carries its own record when it is
 * renamed to the live name. Each migration gets a `db` bound to the schema (`withSchema`) and
 * a transaction whose search path starts with it, so raw SQL with unqualified names lands there
 * too.
 */
export const migrateProjectionSchema = async <TDatabase>(
  db: Kysely<TDatabase>,
  projection: AnyProjection,
  schema: string,
): Promise<MigrationResultSet> => {
  const inSchema = (migration: Migration): Migration => ({
    up: async (trx) => {
      await useSchemaLocally(trx, schema);
      await migration.up(trx.withSchema(schema));
    },
    ...(migration.down === undefined
      ? {}
      : {
          down: async (trx) => {
            await useSchemaLocally(trx, schema);
            await migration.down?.(trx.withSchema(schema));
          },
        }),
  });
  const migrations = Object.fromEntries(
    Object.entries(projection.migrations).map(([key, migration]) => [key, inSchema(migration)]),
  );
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
    migrationTableName: projectionMigrationTable,
    migrationLockTableName: `${projectionMigrationTable}_lock`,
  });
  const outcome = await migrator.migrateToLatest();
  if (outcome.error !== undefined) throw outcome.error;
  return outcome;
};
