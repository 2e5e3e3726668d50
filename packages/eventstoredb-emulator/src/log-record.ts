/**
 * EventStoreDB's expected versions as the server encodes them (a signed 64-bit number): a
 * revision ≥ 0, or one of the negative markers below.
 */
export type ExpectedVersion = bigint;

/** `ExpectedVersion.Any`. */
export const expectedAny: ExpectedVersion = -2n;
/** `ExpectedVersion.NoStream`. */
export const expectedNoStream: ExpectedVersion = -1n;
/** `ExpectedVersion.StreamExists`. */
export const expectedStreamExists: ExpectedVersion = -4n;

/** The revision EventStoreDB gives a tombstone (`long.MaxValue`). */
export const tombstoneRevision = 9223372036854775807n;

/** The event type EventStoreDB gives a tombstone record. */
export const tombstoneEventType = '$streamDeleted';

/**
 * Whether a stream is a `$$<stream>` metadata stream. The emulator refuses to write them: their
 * meaning (max count, max age, truncation, ACLs) is not emulated, and ignoring it silently
 * would let a test pass that a real server fails.
 */
export const isMetadataStream = (streamName: string): boolean => streamName.startsWith('$$');

/** An event as a client proposes it. */
export interface ProposedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

/**
 * One event in the emulated transaction log. As in EventStoreDB since 20.6, an event's commit
 * and prepare positions are both its own log position (a byte offset), so one number holds both.
 */
export interface LogRecord extends ProposedEvent {
  readonly position: bigint;
  readonly streamName: string;
  readonly revision: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server sends `created`. */
  readonly created: bigint;
}

/** The result of a write (append or tombstone) as the server reports it. */
export type WriteOutcome =
  | { readonly kind: 'written'; readonly lastRevision: bigint; readonly position: bigint }
  | {
      readonly kind: 'idempotent';
      readonly lastRevision: bigint;
      /** Newer servers report the original last event's position; older ones none. */
      readonly position: bigint | undefined;
    }
  | { readonly kind: 'wrong-expected-version'; readonly currentRevision: bigint }
  | { readonly kind: 'stream-deleted' };

const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * A prepare record's size on disk, roughly: a fixed header plus its variable parts. Positions
 * advance by it, so they are sparse byte offsets like EventStoreDB's, not a dense sequence.
 */
export const recordSize = (streamName: string, event: ProposedEvent): bigint =>
  BigInt(
    84 +
      utf8Length(streamName) +
      utf8Length(event.type) +
      event.data.length +
      event.metadata.length,
  );

/**
 * What EventStoreDB counts against its maximum append size (`Event.SizeOnDisk`): data and
 * metadata bytes plus twice the type's length, summed over the batch.
 */
export const appendSize = (events: ReadonlyArray<ProposedEvent>): number =>
  events.reduce(
    (total, event) => total + event.data.length + event.metadata.length + event.type.length * 2,
    0,
  );
