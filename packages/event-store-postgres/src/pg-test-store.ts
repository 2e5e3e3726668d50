import type { EventStore } from '@crm/event-store';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pgNotifications } from './pg-notifications.ts';
import {
  createPostgresEventStore,
  type PostgresEventStoreOptions,
} from './postgres-event-store.ts';
import { type EventStoreTables, migrateEventStore } from './schema.ts';

/** A store on a `pg` pool, with the pool and Kysely instance the tests also use directly. */
export interface PgTestStore {
  readonly store: EventStore;
  readonly pool: pg.Pool;
  readonly db: Kysely<EventStoreTables>;
  /** Closes the store, then the pool. */
  readonly close: () => Promise<void>;
}

/**
 * For this package's tests and benchmark: a migrated store on the database at `url`, listening
 * for notifications on a pool of `poolSize` + 1 connections.
 */
export const openPgTestStore = async (
  url: string,
  options: Omit<PostgresEventStoreOptions, 'db'> & {
    readonly poolSize?: number;
  } = {},
): Promise<PgTestStore> => {
  const pool = new pg.Pool({ connectionString: url, max: (options.poolSize ?? 10) + 1 });
  const db = new Kysely<EventStoreTables>({ dialect: new PostgresDialect({ pool }) });
  await migrateEventStore(db);
  const store = createPostgresEventStore({
    notifications: pgNotifications(pool),
    ...options,
    db,
  });
  return {
    store,
    pool,
    db,
    close: async () => {
      await store.close();
      await db.destroy();
    },
  };
};
