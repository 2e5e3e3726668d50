import { randomUUID } from 'node:crypto';
import { type EventStore, isEventStoreError } from '@crm/event-store';
import { useTestDatabase } from '@crm/test-database/vitest';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgTestStore } from './pg-test-store.ts';

const database = await useTestDatabase('lost_update');
const { store, db, close } = await openPgTestStore(database.url, { poolSize: 8 });
afterAll(close);

const writers = 8;
const appendsPerWriter = 200;

/**
 * One writer's loop, the way an application retries a command: append at the revision it
 * last saw; on WrongExpectedRevision take the actual revision from the error and try again.
 */
const runWriter = async (
  eventStore: EventStore,
  streamName: string,
  writer: number,
): Promise<{ readonly ids: string[]; readonly conflicts: number }> => {
  const ids: string[] = [];
  let conflicts = 0;
  let known: number | 'no_stream' = 'no_stream';
  for (let n = 0; n < appendsPerWriter; n += 1) {
    const eventId = randomUUID();
    for (;;) {
      try {
        const result = await eventStore.append(
          streamName,
          [{ eventId, type: 'Counted', data: { writer, n } }],
          { expectedRevision: known },
        );
        known = result.nextExpectedRevision;
        break;
      } catch (error) {
        if (!isEventStoreError(error, 'WrongExpectedRevision')) throw error;
        conflicts += 1;
        const actual = error.details.actual;
        known = actual === undefined ? 'no_stream' : actual;
      }
    }
    ids.push(eventId);
  }
  return { ids, conflicts };
};

describe('no lost update on a real PostgreSQL', () => {
  it(`${writers} concurrent writers × ${appendsPerWriter} appends to one stream with expected revisions and retry leave revisions 0..${writers * appendsPerWriter - 1} contiguous, every event once`, async () => {
    const streamName = `counter-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: writers }, (_, writer) => runWriter(store, streamName, writer)),
    );
    const total = writers * appendsPerWriter;
    const events = await store.readStream(streamName);

    // Contiguous revisions, nothing missing, nothing twice.
    expect(events.map((event) => event.revision)).toEqual(
      Array.from({ length: total }, (_, i) => i),
    );
    const written = results.flatMap((result) => result.ids);
    expect(new Set(written).size).toBe(total);
    expect(new Set(events.map((event) => event.eventId))).toEqual(new Set(written));

    // Each writer's events keep its own order (its n-th append came after its (n-1)-th).
    for (let writer = 0; writer < writers; writer += 1) {
      const mine = events.filter(
        (event) => (event.data as { readonly writer: number }).writer === writer,
      );
      expect(mine.map((event) => (event.data as { readonly n: number }).n)).toEqual(
        Array.from({ length: appendsPerWriter }, (_, n) => n),
      );
    }

    // The writers really raced: some appends had to be retried.
    const conflicts = results.reduce((sum, result) => sum + result.conflicts, 0);
    expect(conflicts).toBeGreaterThan(0);

    // The table agrees: one row per event, the last at the last revision.
    const { rows } = await sql<{
      readonly rows: string;
      readonly ids: string;
      readonly last: string;
    }>`
      SELECT count(*)::text AS rows, count(DISTINCT event_id)::text AS ids,
        max(revision)::text AS last
      FROM es_events WHERE stream_name = ${streamName}`.execute(db);
    expect(rows[0]).toEqual({ rows: String(total), ids: String(total), last: String(total - 1) });

    // The global log holds them in revision order.
    const logged = await store.readAll({ filter: { streamCategories: ['counter'] } });
    const inLog = logged.filter((event) => event.streamName === streamName);
    expect(inLog.map((event) => event.revision)).toEqual(events.map((event) => event.revision));
  });
});
