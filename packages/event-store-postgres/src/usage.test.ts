// The README's usage examples, run as written (with the test database's URL).
import { randomUUID } from 'node:crypto';
import { useTestDatabase } from '@crm/test-database/vitest';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { KyselyPGlite } from 'kysely-pglite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  createPostgresEventStore,
  type EventStoreTables,
  migrateEventStore,
  pgliteNotifications,
  pgNotifications,
} from './index.ts';

const database = await useTestDatabase('usage');

describe('README usage', () => {
  it('on a pg pool', async () => {
    const connectionString = database.url;
    // --- README: pg ---
    const pool = new pg.Pool({ connectionString });
    const db = new Kysely<EventStoreTables>({ dialect: new PostgresDialect({ pool }) });
    await migrateEventStore(db);
    const store = createPostgresEventStore({ db, notifications: pgNotifications(pool) });

    const { nextExpectedRevision, position } = await store.append(
      'customer-c1',
      [{ eventId: randomUUID(), type: 'CustomerRegistered', data: { name: 'Ada' } }],
      { expectedRevision: 'no_stream' },
    );
    const history = await store.readStream('customer-c1');
    const subscription = store.subscribeToAll({ filter: { streamCategories: ['customer'] } });
    for await (const event of subscription) {
      expect(event.position).toEqual(position); // a projection would apply it here
      break;
    }
    await store.close();
    await db.destroy();
    // --- end ---
    expect(nextExpectedRevision).toBe(0);
    expect(history).toHaveLength(1);
  });

  it('on PGlite', async () => {
    // --- README: PGlite ---
    const pglite = await PGlite.create();
    const db = new Kysely<EventStoreTables>({ dialect: new KyselyPGlite(pglite).dialect });
    await migrateEventStore(db);
    const store = createPostgresEventStore({ db, notifications: pgliteNotifications(pglite) });
    // ... the same calls ...
    await store.close();
    await db.destroy(); // closes the PGlite instance too
    // --- end ---
    expect(pglite.closed).toBe(true);
  });
});
