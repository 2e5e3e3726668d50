import { EventStoreError } from '@crm/event-store';
import { createPostgresEventStore } from '@crm/event-store-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { serveDecodedPages } from '../decoding-worker.ts';
import { decodeRecordedEvent } from '../event-decoder.ts';

/** What the test starts the worker with. */
export interface FixtureData {
  readonly url: string;
  /** An event id the worker's decoder refuses, as if its key store were down. */
  readonly unavailableEventId: string | undefined;
  /** Makes every read fail as a store outage does. */
  readonly storeDown?: boolean;
}

serveDecodedPages<FixtureData>(async ({ url, unavailableEventId, storeDown }) => {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const db = new Kysely<never>({ dialect: new PostgresDialect({ pool }) });
  const eventStore = createPostgresEventStore({ db });
  return {
    eventStore:
      storeDown === true
        ? {
            ...eventStore,
            readAll: () => Promise.reject(EventStoreError.unavailable('The store is down.')),
          }
        : eventStore,
    decode: (recorded) => {
      if (recorded.eventId === unavailableEventId) {
        const error = new Error('The key store is down.');
        return Promise.reject(
          Object.assign(error, { name: 'ProjectionRuntimeError', code: 'Unavailable' }),
        );
      }
      return decodeRecordedEvent(recorded);
    },
    close: async () => {
      await eventStore.close();
      await db.destroy();
    },
  };
});
