import {
  type ColumnType,
  type Kysely,
  type Migration,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';

/** The tables of command handling, for callers who want to read them with Kysely. */
export interface CommandHandlingTables {
  /** One row per data subject: its (optionally wrapped) key, or the erasure tombstone. */
  readonly ch_keys: {
    readonly subject: string;
    /** `null` once erased. */
    readonly key: Uint8Array | null;
    readonly created_at: ColumnType<Date, never, never>;
    readonly erased_at: Date | null;
  };
  /** The newest snapshot per stream. */
  readonly ch_snapshots: {
    readonly stream_name: string;
    readonly revision: ColumnType<string, number, number>;
    readonly event_id: string;
    readonly state_version: number;
    readonly state: unknown;
    readonly taken_at: ColumnType<Date, never, never>;
  };
  /** One row per command id: its lease while handled, then its outcome for good. */
  readonly ch_command_outcomes: {
    readonly command_id: string;
    readonly holder: string;
    readonly lease_until: Date;
    readonly attempts: number;
    readonly outcome: unknown;
    readonly completed_at: Date | null;
  };
  /** Where each named subscriber (the policy runner) got to in the global log. */
  readonly ch_checkpoints: {
    readonly name: string;
    readonly position: string;
    readonly updated_at: ColumnType<Date, never, never>;
  };
}

// In code so nothing has to be copied into an application's folder; names sort in the order
// they apply, and a released migration is never edited, only followed.
const migrations: Readonly<Record<string, Migration>> = {
  '0001_command_handling': {
    up: async (db) => {
      await sql`
        CREATE TABLE ch_keys (
          subject text PRIMARY KEY,
          key bytea,
          created_at timestamptz NOT NULL DEFAULT now(),
          erased_at timestamptz,
          CONSTRAINT ch_keys_key_or_tombstone CHECK ((key IS NULL) = (erased_at IS NOT NULL))
        )`.execute(db);
      await sql`
        CREATE TABLE ch_snapshots (
          stream_name text PRIMARY KEY,
          revision bigint NOT NULL,
          event_id uuid NOT NULL,
          state_version integer NOT NULL,
          state jsonb NOT NULL,
          taken_at timestamptz NOT NULL DEFAULT now()
        )`.execute(db);
      await sql`
        CREATE TABLE ch_command_outcomes (
          command_id text PRIMARY KEY,
          holder text NOT NULL,
          lease_until timestamptz NOT NULL,
          attempts integer NOT NULL DEFAULT 1,
          outcome jsonb,
          completed_at timestamptz
        )`.execute(db);
      await sql`
        CREATE TABLE ch_checkpoints (
          name text PRIMARY KEY,
          position text NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now()
        )`.execute(db);
    },
    down: async (db) => {
      for (const table of ['ch_checkpoints', 'ch_command_outcomes', 'ch_snapshots', 'ch_keys']) {
        await sql`DROP TABLE ${sql.table(table)}`.execute(db);
      }
    },
  },
};

/**
 * Creates or upgrades the tables of command handling (`ch_keys`, `ch_snapshots`,
 * `ch_command_outcomes`, `ch_checkpoints`) through Kysely's migrator, with bookkeeping tables
 * of its own (`ch_migrations`, `ch_migrations_lock`). Safe on every start and from several
 * processes at once; throws the migrator's error if a migration fails.
 *
 * @example
 * const db = new Kysely<CommandHandlingTables>({ dialect: new PostgresDialect({ pool }) });
 * await migrateCommandHandling(db);
 */
export const migrateCommandHandling = async <TDatabase>(
  db: Kysely<TDatabase>,
): Promise<MigrationResultSet> => {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'ch_migrations',
    migrationLockTableName: 'ch_migrations_lock',
  });
  const outcome = await migrator.migrateToLatest();
  if (outcome.error !== undefined) throw outcome.error;
  return outcome;
};
