import {
  type AppendOptions,
  type AppendResult,
  assertStreamName,
  comparePositions,
  type EventStore,
  EventStoreError,
  type EventSubscription,
  idempotentResult,
  type LogPosition,
  matchesFilter,
  type NewEvent,
  normaliseExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type ValidatedAppend,
  validateAppend,
  validateReadAll,
  validateReadStream,
  validateSubscribe,
} from '@crm/event-store';
import {
  BACKWARDS,
  type ExpectedRevision as ClientExpectedRevision,
  END,
  EventStoreDBClient,
  FORWARDS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { assertFitsAppendSize } from './append-size.ts';
import { collect, withTimeout } from './collect.ts';
import { actualRevisionOf, isTransient, translateError } from './errors.ts';
import {
  toClientExpectedRevision,
  toEventData,
  toLogPosition,
  toReadPosition,
  toRecordedEvent,
} from './mapping.ts';
import {
  defaultEventStoreDbLimits,
  defaultMaxAppendSize,
  type EventStoreDbConnection,
  type EventStoreDbEventStoreOptions,
} from './options.ts';
import { defaultRetryPolicy, type RetryPolicy, withRetry } from './retry.ts';
import { storedEventsIn } from './stored-events.ts';
import { EventStoreDbSubscription } from './subscription.ts';

/**
 * The event store port on EventStoreDB (or KurrentDB, same protocol) through
 * `@eventstore/db-client`. Guarantees and their limits: README and `docs/guarantees.md`.
 *
 * @example
 * const store = createEventStoreDbEventStore({
 *   connectionString: 'esdb://localhost:2113?tls=false',
 * });
 * await store.append('customer-c1', [{ eventId: randomUUID(), type: 'CustomerRegistered', data }], {
 *   expectedRevision: 'no_stream',
 * });
 * await store.close();
 */
export const createEventStoreDbEventStore = (
  connection: EventStoreDbConnection & EventStoreDbEventStoreOptions,
): EventStore => {
  const ownsClient = 'connectionString' in connection;
  const client =
    'connectionString' in connection
      ? EventStoreDBClient.connectionString(connection.connectionString)
      : connection.client;
  const limits = connection.limits ?? defaultEventStoreDbLimits;
  const maxAppendSize = connection.maxAppendSize ?? defaultMaxAppendSize;
  const verifyFirst = (connection.idempotence ?? 'verify') === 'verify';
  const window = connection.idempotenceWindow ?? 100;
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...connection.retry };
  const timeoutMs = connection.timeoutMs ?? 10_000;
  const pageSize = connection.readPageSize ?? 500;
  const subscriptions = new Set<EventStoreDbSubscription>();
  let closing: Promise<void> | undefined;

  const closed = (): EventStoreError => EventStoreError.unavailable('the event store is closed');
  const ensureOpen = (): void => {
    if (closing !== undefined) throw closed();
  };
  /** Reads are always safe to repeat. */
  const reading = <T>(operation: () => Promise<T>): Promise<T> =>
    withRetry(operation, isTransient, retry);

  const readEvents = async (
    streamName: string,
    options: Parameters<EventStoreDBClient['readStream']>[1],
  ): Promise<RecordedEvent[]> => {
    try {
      const resolved = await reading(() =>
        collect(client.readStream(streamName, options), timeoutMs),
      );
      return resolved.flatMap((event) => toRecordedEvent(event) ?? []);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translateError(error, { streamName });
    }
  };

  /** The original result of a batch already stored, if it is (InvalidInput if only in part). */
  const alreadyStored = async (batch: ValidatedAppend): Promise<AppendResult | undefined> => {
    const stored = await reading(() =>
      storedEventsIn(
        client,
        batch.streamName,
        batch.events.map((e) => e.eventId),
        window,
        timeoutMs,
      ),
    ).catch((error: unknown) => {
      throw translateError(error, { streamName: batch.streamName });
    });
    return idempotentResult(batch.events, stored);
  };

  const positionOf = async (streamName: string, revision: number): Promise<LogPosition> => {
    const [event] = await readEvents(streamName, { fromRevision: BigInt(revision), maxCount: 1 });
    if (event === undefined) {
      throw EventStoreError.unavailable(
        `EventStoreDB reported ${streamName}@${revision} but cannot read it`,
      );
    }
    return event.position;
  };

  const append = async (
    streamName: string,
    events: ReadonlyArray<NewEvent>,
    options?: AppendOptions,
  ): Promise<AppendResult> => {
    const batch = validateAppend(streamName, events, options, limits);
    assertFitsAppendSize(batch, maxAppendSize);
    ensureOpen();
    if (verifyFirst) {
      const original = await alreadyStored(batch);
      if (original !== undefined) return original;
    }
    const { expectedRevision } = batch;
    // Only appends the server checks against the index (exact, no_stream) are safe to repeat
    // blind: a repeat either lands or is recognised as the same batch.
    const repeatable = expectedRevision !== 'any' && expectedRevision !== 'stream_exists';
    try {
      const result = await withRetry(
        () =>
          withTimeout(
            client.appendToStream(streamName, batch.events.map(toEventData), {
              expectedRevision: toClientExpectedRevision(expectedRevision),
              deadline: timeoutMs,
            }),
            timeoutMs,
            'an append',
          ),
        (error) => repeatable && isTransient(error),
        retry,
      );
      const revision = Number(result.nextExpectedRevision);
      // Older servers answer an idempotent append without a position.
      const position =
        result.position === undefined
          ? await positionOf(streamName, revision)
          : toLogPosition(result.position);
      return { nextExpectedRevision: revision, position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        // The same batch may have won a race against this very call, or the server's own check
        // (bounded cache, or ids not where the expected revision points) did not recognise it.
        const original = await alreadyStored(batch);
        if (original !== undefined) return original;
        throw EventStoreError.wrongExpectedRevision(
          streamName,
          expectedRevision,
          actualRevisionOf(error),
        );
      }
      throw translateError(error, { streamName, expected: expectedRevision });
    }
  };

  const readStream = async (
    streamName: string,
    options?: ReadStreamOptions,
  ): Promise<ReadonlyArray<RecordedEvent>> => {
    const read = validateReadStream(streamName, options);
    ensureOpen();
    const maxCount = read.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (read.direction === 'forwards') {
      return readEvents(streamName, {
        direction: FORWARDS,
        fromRevision: BigInt(read.fromRevision),
        maxCount,
      });
    }
    const fromEnd = read.fromRevision === Number.MAX_SAFE_INTEGER;
    const events = await readEvents(streamName, {
      direction: BACKWARDS,
      fromRevision: fromEnd ? END : BigInt(read.fromRevision),
      maxCount,
    });
    // EventStoreDB reads backwards from n as the revisions [n − maxCount + 1, n]: past the end
    // of the stream that window misses events, so read again from the end.
    const short = events.length < maxCount && events[0]?.revision !== read.fromRevision;
    return fromEnd || !short || read.maxCount === undefined
      ? events
      : readEvents(streamName, { direction: BACKWARDS, fromRevision: END, maxCount });
  };

  const readAll = async (options?: ReadAllOptions): Promise<ReadonlyArray<RecordedEvent>> => {
    const read = validateReadAll(options);
    ensureOpen();
    const wanted = read.maxCount ?? Number.POSITIVE_INFINITY;
    const found: RecordedEvent[] = [];
    // Whether reading $all from a position includes the event there is not documented: skip
    // everything up to the cursor either way.
    let cursor = read.after;
    for (;;) {
      const page = await reading(() =>
        collect(
          client.readAll({ fromPosition: toReadPosition(cursor), maxCount: pageSize }),
          timeoutMs,
        ),
      ).catch((error: unknown) => {
        throw translateError(error, {});
      });
      let advanced = false;
      for (const resolved of page) {
        const position = resolved.event?.position;
        if (position === undefined || comparePositions(toLogPosition(position), cursor) <= 0)
          continue;
        cursor = toLogPosition(position);
        advanced = true;
        const event = toRecordedEvent(resolved);
        if (event === undefined || !matchesFilter(event.streamName, event.type, read.filter))
          continue;
        found.push(event);
        if (found.length >= wanted) return found;
      }
      if (!advanced || page.length < pageSize) return found;
    }
  };

  const subscribeToAll = (options?: SubscribeOptions): EventSubscription => {
    const read = validateSubscribe(options);
    const subscription = new EventStoreDbSubscription(
      {
        client,
        retry,
        onEnd: (ended) => subscriptions.delete(ended),
        ...(closing === undefined ? {} : { refusal: closed() }),
      },
      read,
      options?.signal,
    );
    if (closing === undefined) subscriptions.add(subscription);
    return subscription;
  };

  const deleteStream = async (streamName: string, options?: AppendOptions): Promise<void> => {
    assertStreamName(streamName);
    const expected = normaliseExpectedRevision(options);
    ensureOpen();
    try {
      // Not retried: a repeat of a tombstone that landed would report StreamDeleted.
      await withTimeout(
        client.tombstoneStream(streamName, {
          // The client's type leaves out stream_exists, which its tombstone call does send.
          expectedRevision: toClientExpectedRevision(expected) as ClientExpectedRevision,
          deadline: timeoutMs,
        }),
        timeoutMs,
        'a delete',
      );
    } catch (error) {
      throw translateError(error, { streamName, expected });
    }
  };

  const close = (): Promise<void> => {
    closing ??= (async () => {
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      if (ownsClient) await client.dispose();
    })();
    return closing;
  };

  return { append, readStream, readAll, subscribeToAll, deleteStream, close };
};
