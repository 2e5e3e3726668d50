import { createPostgresKeyStore } from '@crm/command-handling-postgres';
import { createPostgresEventStore } from '@crm/event-store-postgres';
import { serveDecodedPages } from '@crm/projections';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { domainEventDecoder } from './projector-wiring.ts';

/** What the benchmark starts its decoding worker with. */
export interface DecodingWorkerData {
  readonly url: string;
}

// The log side of the benchmark's database, opened in the worker thread: its own pool, store,
// key store and revealing decoder, as the main thread has them.
serveDecodedPages<DecodingWorkerData>(async ({ url }) => {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const db = new Kysely<never>({ dialect: new PostgresDialect({ pool }) });
  const eventStore = createPostgresEventStore({ db });
  const keyStore = createPostgresKeyStore({ db });
  return {
    eventStore,
    decode: domainEventDecoder({ eventStore, keyStore }),
    close: async () => {
      await eventStore.close();
      await db.destroy();
    },
  };
});
