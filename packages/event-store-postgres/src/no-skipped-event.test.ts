import { randomUUID } from 'node:crypto';
import {
  comparePositions,
  type NewEvent,
  type RecordedEvent,
  validateAppend,
} from '@crm/event-store';
import { useTestDatabase } from '@crm/test-database/vitest';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgTestStore } from './pg-test-store.ts';
import { appendBatchJson, appendSql } from './statements.ts';

const database = await useTestDatabase('skipped_event');
// readAll waits at most 200 ms for older transactions, so the test can see what it returns
// while one is held open.
const { store, close } = await openPgTestStore(database.url, {
  visibilityWaitMs: 200,
  pollIntervalMs: 5000,
});
afterAll(close);

const noted = (count: number, label: string): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({
    eventId: randomUUID(),
    type: 'Noted',
    data: { label, n },
  }));

/** Pulls the next event, or `'timeout'` when none comes within `ms`; a pending pull is reused. */
const puller = (iterator: AsyncIterator<RecordedEvent>) => {
  let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
  return async (ms: number): Promise<RecordedEvent | 'timeout' | 'done'> => {
    pending ??= iterator.next();
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      pending,
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), ms);
      }),
    ]);
    clearTimeout(timer);
    if (result === 'timeout') return result;
    pending = undefined;
    return result.done === true ? 'done' : result.value;
  };
};

/**
 * Opens a transaction on a connection of its own and runs the store's own append statement in
 * it, without committing: a writer that is slow to commit, holding sequence numbers below
 * those of writers that commit after it.
 */
const holdOpenAppend = async (streamName: string, events: NewEvent[]) => {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query('BEGIN');
  const batch = validateAppend(streamName, events, undefined);
  const { rows } = await client.query<{ readonly revision: string }>(appendSql, [
    streamName,
    appendBatchJson(batch.events),
    batch.events.length,
    'any',
    null,
  ]);
  expect(rows.map((row) => row.revision)).toEqual([String(events.length - 1)]);
  return {
    commit: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
};

describe('no skipped event on a real PostgreSQL', () => {
  it('a live subscriber gets every event exactly once, in log order, while a writer that started first commits last', async () => {
    const category = `late${randomUUID().replaceAll('-', '')}`;
    const start = (await store.append(`${category}-start`, noted(1, 'start'))).position;
    const subscription = store.subscribeToAll({
      after: start,
      filter: { streamCategories: [category] },
    });
    const pull = puller(subscription[Symbol.asyncIterator]());
    const delivered: RecordedEvent[] = [];
    const rounds = 3;

    for (let round = 0; round < rounds; round += 1) {
      // The subscriber is live and idle.
      expect(await pull(200)).toBe('timeout');

      const lateEvents = noted(3, `late${round}`);
      const late = await holdOpenAppend(`${category}-slow${round}`, lateEvents);
      // Four writers commit after the slow one took its sequence numbers.
      const fast = await Promise.all(
        [0, 1, 2, 3].map((writer) =>
          store.append(`${category}-fast${round}w${writer}`, noted(2, `fast${round}`)),
        ),
      );

      // While the slow transaction is open, nothing after it may be delivered or read: a
      // reader that took the later events now would move past the slow ones for good.
      expect(await pull(500)).toBe('timeout');
      const meanwhile = await store.readAll({
        after: start,
        filter: { streamCategories: [category] },
      });
      expect(meanwhile.map((event) => event.eventId)).toEqual(
        delivered.map((event) => event.eventId),
      );

      await late.commit();
      for (let count = 0; count < lateEvents.length + fast.length * 2; count += 1) {
        const next = await pull(5000);
        if (next === 'timeout' || next === 'done')
          expect.fail(`subscription ${next} in round ${round}`);
        delivered.push(next);
      }
      const roundEvents = delivered.slice(-(lateEvents.length + 8));

      // The slow writer's events have lower sequence numbers than the fast writers' (the gap a
      // reader ordering by sequence alone would have skipped), and they come first, together.
      const slowPositions = roundEvents.slice(0, 3).map((event) => event.position.prepare);
      const fastPositions = roundEvents.slice(3).map((event) => event.position.prepare);
      expect(roundEvents.slice(0, 3).map((event) => event.eventId)).toEqual(
        lateEvents.map((event) => event.eventId),
      );
      expect(Math.max(...slowPositions.map(Number))).toBeLessThan(
        Math.min(...fastPositions.map(Number)),
      );
    }

    // Exactly once, in strictly increasing positions, each batch contiguous and in order...
    const ids = delivered.map((event) => event.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    for (let index = 1; index < delivered.length; index += 1) {
      const [previous, current] = [delivered[index - 1], delivered[index]];
      if (previous === undefined || current === undefined) continue;
      expect(comparePositions(previous.position, current.position)).toBeLessThan(0);
      if (previous.streamName === current.streamName) {
        expect(current.revision).toBe(previous.revision + 1);
      }
    }
    // ...and exactly what the log holds once everything has committed.
    const logged = await store.readAll({ after: start, filter: { streamCategories: [category] } });
    expect(ids).toEqual(logged.map((event) => event.eventId));
    expect(ids).toHaveLength(rounds * 11);
    expect(await pull(300)).toBe('timeout');
    await subscription.stop();
    expect(await pull(1000)).toBe('done');
  });
});
