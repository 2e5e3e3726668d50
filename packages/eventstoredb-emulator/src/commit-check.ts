import { type ExpectedVersion, expectedAny, expectedStreamExists } from './log-record.ts';

/** What the emulated index knows about one stream when a write arrives. */
export interface StreamState {
  /** The last revision, -1 when the stream has no event. */
  readonly lastRevision: bigint;
  readonly tombstoned: boolean;
  /** The event id stored at a revision, if any. */
  readonly eventIdAt: (revision: bigint) => string | undefined;
}

/** Where the server's cache of recent event ids says an id was written. */
export interface CachedEvent {
  readonly streamName: string;
  readonly revision: bigint;
}

/** What the server does with a write: write it, report it already done, or refuse it. */
export type CommitDecision =
  | { readonly kind: 'ok' }
  | { readonly kind: 'idempotent'; readonly firstRevision: bigint; readonly lastRevision: bigint }
  | { readonly kind: 'wrong-expected-version'; readonly currentRevision: bigint }
  | { readonly kind: 'stream-deleted' };

/**
 * EventStoreDB's commit check (`IndexWriter.CheckCommit`), reproduced decision for decision:
 *
 * - `any` / `stream_exists`: idempotence only through the bounded cache of recent event ids —
 *   every id cached in this stream is an idempotent success, the first one missing is a normal
 *   write, a later one missing is "corrupted idempotency", answered as wrong expected version;
 * - an exact revision (or `no_stream`, i.e. -1) below the current one: the ids must sit at the
 *   revisions right after it (checked in the cache, then in the index); the first mismatch is a
 *   wrong expected version;
 * - above the current revision: wrong expected version; equal: a normal write.
 */
export const checkCommit = (
  streamName: string,
  stream: StreamState,
  expected: ExpectedVersion,
  eventIds: ReadonlyArray<string>,
  cached: (eventId: string) => CachedEvent | undefined,
): CommitDecision => {
  if (stream.tombstoned) return { kind: 'stream-deleted' };
  const current = stream.lastRevision;
  const wrong: CommitDecision = { kind: 'wrong-expected-version', currentRevision: current };
  if (expected === expectedStreamExists && current < 0n) return wrong;
  if (expected === expectedAny || expected === expectedStreamExists) {
    let first: bigint | undefined;
    let last: bigint | undefined;
    for (const eventId of eventIds) {
      const hit = cached(eventId);
      if (hit === undefined || hit.streamName !== streamName) {
        return first === undefined ? { kind: 'ok' } : wrong;
      }
      first ??= hit.revision;
      last = hit.revision;
    }
    return first === undefined || last === undefined
      ? { kind: 'ok' }
      : { kind: 'idempotent', firstRevision: first, lastRevision: last };
  }
  if (expected < current) {
    let revision = expected;
    for (const eventId of eventIds) {
      revision += 1n;
      const hit = cached(eventId);
      const inCache = hit?.streamName === streamName && hit.revision === revision;
      if (!inCache && stream.eventIdAt(revision) !== eventId) return wrong;
    }
    return revision === expected
      ? wrong
      : { kind: 'idempotent', firstRevision: expected + 1n, lastRevision: revision };
  }
  return expected > current ? wrong : { kind: 'ok' };
};
