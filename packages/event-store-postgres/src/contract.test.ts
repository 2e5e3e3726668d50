import { eventStoreContract } from '@crm/event-store/contract';
import { useTestDatabase, useTestPglite } from '@crm/test-database/vitest';
import { Kysely, PostgresDialect } from 'kysely';
import { KyselyPGlite } from 'kysely-pglite';
import pg from 'pg';
import {
  createPostgresEventStore,
  type EventStoreTables,
  migrateEventStore,
  pgliteNotifications,
  pgNotifications,
} from './index.ts';

const database = await useTestDatabase('contract');
const pglite = await useTestPglite();

const pool = new pg.Pool({ connectionString: database.url, max: 11 });
const db = new Kysely<EventStoreTables>({ dialect: new PostgresDialect({ pool }) });

eventStoreContract({
  name: 'PostgreSQL (pg)',
  open: async () => {
    await migrateEventStore(db);
    return createPostgresEventStore({ db, notifications: pgNotifications(pool) });
  },
  close: async (store) => {
    await store.close();
    await db.destroy();
  },
});

eventStoreContract({
  name: 'PGlite',
  open: async () => {
    const db = new Kysely<EventStoreTables>({ dialect: new KyselyPGlite(pglite).dialect });
    await migrateEventStore(db);
    return createPostgresEventStore({ db, notifications: pgliteNotifications(pglite) });
  },
});
