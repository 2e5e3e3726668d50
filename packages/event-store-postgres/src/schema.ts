import {
  type ColumnType,
  type Generated,
  type Kysely,
  type Migration,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';
import { functionDefinitions, functionNames } from './functions.ts';

/**
 * The store's tables, for callers who want to query them with Kysely's builder (reporting,
 * support). Only the store writes them.
 */
export interface EventStoreTables {
  /**
   * One row per event, and one tombstone row (type `$deleted`) after a deleted stream's last
   * event. The primary key `(transaction_id, global_position)` is the log order.
   */
  readonly es_events: {
    /** The writing transaction (`xid8`), as decimal text. */
    readonly transaction_id: ColumnType<string, never, never>;
    readonly global_position: ColumnType<string, never, never>;
    readonly stream_name: string;
    readonly revision: ColumnType<string, number, never>;
    readonly event_id: string;
    readonly type: string;
    readonly data: unknown;
    readonly metadata: unknown;
    readonly recorded_at: Generated<Date>;
  };
}

/**
 * The migrations, in code so that nothing has to be copied into an application's folder.
 * Names sort in the order they apply; a released migration is never edited, only followed.
 */
const migrations: Readonly<Record<string, Migration>> = {
  '0001_event_store': {
    up: async (db) => {
      // transaction_id first: a reader below pg_snapshot_xmin can never be overtaken by a
      // transaction that commits late (docs/guarantees.md, "Global log order"). Stream names
      // compare bytewise ("C"): they are identifiers, and the indexes on them stay cheap.
      await sql`
        CREATE TABLE es_events (
          transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
          global_position bigint GENERATED ALWAYS AS IDENTITY,
          stream_name text COLLATE "C" NOT NULL,
          revision bigint NOT NULL,
          event_id uuid NOT NULL,
          type text NOT NULL,
          data jsonb NOT NULL,
          metadata jsonb NOT NULL,
          recorded_at timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT es_events_log_order PRIMARY KEY (transaction_id, global_position),
          CONSTRAINT es_events_stream_revision UNIQUE (stream_name, revision),
          CONSTRAINT es_events_stream_event_id UNIQUE (stream_name, event_id)
        )`.execute(db);
      for (const statement of functionDefinitions) await sql.raw(statement).execute(db);
    },
    down: async (db) => {
      for (const name of functionNames) await sql.raw(`DROP FUNCTION ${name}`).execute(db);
      await sql`DROP TABLE es_events`.execute(db);
    },
  },
};

/**
 * Creates or upgrades the event store's table (`es_events`) and functions through Kysely's
 * migrator, with its own bookkeeping tables (`es_migrations`, `es_migrations_lock`) so it never
 * mixes with the application's migrations. Safe to call on every start and from several
 * processes at once (the migrator takes a lock). Throws the migrator's error if one fails.
 *
 * @example
 * const db = new Kysely<EventStoreTables>({ dialect: new PostgresDialect({ pool }) });
 * await migrateEventStore(db);
 */
export const migrateEventStore = async <TDatabase>(
  db: Kysely<TDatabase>,
): Promise<MigrationResultSet> => {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'es_migrations',
    migrationLockTableName: 'es_migrations_lock',
  });
  const outcome = await migrator.migrateToLatest();
  if (outcome.error !== undefined) throw outcome.error;
  return outcome;
};
