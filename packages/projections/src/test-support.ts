import {
  categoryOf,
  type EventStore,
  type EventSubscription,
  logStart,
  type RecordedEvent,
} from '@crm/event-store';
import {
  createPostgresEventStore,
  migrateEventStore,
  pgNotifications,
} from '@crm/event-store-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { decodeRecordedEvent, type EventDecoder } from './event-decoder.ts';

/** A PostgreSQL event store and a read-model Kysely on one test database. */
export interface TestStores {
  readonly store: EventStore;
  readonly pool: pg.Pool;
  readonly db: Kysely<unknown>;
  readonly close: () => Promise<void>;
}

/** Opens the stores the runtime's tests use. */
export const openTestStores = async (url: string, poolSize = 8): Promise<TestStores> => {
  // The store on a pool of its own, as the projector app runs it.
  const storePool = new pg.Pool({ connectionString: url, max: 4 });
  storePool.on('error', () => undefined);
  const storeDb = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: storePool }) });
  await migrateEventStore(storeDb);
  const store = createPostgresEventStore({
    db: storeDb,
    notifications: pgNotifications(storePool),
    pollIntervalMs: 200,
  });
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A connection that dies while checked out (a killed owner) reports through its next query;
  // its `error` event must not bring the process down.
  pool.on('connect', (client) => client.on('error', () => undefined));
  pool.on('error', () => undefined);
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  return {
    store,
    pool,
    db,
    close: async () => {
      await store.close();
      await storeDb.destroy();
      await db.destroy();
    },
  };
};

/** What `categoryCountProjection` and `streamCountProjection` should hold, computed in memory. */
export const expectedCounts = (events: ReadonlyArray<RecordedEvent>) => {
  const categories = new Map<string, number>();
  const streams = new Map<string, number>();
  for (const event of events) {
    const category = categoryOf(event.streamName);
    categories.set(category, (categories.get(category) ?? 0) + 1);
    streams.set(event.streamName, (streams.get(event.streamName) ?? 0) + 1);
  }
  return { categories, streams };
};

/** Reads a test projection's category counts. */
export const categoryCounts = async (db: Kysely<unknown>, schema: string) => {
  const { rows } = await sql<{ readonly category: string; readonly events: string }>`
    SELECT category, events FROM ${sql.table(`${schema}.category_counts`)}`.execute(db);
  return new Map(rows.map((row) => [row.category, Number(row.events)]));
};

/**
 * A store that delivers some events twice: each page or subscription event again with
 * probability `rate`, and now and then an event from before the requested position. What a
 * runtime must shrug off.
 */
export const redeliveringStore = (
  store: EventStore,
  random: () => number,
  rate = 0.3,
): EventStore => {
  const again = async (events: ReadonlyArray<RecordedEvent>): Promise<RecordedEvent[]> => {
    const out: RecordedEvent[] = [];
    for (const event of events) {
      out.push(event);
      if (random() < rate) out.push(event);
    }
    if (random() < rate) {
      const [old] = await store.readAll({ after: logStart, maxCount: 1 });
      if (old !== undefined) out.splice(Math.floor(random() * (out.length + 1)), 0, old);
    }
    return out;
  };
  return {
    ...store,
    readAll: async (options) => again(await store.readAll(options)),
    subscribeToAll: (options) => {
      const inner = store.subscribeToAll(options);
      async function* twice(): AsyncGenerator<RecordedEvent> {
        for await (const event of inner) {
          yield event;
          if (random() < rate) yield event;
        }
      }
      const iterable = twice();
      const subscription: EventSubscription = {
        stop: () => inner.stop(),
        [Symbol.asyncIterator]: () => iterable,
      };
      return subscription;
    },
  };
};

/** A decoder that counts how often each event is decoded. */
export const countingDecoder = (): { decode: EventDecoder; counts: Map<string, number> } => {
  const counts = new Map<string, number>();
  return {
    counts,
    decode: (recorded: RecordedEvent) => {
      counts.set(recorded.eventId, (counts.get(recorded.eventId) ?? 0) + 1);
      return decodeRecordedEvent(recorded);
    },
  };
};

/** Polls `check` until it returns true; fails after `timeoutMs`. */
export const waitUntil = async (
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
