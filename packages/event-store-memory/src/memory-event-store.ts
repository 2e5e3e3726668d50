import {
  type ActualRevision,
  type AppendResult,
  assertStreamName,
  checkExpectedRevision,
  comparePositions,
  defaultEventStoreLimits,
  type EventStore,
  EventStoreError,
  type EventStoreLimits,
  type EventSubscription,
  idempotentResult,
  type JsonObject,
  type JsonValue,
  type LogPosition,
  matchesFilter,
  normaliseExpectedRevision,
  type RecordedEvent,
  type StoredEventRef,
  validateAppend,
  validateReadAll,
  validateReadStream,
  validateSubscribe,
} from '@crm/event-store';
import { type MemoryLog, MemorySubscription } from './memory-subscription.ts';

/** Options of the in-memory store. */
export interface MemoryEventStoreOptions {
  /** Defaults to `defaultEventStoreLimits` (1 MiB per event). */
  readonly limits?: EventStoreLimits;
}

interface MemoryStream {
  readonly events: RecordedEvent[];
  readonly byId: Map<string, RecordedEvent>;
  deleted: boolean;
}

/** The event at log index `i` sits at `{ commit: i, prepare: i }`. */
const positionAt = (index: number): LogPosition => ({
  commit: BigInt(index),
  prepare: BigInt(index),
});

/** The log index of the first event strictly after `after`. */
const indexAfter = (after: LogPosition, length: number): number => {
  if (after.commit < 0n) return 0;
  const at = after.commit >= BigInt(length) ? length : Number(after.commit);
  return comparePositions(positionAt(at), after) > 0 ? at : at + 1;
};

/** A stored copy nobody can change: parsed from the validated JSON, then frozen. */
const freezeJson = <T extends JsonValue>(json: string): T => {
  const freeze = (value: JsonValue): JsonValue => {
    if (typeof value === 'object' && value !== null) {
      for (const child of Object.values(value)) freeze(child);
      Object.freeze(value);
    }
    return value;
  };
  return freeze(JSON.parse(json) as JsonValue) as T;
};

const lastRevision = (stream: MemoryStream | undefined): ActualRevision =>
  stream === undefined || stream.events.length === 0 ? 'no_stream' : stream.events.length - 1;

/**
 * Creates an event store held in memory, for unit tests: the full port with the same semantics
 * as the PostgreSQL and EventStoreDB stores (the contract suite checks it), nothing persisted.
 *
 * @example
 * const store = createMemoryEventStore();
 * await store.append('customer-c1', [{ eventId: randomUUID(), type: 'CustomerRegistered', data: {} }]);
 */
export const createMemoryEventStore = (options: MemoryEventStoreOptions = {}): EventStore => {
  const limits = options.limits ?? defaultEventStoreLimits;
  const log: RecordedEvent[] = [];
  const streams = new Map<string, MemoryStream>();
  let closed = false;
  // One promise per "log grew" moment, shared by every waiting subscription.
  let signalChange = (): void => {};
  let change = new Promise<void>((resolve) => {
    signalChange = resolve;
  });
  const notify = (): void => {
    const resolve = signalChange;
    change = new Promise<void>((next) => {
      signalChange = next;
    });
    resolve();
  };
  const memoryLog: MemoryLog = { events: log, changed: () => change, closed: () => closed };

  const assertOpen = (): void => {
    if (closed) throw EventStoreError.unavailable('The in-memory event store is closed.');
  };
  const liveStream = (streamName: string): MemoryStream | undefined => {
    const stream = streams.get(streamName);
    if (stream?.deleted === true) throw EventStoreError.streamDeleted(streamName);
    return stream;
  };

  // Every method does its checks and writes without an await in between: in one event loop that
  // makes each call atomic, which is what concurrent appenders need.
  const append: EventStore['append'] = async (streamName, events, appendOptions) => {
    const batch = validateAppend(streamName, events, appendOptions, limits);
    assertOpen();
    const stream = liveStream(streamName);
    const stored = new Map<string, StoredEventRef>();
    for (const event of batch.events) {
      const found = stream?.byId.get(event.eventId);
      if (found !== undefined) stored.set(event.eventId, found);
    }
    const original = idempotentResult(batch.events, stored);
    if (original !== undefined) return original;
    checkExpectedRevision(streamName, batch.expectedRevision, lastRevision(stream));
    const target: MemoryStream = stream ?? { events: [], byId: new Map(), deleted: false };
    streams.set(streamName, target);
    const recordedAt = new Date();
    for (const event of batch.events) {
      const recorded: RecordedEvent = Object.freeze({
        streamName,
        revision: target.events.length,
        position: Object.freeze(positionAt(log.length)),
        eventId: event.eventId,
        type: event.type,
        data: freezeJson<JsonValue>(event.dataJson),
        metadata: freezeJson<JsonObject>(event.metadataJson),
        recordedAt,
      });
      log.push(recorded);
      target.events.push(recorded);
      target.byId.set(recorded.eventId, recorded);
    }
    notify();
    const last = target.events[target.events.length - 1] as RecordedEvent;
    const result: AppendResult = { nextExpectedRevision: last.revision, position: last.position };
    return result;
  };

  const readStream: EventStore['readStream'] = async (streamName, readOptions) => {
    const { direction, fromRevision, maxCount } = validateReadStream(streamName, readOptions);
    assertOpen();
    const events = liveStream(streamName)?.events ?? [];
    const selected =
      direction === 'forwards'
        ? events.slice(fromRevision)
        : events.slice(0, Math.min(fromRevision, events.length - 1) + 1).reverse();
    return maxCount === undefined ? selected : selected.slice(0, maxCount);
  };

  const readAll: EventStore['readAll'] = async (readOptions) => {
    const { after, maxCount, filter } = validateReadAll(readOptions);
    assertOpen();
    const found: RecordedEvent[] = [];
    for (let index = indexAfter(after, log.length); index < log.length; index += 1) {
      if (maxCount !== undefined && found.length >= maxCount) break;
      const event = log[index] as RecordedEvent;
      if (matchesFilter(event.streamName, event.type, filter)) found.push(event);
    }
    return found;
  };

  const subscribeToAll: EventStore['subscribeToAll'] = (subscribeOptions): EventSubscription => {
    const { after, filter } = validateSubscribe(subscribeOptions);
    assertOpen();
    return new MemorySubscription(
      memoryLog,
      indexAfter(after, log.length),
      filter,
      subscribeOptions?.signal,
    );
  };

  const deleteStream: EventStore['deleteStream'] = async (streamName, deleteOptions) => {
    assertStreamName(streamName);
    const expected = normaliseExpectedRevision(deleteOptions);
    assertOpen();
    const stream = liveStream(streamName);
    checkExpectedRevision(streamName, expected, lastRevision(stream));
    const target: MemoryStream = stream ?? { events: [], byId: new Map(), deleted: false };
    target.deleted = true;
    streams.set(streamName, target);
  };

  const close: EventStore['close'] = async () => {
    closed = true;
    notify();
  };

  return { append, readStream, readAll, subscribeToAll, deleteStream, close };
};
