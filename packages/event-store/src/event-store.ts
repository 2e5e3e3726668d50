import type { JsonObject, JsonValue } from './json.ts';
import type { LogPosition } from './position.ts';

/**
 * What the writer expects of the stream: `'any'` (no check), `'no_stream'` (it must not exist),
 * `'stream_exists'` (it must have at least one event), or the exact revision of its last event
 * (revisions count from 0).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** An event to append. `eventId` is a UUID chosen by the writer: it makes appends idempotent. */
export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata?: JsonObject;
}

/** An event as stored: where it sits in its stream and in the global log, and when. */
export interface RecordedEvent {
  readonly streamName: string;
  /** Position in its stream, from 0. */
  readonly revision: number;
  /** Position in the global log. */
  readonly position: LogPosition;
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata: JsonObject;
  readonly recordedAt: Date;
}

/** The outcome of an append: the stream's new last revision and the last event's position. */
export interface AppendResult {
  readonly nextExpectedRevision: number;
  readonly position: LogPosition;
}

export interface AppendOptions {
  /** Defaults to `'any'`. */
  readonly expectedRevision?: ExpectedRevision;
}

export interface ReadStreamOptions {
  /** Defaults to `'forwards'`. */
  readonly direction?: 'forwards' | 'backwards';
  /**
   * First revision to read (inclusive): forwards reads revisions ≥ it, backwards ≤ it. `'start'`
   * is 0 and `'end'` past the last revision (so forwards from `'end'` reads nothing). Defaults to
   * the start when reading forwards and to the end when reading backwards.
   */
  readonly fromRevision?: number | 'start' | 'end';
  /** At most this many events (an integer ≥ 1). Defaults to all. */
  readonly maxCount?: number;
}

/**
 * Which events of the global log to deliver: an event passes when its stream's category is in
 * `streamCategories` AND its type in `eventTypes`; a list left out matches everything, an empty
 * list is refused (`InvalidInput`).
 */
export interface EventFilter {
  /** Stream categories (`customer` matches `customer-*`). */
  readonly streamCategories?: ReadonlyArray<string>;
  /** Event types (`DealWon`). */
  readonly eventTypes?: ReadonlyArray<string>;
}

export interface ReadAllOptions {
  /** Read events strictly after this position (a checkpoint). Defaults to the start. */
  readonly after?: LogPosition;
  /** At most this many events (an integer ≥ 1). Defaults to all. */
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position (a checkpoint). Defaults to the start. */
  readonly after?: LogPosition;
  readonly filter?: EventFilter;
  /** Stops the subscription when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * A catch-up subscription to the global log: it delivers the stored events after the
 * checkpoint, then new ones as they commit, in log order, each exactly once. It is pulled:
 * the store reads ahead by at most a batch, so a slow consumer slows the reads (back-pressure).
 * Breaking out of `for await`, calling `stop()` or aborting the signal ends it cleanly.
 */
export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  readonly stop: () => Promise<void>;
}

/**
 * The event store port (brief §5). Implemented in memory, on PostgreSQL and on EventStoreDB;
 * one contract suite (`@crm/event-store/contract`) holds them all to the same behaviour.
 * Every method rejects with `EventStoreError` only.
 */
export interface EventStore {
  /**
   * Appends events to one stream atomically, if the stream is at the expected revision.
   * Idempotent, checked before the expected revision: when every event id of the batch is
   * already stored in the stream, nothing is written and the original result (that of the last
   * of those events) is returned; when only some are, `InvalidInput` names the first.
   * Bad input (see `validateAppend`) is refused before any I/O with `InvalidInput`.
   */
  readonly append: (
    streamName: string,
    events: ReadonlyArray<NewEvent>,
    options?: AppendOptions,
  ) => Promise<AppendResult>;
  /** Reads one stream; a stream that does not exist reads as empty. */
  readonly readStream: (
    streamName: string,
    options?: ReadStreamOptions,
  ) => Promise<ReadonlyArray<RecordedEvent>>;
  /** Reads the global log forwards, in commit order. */
  readonly readAll: (options?: ReadAllOptions) => Promise<ReadonlyArray<RecordedEvent>>;
  /**
   * Subscribes to the global log from a checkpoint: catch-up, then live. Bad options are
   * refused with `InvalidInput`, thrown here or by the first `next()`.
   */
  readonly subscribeToAll: (options?: SubscribeOptions) => EventSubscription;
  /**
   * Deletes a stream for good (a tombstone): reading or appending to it afterwards fails with
   * `StreamDeleted`. Its events stay in the global log, as on EventStoreDB. The expected
   * revision is checked as for `append`; deleting a deleted stream fails with `StreamDeleted`.
   */
  readonly deleteStream: (streamName: string, options?: AppendOptions) => Promise<void>;
  /** Releases connections and ends open subscriptions (they finish, not fail). Idempotent. */
  readonly close: () => Promise<void>;
}
