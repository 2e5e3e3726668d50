import {
  type ColumnType,
  type Kysely,
  type Migration,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';

/** The schema of the runtime's own tables. */
export const runtimeSchema = 'projection_runtime';

/** What a projection's checkpoint row says it is doing. */
export type ProjectionRunStatus = 'running' | 'rebuilding' | 'poisoned' | 'stopped';

/**
 * The runtime's tables (schema `projection_runtime`), for operators who want to read them with
 * Kysely (`db.withSchema('projection_runtime')`). Only the runtime writes them.
 */
export interface ProjectionRuntimeTables {
  /** One row per projection: how far its live schema got, in the same transaction as its writes. */
  readonly checkpoints: {
    readonly name: string;
    readonly version: number;
    /** The last applied event's position (`-1`/`-1`: none yet). */
    readonly commit_position: ColumnType<string, string | bigint, string | bigint>;
    readonly prepare_position: ColumnType<string, string | bigint, string | bigint>;
    readonly status: ProjectionRunStatus;
    /** `ProjectionPoisonedDetails` while poisoned, else NULL. */
    readonly error: unknown;
    readonly events_applied: ColumnType<string, string | number, string | number>;
    /** The instance that owns it now (informative; the advisory lock is what counts). */
    readonly owner: string | null;
    readonly owned_since: Date | null;
    readonly updated_at: ColumnType<Date, never, never>;
  };
  /** One row per rebuild under way: how far the scratch schema got, so a rebuild resumes. */
  readonly rebuilds: {
    readonly name: string;
    readonly version: number;
    readonly commit_position: ColumnType<string, string | bigint, string | bigint>;
    readonly prepare_position: ColumnType<string, string | bigint, string | bigint>;
    readonly events_applied: ColumnType<string, string | number, string | number>;
    readonly started_at: ColumnType<Date, never, never>;
    readonly updated_at: ColumnType<Date, never, never>;
  };
}

// In code so nothing has to be copied into an application's folder; names sort in the order
// they apply, and a released migration is never edited, only followed.
const migrations: Readonly<Record<string, Migration>> = {
  '0001_projection_runtime': {
    up: async (db) => {
      await sql`
        CREATE TABLE projection_runtime.checkpoints (
          name text PRIMARY KEY,
          version integer NOT NULL,
          commit_position bigint NOT NULL,
          prepare_position bigint NOT NULL,
          status text NOT NULL,
          error jsonb,
          events_applied bigint NOT NULL DEFAULT 0,
          owner text,
          owned_since timestamptz,
          updated_at timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT checkpoints_status
            CHECK (status IN ('running', 'rebuilding', 'poisoned', 'stopped'))
        )`.execute(db);
      await sql`
        CREATE TABLE projection_runtime.rebuilds (
          name text PRIMARY KEY,
          version integer NOT NULL,
          commit_position bigint NOT NULL,
          prepare_position bigint NOT NULL,
          events_applied bigint NOT NULL DEFAULT 0,
          started_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now()
        )`.execute(db);
    },
    down: async (db) => {
      await sql`DROP TABLE projection_runtime.rebuilds`.execute(db);
      await sql`DROP TABLE projection_runtime.checkpoints`.execute(db);
    },
  },
};

/**
 * Creates or upgrades the runtime's schema `projection_runtime` (checkpoints, rebuilds)
 * through Kysely's `Migrator`, its migration record kept in that schema. Idempotent; safe to
 * run from several instances at once (Kysely serialises migrators with an advisory lock).
 *
 * @example
 * await migrateProjectionRuntime(db);
 */
export const migrateProjectionRuntime = async <TDatabase>(
  db: Kysely<TDatabase>,
): Promise<MigrationResultSet> => {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: runtimeSchema,
    migrationTableName: 'migrations',
    migrationLockTableName: 'migrations_lock',
  });
  const outcome = await migrator.migrateToLatest();
  if (outcome.error !== undefined) throw outcome.error;
  return outcome;
};
