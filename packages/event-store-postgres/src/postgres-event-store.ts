import {
  type ActualRevision,
  type AppendResult,
  assertStreamName,
  checkExpectedRevision,
  defaultEventStoreLimits,
  type EventStore,
  EventStoreError,
  type EventStoreLimits,
  type ExpectedRevision,
  idempotentResult,
  normaliseExpectedRevision,
  type RecordedEvent,
  type StoredEventRef,
  validateAppend,
  validateReadAll,
  validateReadStream,
  validateSubscribe,
} from '@crm/event-store';
import { CompiledQuery, type QueryResult } from 'kysely';
import { isUniqueViolation, toEventStoreError } from './errors.ts';
import type { EventNotifications } from './event-notifications.ts';
import { type EventRow, positionOf, toRecordedEvent } from './event-row.ts';
import { type Execute, readLogPage } from './log-reader.ts';
import { notificationChannel } from './names.ts';
import { PostgresSubscription } from './postgres-subscription.ts';
import {
  appendBatchJson,
  appendSql,
  deleteSql,
  notifySql,
  readStreamSql,
  streamStateSql,
} from './statements.ts';
import { WakeUps } from './wake-ups.ts';

/**
 * What the store needs of Kysely: to run a compiled query. Any `Kysely` instance has it, and so
 * has a `Transaction` of one (appends then join the caller's transaction).
 */
export interface EventStoreDatabase {
  executeQuery<TRow>(query: CompiledQuery<TRow>): Promise<QueryResult<TRow>>;
}

/** How to build a PostgreSQL event store. */
export interface PostgresEventStoreOptions {
  /**
   * A Kysely instance on PostgreSQL ≥ 13 (`PostgresDialect` over a `pg` pool, or PGlite's
   * dialect) whose database `migrateEventStore` has prepared. The store runs its SQL through
   * it and never destroys it: that stays the caller's.
   */
  readonly db: EventStoreDatabase;
  /** Defaults to `defaultEventStoreLimits` (1 MiB per event). */
  readonly limits?: EventStoreLimits;
  /**
   * Wakes live subscriptions as soon as events commit: `pgNotifications(pool)` or
   * `pgliteNotifications(pglite)`. Without it they only poll.
   */
  readonly notifications?: EventNotifications;
  /** How often a live subscription reads even without a notification. Defaults to 1,000 ms. */
  readonly pollIntervalMs?: number;
  /** Events per read round trip (readAll pages, subscription read-ahead). Defaults to 1,000. */
  readonly batchSize?: number;
  /**
   * How long `readAll` waits for transactions older than its call to end, so that it returns
   * every event committed before the call (an event committed behind a still-open transaction
   * is held back, see docs/guarantees.md). Past it, `readAll` returns what it may safely.
   * Defaults to 5,000 ms.
   */
  readonly visibilityWaitMs?: number;
}

interface AppendedRow {
  readonly revision: string | number;
  readonly transaction_id: string;
  readonly global_position: string;
}

interface StateRow {
  readonly outcome: 'stream' | 'existing';
  readonly event_id: string | null;
  readonly revision: string | number;
  readonly transaction_id: string | null;
  readonly global_position: string | null;
  readonly deleted?: boolean | null;
}

interface StreamState {
  readonly actual: ActualRevision;
  readonly deleted: boolean;
  readonly stored: ReadonlyMap<string, StoredEventRef>;
}

/**
 * An append refused although the stream now satisfies its expectation (it changed between the
 * two statements, or a writer with a newer transaction id got there first) is tried again, in a
 * new transaction; this many attempts, then `Unavailable`.
 */
const maxAttempts = 10;

/** How long an append's NOTIFY waits for more appends to announce with it. */
const notifyDelayMs = 2;

const toStreamState = (rows: ReadonlyArray<StateRow>): StreamState => {
  let actual: ActualRevision = 'no_stream';
  let deleted = false;
  const stored = new Map<string, StoredEventRef>();
  for (const row of rows) {
    if (row.outcome === 'stream') {
      actual = Number(row.revision);
      deleted = row.deleted === true;
    } else if (row.event_id !== null) {
      stored.set(row.event_id, {
        revision: Number(row.revision),
        position: positionOf(row.transaction_id as string, row.global_position as string),
      });
    }
  }
  return { actual, deleted, stored };
};

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates the event store on PostgreSQL (brief §5): one implementation for a `pg` pool and for
 * PGlite, through Kysely. Each append is one SQL statement and one round trip; the global log
 * is ordered by (transaction id, sequence) and read only below the oldest open transaction, so
 * no reader ever skips an event that commits late (docs/guarantees.md).
 *
 * @example
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const db = new Kysely<EventStoreTables>({ dialect: new PostgresDialect({ pool }) });
 * await migrateEventStore(db);
 * const store = createPostgresEventStore({ db, notifications: pgNotifications(pool) });
 */
export const createPostgresEventStore = (options: PostgresEventStoreOptions): EventStore => {
  const { db } = options;
  const limits = options.limits ?? defaultEventStoreLimits;
  const batchSize = options.batchSize ?? 1000;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const visibilityWaitMs = options.visibilityWaitMs ?? 5000;
  const wakeUps = new WakeUps(options.notifications, notificationChannel);
  const subscriptions = new Set<PostgresSubscription>();
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw EventStoreError.unavailable('The PostgreSQL event store is closed.');
  };

  /** Runs a statement; the driver's own errors come out untranslated. */
  const run = async <TRow>(
    sqlText: string,
    parameters: ReadonlyArray<unknown>,
  ): Promise<ReadonlyArray<TRow>> =>
    (await db.executeQuery<TRow>(CompiledQuery.raw(sqlText, [...parameters]))).rows;

  const translated =
    (operation: string, field?: string): Execute =>
    async (sqlText, parameters) => {
      try {
        return await run(sqlText, parameters);
      } catch (error) {
        throw toEventStoreError(error, operation, field);
      }
    };
  const readLog = translated('read the log', 'after');

  // One NOTIFY per store at a time, sent a moment after the appends it announces have
  // committed, so that a busy writer sends one for many appends; appends that commit while it
  // is on its way get one more. Lost or failed, a notification only delays: subscriptions poll.
  let notifyTimer: NodeJS.Timeout | undefined;
  let notifying: Promise<void> | undefined;
  let notifyAgain = false;
  const sendNotify = (): void => {
    notifyTimer = undefined;
    notifying = run(notifySql, [])
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        notifying = undefined;
        if (notifyAgain) {
          notifyAgain = false;
          announce();
        }
      });
  };
  const announce = (): void => {
    if (notifying !== undefined) notifyAgain = true;
    else notifyTimer ??= setTimeout(sendNotify, notifyDelayMs);
  };

  const streamState = async (streamName: string, eventIds: string): Promise<StreamState> =>
    toStreamState(
      await translated('read a stream')<StateRow>(streamStateSql, [streamName, eventIds]),
    );

  const append: EventStore['append'] = async (streamName, events, appendOptions) => {
    const batch = validateAppend(streamName, events, appendOptions, limits);
    assertOpen();
    const expected = batch.expectedRevision;
    const parameters = [
      streamName,
      appendBatchJson(batch.events),
      batch.events.length,
      typeof expected === 'number' ? 'exact' : expected,
      typeof expected === 'number' ? expected : null,
    ];
    for (let attempt = 1; ; attempt += 1) {
      let appended: AppendedRow | undefined;
      try {
        [appended] = await run<AppendedRow>(appendSql, parameters);
      } catch (error) {
        // Some of the batch's event ids are in the stream already: the state read says which.
        if (!isUniqueViolation(error)) throw toEventStoreError(error, 'append', 'events');
      }
      if (appended !== undefined) {
        announce();
        const result: AppendResult = {
          nextExpectedRevision: Number(appended.revision),
          position: positionOf(appended.transaction_id, appended.global_position),
        };
        return result;
      }
      // Nothing written: say why, in the port's order (deleted, idempotent, expected revision).
      const ids = JSON.stringify(batch.events.map((event) => event.eventId));
      const state = await streamState(streamName, ids);
      if (state.deleted) throw EventStoreError.streamDeleted(streamName);
      const original = idempotentResult(batch.events, state.stored);
      if (original !== undefined) return original;
      checkExpectedRevision(streamName, expected, state.actual);
      if (attempt >= maxAttempts) {
        throw EventStoreError.unavailable(
          `Appending to ${streamName} kept losing races to other writers (or runs in a transaction older than the stream's last writer); try again.`,
        );
      }
    }
  };

  const readStream: EventStore['readStream'] = async (streamName, readOptions) => {
    const { direction, fromRevision, maxCount } = validateReadStream(streamName, readOptions);
    assertOpen();
    const rows = await translated('read a stream')<EventRow & { readonly deleted: boolean | null }>(
      readStreamSql,
      [streamName, fromRevision, maxCount ?? null, direction === 'backwards'],
    );
    const events: RecordedEvent[] = [];
    for (const row of rows) {
      if (row.stream_name !== null) events.push(toRecordedEvent(row));
      else if (row.deleted === true) throw EventStoreError.streamDeleted(streamName);
    }
    return events;
  };

  const readAll: EventStore['readAll'] = async (readOptions) => {
    const { after, maxCount, filter } = validateReadAll(readOptions);
    assertOpen();
    const events: RecordedEvent[] = [];
    const deadline = Date.now() + visibilityWaitMs;
    let cursor = after;
    let target: bigint | undefined;
    let first = true;
    let retryMs = 1;
    for (;;) {
      const limit =
        maxCount === undefined ? batchSize : Math.min(batchSize, maxCount - events.length);
      const page = await readLogPage(readLog, cursor, limit, filter);
      for (const event of page.events) events.push(event);
      cursor = page.next;
      // Everything committed before the call is what the first read saw.
      if (first) target = page.newest;
      first = false;
      if (maxCount !== undefined && events.length >= maxCount) return events;
      if (page.full) continue;
      if (target === undefined || page.fence > target || Date.now() >= deadline) return events;
      // Some of it waits behind an older transaction that is still open.
      await delay(retryMs);
      retryMs = Math.min(retryMs * 2, 50);
    }
  };

  const subscribeToAll: EventStore['subscribeToAll'] = (subscribeOptions) => {
    const { after, filter } = validateSubscribe(subscribeOptions);
    assertOpen();
    const subscription = new PostgresSubscription(
      {
        readPage: (from, limit, pageFilter) => readLogPage(readLog, from, limit, pageFilter),
        wakeUps,
        isClosed: () => closed,
        batchSize,
        pollIntervalMs,
        onEnd: (ended) => subscriptions.delete(ended),
      },
      after,
      filter,
      subscribeOptions?.signal,
    );
    subscriptions.add(subscription);
    return subscription;
  };

  const deleteStream: EventStore['deleteStream'] = async (streamName, deleteOptions) => {
    assertStreamName(streamName);
    const expected: ExpectedRevision = normaliseExpectedRevision(deleteOptions);
    assertOpen();
    const parameters = [
      streamName,
      typeof expected === 'number' ? 'exact' : expected,
      typeof expected === 'number' ? expected : null,
    ];
    for (let attempt = 1; ; attempt += 1) {
      let rows: ReadonlyArray<unknown> = [];
      try {
        rows = await run(deleteSql, parameters);
      } catch (error) {
        // A concurrent append took the revision the tombstone wanted: the state read says more.
        if (!isUniqueViolation(error)) throw toEventStoreError(error, 'delete a stream');
      }
      if (rows.length > 0) return;
      const state = await streamState(streamName, '[]');
      if (state.deleted) throw EventStoreError.streamDeleted(streamName);
      checkExpectedRevision(streamName, expected, state.actual);
      // The expectation holds now: the stream changed between the two statements. Again.
      if (attempt >= maxAttempts) {
        throw EventStoreError.unavailable(`Deleting ${streamName} kept racing; try again.`);
      }
    }
  };

  const close: EventStore['close'] = async () => {
    if (closed) return;
    closed = true;
    for (const subscription of [...subscriptions]) subscription.end();
    // Announce what this store appended before it goes: other processes may be listening.
    if (notifyTimer !== undefined) {
      clearTimeout(notifyTimer);
      sendNotify();
    }
    await notifying;
    await wakeUps.close();
  };

  return { append, readStream, readAll, subscribeToAll, deleteStream, close };
};
