import { comparePositions } from '@crm/event-store';
import { useTestDatabase } from '@crm/test-database/vitest';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint } from './checkpoints.ts';
import { createProjectionHost } from './projection-host.ts';
import { createProjectionRunner } from './projection-runner.ts';
import type { RebuildProgress } from './projection-status.ts';
import { countingDecoder, openTestStores, type TestStores, waitUntil } from './test-support.ts';
import {
  appendStreamHistories,
  categoryCountProjection,
  sampleStreamHistories,
  schemaSnapshot,
  streamCountProjection,
} from './testing/index.ts';

const database = await useTestDatabase('host_rebuild');
let stores: TestStores;

beforeAll(async () => {
  stores = await openTestStores(database.url, 12);
});
afterAll(async () => {
  await stores.close();
});

describe('a projection host told to rebuild projections', () => {
  it('rebuilds them in one pass over the log, then runs them live', async () => {
    await appendStreamHistories(stores.store, sampleStreamHistories('h1', 300));
    const projections = [
      categoryCountProjection({ name: 'hosted_categories' }),
      streamCountProjection({ name: 'hosted_streams' }),
    ];
    for (const projection of [
      ...projections,
      categoryCountProjection({ name: 'reference_categories' }),
      streamCountProjection({ name: 'reference_streams' }),
    ]) {
      await createProjectionRunner({
        db: stores.db,
        eventStore: stores.store,
        projection,
      }).catchUp();
    }
    // Damaged read models: the rebuild must restore them from the log.
    await sql`DELETE FROM hosted_categories.category_counts`.execute(stores.db);
    await sql`UPDATE hosted_streams.stream_counts SET events = events + 1`.execute(stores.db);

    const { decode, counts: decodings } = countingDecoder();
    const progress: RebuildProgress[] = [];
    const host = createProjectionHost({
      db: stores.db,
      eventStore: stores.store,
      projections,
      rebuild: projections.map((projection) => projection.name),
      decode,
      onProgress: (p) => progress.push(p),
      ownership: { acquireIntervalMs: 100, heartbeatMs: 100, retryDelayMs: 300 },
    });
    const stop = new AbortController();
    const running = host.run(stop.signal);
    try {
      const log = await stores.store.readAll();
      await waitUntil(
        () => host.statuses().every((status) => status.owned && status.state === 'running'),
        20_000,
        'both projections to be rebuilt and running',
      );
      expect(await schemaSnapshot(stores.db, 'hosted_categories')).toEqual(
        await schemaSnapshot(stores.db, 'reference_categories'),
      );
      expect(await schemaSnapshot(stores.db, 'hosted_streams')).toEqual(
        await schemaSnapshot(stores.db, 'reference_streams'),
      );
      // One pass: every event decoded once for both (two rebuilds would decode each twice).
      expect(decodings.size).toBe(log.length);
      expect(Math.max(...decodings.values())).toBe(1);
      expect(new Set(progress.map((p) => p.projection))).toEqual(
        new Set(projections.map((p) => p.name)),
      );

      // Then live: new events reach both.
      await appendStreamHistories(stores.store, sampleStreamHistories('h2', 40, 3));
      const head = (await stores.store.readAll()).at(-1)?.position;
      for (const { name } of projections) {
        await waitUntil(async () => {
          const position = (await loadCheckpoint(stores.db, name))?.position;
          return (
            position !== undefined && head !== undefined && comparePositions(position, head) >= 0
          );
        });
      }
    } finally {
      stop.abort();
      await running;
    }
  });
});
