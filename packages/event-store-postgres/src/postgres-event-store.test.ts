import { randomUUID } from 'node:crypto';
import { isEventStoreError, type NewEvent, type RecordedEvent } from '@crm/event-store';
import { useTestDatabase } from '@crm/test-database/vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgTestStore } from './pg-test-store.ts';
import { createPostgresEventStore } from './postgres-event-store.ts';
import { type EventStoreTables, migrateEventStore } from './schema.ts';

const database = await useTestDatabase('store');
const { store, db, pool, close } = await openPgTestStore(database.url, {
  visibilityWaitMs: 300,
  pollIntervalMs: 10_000,
});
afterAll(close);

const noted = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({ eventId: randomUUID(), type: 'Noted', data: { n } }));

const category = (): string => `store${randomUUID().replaceAll('-', '').slice(0, 12)}`;

const pending = new WeakMap<AsyncIterator<RecordedEvent>, Promise<IteratorResult<RecordedEvent>>>();

/** The next result within `ms`, or `'timeout'`; a pull that timed out is kept for the next call. */
const nextWithin = async (
  iterator: AsyncIterator<RecordedEvent>,
  ms: number,
): Promise<IteratorResult<RecordedEvent> | 'timeout'> => {
  const pull = pending.get(iterator) ?? iterator.next();
  pending.set(iterator, pull);
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    pull,
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
    }),
  ]);
  clearTimeout(timer);
  if (result !== 'timeout') pending.delete(iterator);
  return result;
};

describe('migrateEventStore', () => {
  it('creates the tables and functions once; running it again changes nothing', async () => {
    const again = await migrateEventStore(db);
    expect(again.results).toEqual([]);
    const { rows } = await sql<{ readonly name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name LIKE 'es\\_%' ORDER BY 1`.execute(db);
    expect(rows.map((row) => row.name)).toEqual([
      'es_events',
      'es_migrations',
      'es_migrations_lock',
    ]);
  });
});

describe('readAll and a transaction that is still open', () => {
  it('waits for it, then returns everything committed before the call', async () => {
    const name = category();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      // An older transaction holds the fence down while an append commits after it.
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()');
      const appended = await store.append(`${name}-a`, noted(2));
      const reading = store.readAll({ filter: { streamCategories: [name] } });
      setTimeout(() => void client.query('COMMIT'), 100);
      const events = await reading;
      expect(events.map((event) => event.position)).toContainEqual(appended.position);
    } finally {
      await client.end();
    }
  });

  it('returns the part it may safely return when the transaction outlasts visibilityWaitMs', async () => {
    const name = category();
    const first = await store.append(`${name}-a`, noted(1));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()');
      await store.append(`${name}-b`, noted(1));
      const started = Date.now();
      const events = await store.readAll({ filter: { streamCategories: [name] } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      // The event behind the open transaction is held back, never read past.
      expect(events.map((event) => event.position)).toEqual([first.position]);
      await client.query('COMMIT');
      const after = await store.readAll({ filter: { streamCategories: [name] } });
      expect(after).toHaveLength(2);
    } finally {
      await client.end();
    }
  });
});

describe('per-stream order in the global log', () => {
  it("refuses an append from a transaction older than the stream's last writer, whose events would sort first", async () => {
    const streamName = `${category()}-a`;
    await db.transaction().execute(async (transaction) => {
      // This transaction takes its id now, then another writer appends and commits.
      await sql`SELECT pg_current_xact_id()`.execute(transaction);
      await store.append(streamName, noted(1));
      const inside = createPostgresEventStore({ db: transaction });
      const error = await inside
        .append(streamName, noted(1))
        .catch((rejection: unknown) => rejection);
      expect(isEventStoreError(error, 'Unavailable'), String(error)).toBe(true);
    });
    // A new transaction is newer than every writer so far: it goes through, and the log keeps
    // the stream's events in revision order.
    await store.append(streamName, noted(2));
    const logged = await store.readAll({
      filter: { streamCategories: [streamName.split('-')[0] ?? ''] },
    });
    expect(logged.map((event) => event.revision)).toEqual([0, 1, 2]);
  });
});

describe('deleting a stream while others append to it', () => {
  it('with the same expected revision: exactly one of the delete and the appends wins', async () => {
    for (let round = 0; round < 10; round += 1) {
      const streamName = `${category()}-a`;
      await store.append(streamName, noted(1));
      const outcomes = await Promise.allSettled([
        store.deleteStream(streamName, { expectedRevision: 0 }),
        store.append(streamName, noted(1), { expectedRevision: 0 }),
        store.append(streamName, noted(1), { expectedRevision: 0 }),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const deleted = outcomes[0]?.status === 'fulfilled';
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          // A loser learns the stream moved on, or, once the delete won, that it is gone.
          const codes = deleted
            ? ['WrongExpectedRevision', 'StreamDeleted']
            : ['WrongExpectedRevision'];
          expect(codes).toContain((outcome.reason as { readonly code?: string }).code);
        }
      }
      const read = store.readStream(streamName);
      if (deleted) await expect(read).rejects.toMatchObject({ code: 'StreamDeleted' });
      else expect((await read).map((event) => event.revision)).toEqual([0, 1]);
    }
  });
});

describe('live subscriptions', () => {
  it('are woken by NOTIFY well before the poll interval', async () => {
    const name = category();
    const subscription = store.subscribeToAll({ filter: { streamCategories: [name] } });
    const iterator = subscription[Symbol.asyncIterator]();
    expect(await nextWithin(iterator, 300)).toBe('timeout');
    const started = Date.now();
    await store.append(`${name}-a`, noted(1));
    const result = await nextWithin(iterator, 2000);
    expect(result).not.toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    await subscription.stop();
  });

  it('keep delivering when the listening connection dies: they poll, then listen again', async () => {
    const name = category();
    const url = new URL(database.url);
    url.searchParams.set('application_name', 'relisten');
    const polling = await openPgTestStore(url.toString(), { pollIntervalMs: 200 });
    try {
      const subscription = polling.store.subscribeToAll({ filter: { streamCategories: [name] } });
      const iterator = subscription[Symbol.asyncIterator]();
      expect(await nextWithin(iterator, 300)).toBe('timeout');
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'relisten' AND query LIKE 'LISTEN%'`.execute(polling.db);
      await polling.store.append(`${name}-a`, noted(1));
      const first = await nextWithin(iterator, 3000);
      expect(first).not.toBe('timeout');
      await polling.store.append(`${name}-a`, noted(1));
      const second = await nextWithin(iterator, 3000);
      expect(second).not.toBe('timeout');
      const { rows } = await sql<{ readonly listening: number }>`
        SELECT count(*)::int AS listening FROM pg_stat_activity
        WHERE application_name = 'relisten' AND query LIKE 'LISTEN%'`.execute(polling.db);
      expect(rows[0]?.listening).toBeGreaterThanOrEqual(1);
      await subscription.stop();
    } finally {
      await polling.close();
    }
  });

  it('work without notifications, by polling', async () => {
    const name = category();
    const quiet = createPostgresEventStore({ db, pollIntervalMs: 50 });
    const subscription = quiet.subscribeToAll({ filter: { streamCategories: [name] } });
    const iterator = subscription[Symbol.asyncIterator]();
    await quiet.append(`${name}-a`, noted(3));
    const received: RecordedEvent[] = [];
    for (let count = 0; count < 3; count += 1) {
      const result = await nextWithin(iterator, 2000);
      if (result === 'timeout' || result.done === true) expect.fail('no event');
      received.push(result.value);
    }
    expect(received.map((event) => event.revision)).toEqual([0, 1, 2]);
    await quiet.close();
    expect(await nextWithin(iterator, 1000)).toEqual({ done: true, value: undefined });
  });
});

describe('a server that cannot be reached', () => {
  it('makes every call reject with Unavailable, and a subscription pull too', async () => {
    const dead = new pg.Pool({
      connectionString: 'postgres://postgres:postgres@127.0.0.1:1/none',
      connectionTimeoutMillis: 2000,
    });
    const deadDb = new Kysely<EventStoreTables>({ dialect: new PostgresDialect({ pool: dead }) });
    const unreachable = createPostgresEventStore({ db: deadDb });
    const calls: ReadonlyArray<Promise<unknown>> = [
      unreachable.append('order-o1', noted(1)),
      unreachable.readStream('order-o1'),
      unreachable.readAll(),
      unreachable.deleteStream('order-o1'),
      unreachable.subscribeToAll()[Symbol.asyncIterator]().next(),
    ];
    for (const call of calls) {
      const error = await call.then(
        () => expect.fail('succeeded'),
        (rejection: unknown) => rejection,
      );
      expect(isEventStoreError(error, 'Unavailable'), String(error)).toBe(true);
    }
    await unreachable.close();
    await deadDb.destroy();
  });

  it('after close() every call rejects with Unavailable', async () => {
    const closing = await openPgTestStore(database.url);
    await closing.close();
    const error = await closing.store
      .append('order-o1', noted(1))
      .catch((rejection: unknown) => rejection);
    expect(isEventStoreError(error, 'Unavailable')).toBe(true);
  });
});

describe('the stored form', () => {
  it('keeps data as jsonb, ids as uuid, and the log order as (transaction_id, global_position)', async () => {
    const name = category();
    const eventId = randomUUID().toUpperCase();
    await store.append(`${name}-a`, [{ eventId, type: 'Noted', data: { a: [1, 'two', null] } }]);
    const { rows } = await sql<{
      readonly id: string;
      readonly data: unknown;
      readonly kind: string;
    }>`
      SELECT event_id::text AS id, data, jsonb_typeof(data) AS kind
      FROM es_events WHERE stream_name = ${`${name}-a`}`.execute(db);
    expect(rows).toEqual([
      { id: eventId.toLowerCase(), data: { a: [1, 'two', null] }, kind: 'object' },
    ]);
    const { rows: keys } = await sql<{ readonly definition: string }>`
      SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conname = 'es_events_log_order'`.execute(db);
    expect(keys[0]?.definition).toBe('PRIMARY KEY (transaction_id, global_position)');
    expect(pool.totalCount).toBeGreaterThan(0);
  });
});
