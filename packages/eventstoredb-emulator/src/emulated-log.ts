import { randomUUID } from 'node:crypto';
import { type CachedEvent, checkCommit, type StreamState } from './commit-check.ts';
import {
  type ExpectedVersion,
  type LogRecord,
  type ProposedEvent,
  recordSize,
  tombstoneEventType,
  tombstoneRevision,
  type WriteOutcome,
} from './log-record.ts';

/** How the emulated log behaves where EventStoreDB's behaviour depends on its configuration. */
export interface EmulatedLogOptions {
  /**
   * How many recent event ids the idempotence cache holds (EventStoreDB bounds it by memory).
   * Lower it to reproduce a server that has forgotten an old batch.
   */
  readonly idempotenceCacheSize: number;
  /** Whether an idempotent append reports the original position (newer servers) or none. */
  readonly reportIdempotentPosition: boolean;
  /** Whether the log starts with a few system events, as a real `$all` does. */
  readonly seedSystemEvents: boolean;
}

interface StreamEntry {
  readonly records: LogRecord[];
  tombstoned: boolean;
}

const ticksPerMillisecond = 10_000n;
const nowInTicks = (): bigint => BigInt(Date.now()) * ticksPerMillisecond;
const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');

/**
 * The in-memory transaction log behind the emulator: `$all` in position order, the streams'
 * revisions, tombstones and the cache of recent event ids. Every write runs synchronously, so
 * concurrent requests are serialised like EventStoreDB's single writer serialises them.
 */
export class EmulatedLog {
  private readonly all: LogRecord[] = [];
  private readonly streams = new Map<string, StreamEntry>();
  private readonly recentIds = new Map<string, CachedEvent>();
  private readonly listeners = new Set<() => void>();
  // Starts past a chunk header, like a fresh database's first record.
  private nextPosition = 128n;

  constructor(private readonly options: EmulatedLogOptions) {
    if (options.seedSystemEvents) this.seed();
  }

  /** Appends events to a stream if the commit check allows it. */
  append(
    streamName: string,
    expected: ExpectedVersion,
    events: ReadonlyArray<ProposedEvent>,
  ): WriteOutcome {
    const state = this.stateOf(streamName);
    const decision = checkCommit(
      streamName,
      state,
      expected,
      events.map((event) => event.eventId),
      (eventId) => this.recentIds.get(eventId),
    );
    switch (decision.kind) {
      case 'stream-deleted':
      case 'wrong-expected-version':
        return decision;
      case 'idempotent':
        return {
          kind: 'idempotent',
          lastRevision: decision.lastRevision,
          position: this.options.reportIdempotentPosition
            ? this.recordAt(streamName, decision.lastRevision)?.position
            : undefined,
        };
      case 'ok':
        break;
    }
    let revision = state.lastRevision;
    let position = -1n;
    for (const event of events) {
      revision += 1n;
      position = this.write(streamName, revision, event).position;
    }
    this.notify();
    return { kind: 'written', lastRevision: revision, position };
  }

  /** Deletes a stream for good, writing a `$streamDeleted` record to `$all`. */
  tombstone(streamName: string, expected: ExpectedVersion): WriteOutcome {
    const state = this.stateOf(streamName);
    // The tombstone record has an id of its own, so the idempotence cache never matches it.
    const decision = checkCommit(streamName, state, expected, [randomUUID()], () => undefined);
    if (decision.kind !== 'ok') {
      return decision.kind === 'idempotent'
        ? { kind: 'wrong-expected-version', currentRevision: state.lastRevision }
        : decision;
    }
    const record = this.write(streamName, tombstoneRevision, {
      eventId: randomUUID(),
      type: tombstoneEventType,
      contentType: 'application/octet-stream',
      data: new Uint8Array(),
      metadata: new Uint8Array(),
    });
    this.entry(streamName).tombstoned = true;
    this.notify();
    return { kind: 'written', lastRevision: tombstoneRevision, position: record.position };
  }

  /** A stream's events, or why there are none. */
  stream(
    streamName: string,
  ):
    | { readonly kind: 'events'; readonly records: ReadonlyArray<LogRecord> }
    | { readonly kind: 'not-found' | 'deleted' } {
    const entry = this.streams.get(streamName);
    if (entry === undefined) return { kind: 'not-found' };
    if (entry.tombstoned) return { kind: 'deleted' };
    return entry.records.length === 0
      ? { kind: 'not-found' }
      : { kind: 'events', records: entry.records };
  }

  /** `$all` in position order. */
  records(): ReadonlyArray<LogRecord> {
    return this.all;
  }

  /** The index of the first record whose position is ≥ `position` (binary search). */
  indexFrom(position: bigint): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const record = this.all[middle];
      if (record !== undefined && record.position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Calls `listener` after every write until the returned function is called. */
  onWrite(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private stateOf(streamName: string): StreamState {
    const entry = this.streams.get(streamName);
    return {
      lastRevision: BigInt((entry?.records.length ?? 0) - 1),
      tombstoned: entry?.tombstoned ?? false,
      eventIdAt: (revision) => entry?.records[Number(revision)]?.eventId,
    };
  }

  private recordAt(streamName: string, revision: bigint): LogRecord | undefined {
    return this.streams.get(streamName)?.records[Number(revision)];
  }

  private entry(streamName: string): StreamEntry {
    let entry = this.streams.get(streamName);
    if (entry === undefined) {
      entry = { records: [], tombstoned: false };
      this.streams.set(streamName, entry);
    }
    return entry;
  }

  private write(streamName: string, revision: bigint, event: ProposedEvent): LogRecord {
    const record: LogRecord = {
      ...event,
      streamName,
      revision,
      position: this.nextPosition,
      created: nowInTicks(),
    };
    this.nextPosition += recordSize(streamName, event);
    this.all.push(record);
    if (revision !== tombstoneRevision) {
      this.entry(streamName).records.push(record);
      this.remember(event.eventId, { streamName, revision });
    }
    return record;
  }

  private remember(eventId: string, where: CachedEvent): void {
    this.recentIds.delete(eventId);
    this.recentIds.set(eventId, where);
    while (this.recentIds.size > this.options.idempotenceCacheSize) {
      const oldest = this.recentIds.keys().next();
      if (oldest.done === true) break;
      this.recentIds.delete(oldest.value);
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  // A fresh EventStoreDB's $all starts with the default users and settings (system streams).
  private seed(): void {
    const system = (streamName: string, type: string, data: unknown): void => {
      const revision = BigInt(this.entry(streamName).records.length);
      this.write(streamName, revision, {
        eventId: randomUUID(),
        type,
        contentType: 'application/json',
        data: json(data),
        metadata: new Uint8Array(),
      });
    };
    system('$$$users', '$metadata', { $acl: { $r: '$admins', $w: '$admins' } });
    system('$user-admin', '$user', { loginName: 'admin', fullName: 'Event Store Administrator' });
    system('$users', '$User', 'admin');
    system('$user-ops', '$user', { loginName: 'ops', fullName: 'Event Store Operations' });
    system('$users', '$User', 'ops');
  }
}
