import { describe, expect, it } from 'vitest';
import { type CachedEvent, checkCommit, type StreamState } from './commit-check.ts';
import { expectedAny, expectedNoStream, expectedStreamExists } from './log-record.ts';

const stream = (ids: ReadonlyArray<string>, tombstoned = false): StreamState => ({
  lastRevision: BigInt(ids.length - 1),
  tombstoned,
  eventIdAt: (revision) => ids[Number(revision)],
});

const cacheOf =
  (entries: Readonly<Record<string, CachedEvent>>) =>
  (eventId: string): CachedEvent | undefined =>
    entries[eventId];
const none = cacheOf({});
const cachedAb = cacheOf({
  a: { streamName: 's-1', revision: 0n },
  b: { streamName: 's-1', revision: 1n },
});

describe('checkCommit (EventStoreDB IndexWriter.CheckCommit)', () => {
  it('writes when the expected version matches, for every form', () => {
    expect(checkCommit('s-1', stream([]), expectedNoStream, ['x'], none)).toEqual({ kind: 'ok' });
    expect(checkCommit('s-1', stream([]), expectedAny, ['x'], none)).toEqual({ kind: 'ok' });
    expect(checkCommit('s-1', stream(['a']), expectedStreamExists, ['x'], none)).toEqual({
      kind: 'ok',
    });
    expect(checkCommit('s-1', stream(['a', 'b']), 1n, ['x'], none)).toEqual({ kind: 'ok' });
  });

  it('refuses a wrong expected version with the current revision (-1 for none)', () => {
    const wrong = (current: bigint) => ({
      kind: 'wrong-expected-version',
      currentRevision: current,
    });
    expect(checkCommit('s-1', stream([]), expectedStreamExists, ['x'], none)).toEqual(wrong(-1n));
    expect(checkCommit('s-1', stream([]), 0n, ['x'], none)).toEqual(wrong(-1n));
    expect(checkCommit('s-1', stream(['a']), 3n, ['x'], none)).toEqual(wrong(0n));
    expect(checkCommit('s-1', stream(['a', 'b']), expectedNoStream, ['x'], none)).toEqual(
      wrong(1n),
    );
  });

  it('reports a tombstoned stream as deleted, whatever is expected', () => {
    expect(checkCommit('s-1', stream(['a'], true), expectedAny, ['a'], none)).toEqual({
      kind: 'stream-deleted',
    });
  });

  it('with any / stream_exists, recognises a re-sent batch only through the cache', () => {
    const ab = stream(['a', 'b']);
    const idempotent = { kind: 'idempotent', firstRevision: 0n, lastRevision: 1n };
    expect(checkCommit('s-1', ab, expectedAny, ['a', 'b'], cachedAb)).toEqual(idempotent);
    expect(checkCommit('s-1', ab, expectedStreamExists, ['a', 'b'], cachedAb)).toEqual(idempotent);
    // Forgotten by the cache: written again (the duplicate the adapter's check prevents).
    expect(checkCommit('s-1', ab, expectedAny, ['a', 'b'], none)).toEqual({ kind: 'ok' });
    // A new event first: written, stored ids and all.
    expect(checkCommit('s-1', ab, expectedAny, ['x', 'a'], cachedAb)).toEqual({ kind: 'ok' });
    // A stored event first, then a new one: "corrupted idempotency", answered as wrong version.
    expect(checkCommit('s-1', ab, expectedAny, ['a', 'x'], cachedAb)).toEqual({
      kind: 'wrong-expected-version',
      currentRevision: 1n,
    });
  });

  it('with an exact revision below the current one, checks the ids right after it in the index', () => {
    const abc = stream(['a', 'b', 'c']);
    expect(checkCommit('s-1', abc, 0n, ['b', 'c'], none)).toEqual({
      kind: 'idempotent',
      firstRevision: 1n,
      lastRevision: 2n,
    });
    expect(checkCommit('s-1', abc, expectedNoStream, ['a'], none)).toEqual({
      kind: 'idempotent',
      firstRevision: 0n,
      lastRevision: 0n,
    });
    // The ids are stored, but not where the expected revision points.
    expect(checkCommit('s-1', abc, 1n, ['a'], none)).toEqual({
      kind: 'wrong-expected-version',
      currentRevision: 2n,
    });
    // The expected revision equals the current one: a normal write, stored ids or not.
    expect(checkCommit('s-1', abc, 2n, ['a'], none)).toEqual({ kind: 'ok' });
  });
});
