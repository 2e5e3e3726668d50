import type { RecordedEvent } from '@crm/event-store';
import { useTestDatabase } from '@crm/test-database/vitest';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRebuild } from './checkpoints.ts';
import { createProjectionRunner } from './projection-runner.ts';
import { rebuildProjectionsTogether } from './rebuild-together.ts';
import { countingDecoder, openTestStores, type TestStores } from './test-support.ts';
import {
  appendStreamHistories,
  categoryCountProjection,
  sampleStreamHistories,
  schemaSnapshot,
  streamCountProjection,
} from './testing/index.ts';

const database = await useTestDatabase('rebuild_fold');
let stores: TestStores;
let log: ReadonlyArray<RecordedEvent>;

beforeAll(async () => {
  stores = await openTestStores(database.url, 12);
  await appendStreamHistories(stores.store, sampleStreamHistories('f1', 400));
  log = await stores.store.readAll();
  await createProjectionRunner({
    db: stores.db,
    eventStore: stores.store,
    projection: categoryCountProjection({ name: 'reference_categories' }),
  }).catchUp();
});
afterAll(async () => {
  await stores.close();
});

/** A category-count projection with a fold that records the rows of each flush. */
const folding = (name: string, poison?: (event: { metadata: { eventId: string } }) => boolean) => {
  const flushes: number[] = [];
  const projection = categoryCountProjection({
    name,
    fold: { onFlush: (rows) => flushes.push(rows) },
    ...(poison === undefined ? {} : { poison }),
  });
  return { projection, flushes };
};

const eventsIn = async (schema: string): Promise<number> => {
  const { rows } = await sql<{ events: string }>`
    SELECT coalesce(sum(events), 0)::text AS events
    FROM ${sql.table(`${schema}.category_counts`)}`.execute(stores.db);
  return Number(rows[0]?.events);
};

describe('a rebuild from zero through a fold', () => {
  it('builds in memory and writes at each flush what batch by batch gives', async () => {
    const { projection, flushes } = folding('folded_categories');
    const { decode, counts } = countingDecoder();
    const outcomes = await rebuildProjectionsTogether({
      eventStore: stores.store,
      decode,
      batchSize: 50,
      foldLimits: { flushEvery: 150, rowLimit: 1_000 },
      members: [
        { db: stores.db, projection },
        { db: stores.db, projection: streamCountProjection({ name: 'beside_the_fold' }) },
      ],
    });
    expect(outcomes.map((outcome) => [outcome.outcome, outcome.events])).toEqual([
      ['swapped', log.length],
      ['swapped', log.length],
    ]);
    expect(await schemaSnapshot(stores.db, 'folded_categories')).toEqual(
      await schemaSnapshot(stores.db, 'reference_categories'),
    );
    // A flush at every 150 events (three pages) and one for the rest.
    expect(flushes).toHaveLength(Math.ceil(log.length / 150));
    expect(counts.size).toBe(log.length);
  });

  it("is used by a single runner's rebuild too", async () => {
    const { projection, flushes } = folding('runner_fold');
    const runner = createProjectionRunner({
      db: stores.db,
      eventStore: stores.store,
      projection,
      rebuildBatchSize: 64,
    });
    expect(await runner.rebuild()).toBe(true);
    // Under a million events: one flush, at the end.
    expect(flushes).toHaveLength(1);
    expect(await schemaSnapshot(stores.db, 'runner_fold')).toEqual(
      await schemaSnapshot(stores.db, 'reference_categories'),
    );
  });

  it('drops the fold past its row limit and goes on batch by batch', async () => {
    const { projection, flushes } = folding('overfull_fold');
    await rebuildProjectionsTogether({
      eventStore: stores.store,
      batchSize: 50,
      foldLimits: { flushEvery: 1_000_000, rowLimit: 1 },
      members: [{ db: stores.db, projection }],
    });
    expect(flushes).toHaveLength(1);
    expect(await schemaSnapshot(stores.db, 'overfull_fold')).toEqual(
      await schemaSnapshot(stores.db, 'reference_categories'),
    );
  });

  it('names a poison event and commits every event before it exactly once', async () => {
    const poison = log[Math.floor(log.length / 2)] as RecordedEvent;
    const { projection, flushes } = folding(
      'poisoned_fold',
      (event) => event.metadata.eventId === poison.eventId,
    );
    const [outcome] = await rebuildProjectionsTogether({
      eventStore: stores.store,
      batchSize: 40,
      foldLimits: { flushEvery: 100, rowLimit: 1_000 },
      members: [{ db: stores.db, projection }],
    });
    expect(outcome?.outcome).toBe('poisoned');
    expect(outcome?.outcome === 'poisoned' ? outcome.error.details : undefined).toMatchObject({
      projection: 'poisoned_fold',
      phase: 'rebuild',
      eventId: poison.eventId,
    });
    expect(flushes.length).toBeGreaterThan(0);
    const scratch = await loadRebuild(stores.db, 'poisoned_fold');
    expect(scratch?.eventsApplied).toBe(log.indexOf(poison));
    expect(await eventsIn('poisoned_fold__rebuild')).toBe(log.indexOf(poison));
  });

  it('flushes when interrupted, and the rebuild resumes from there', async () => {
    const stop = new AbortController();
    let pages = 0;
    const { projection, flushes } = folding('interrupted_fold');
    const [interrupted] = await rebuildProjectionsTogether(
      {
        eventStore: stores.store,
        batchSize: 50,
        members: [{ db: stores.db, projection }],
        onProgress: () => {
          pages += 1;
          if (pages === 4) stop.abort();
        },
      },
      stop.signal,
    );
    expect(interrupted?.outcome).toBe('interrupted');
    expect(flushes).toHaveLength(1);
    const partial = await loadRebuild(stores.db, 'interrupted_fold');
    expect(partial?.eventsApplied).toBe(interrupted?.events);
    expect(partial?.eventsApplied).toBeGreaterThan(0);
    expect(await eventsIn('interrupted_fold__rebuild')).toBe(partial?.eventsApplied);

    const resumed = folding('interrupted_fold');
    const [finished] = await rebuildProjectionsTogether({
      eventStore: stores.store,
      batchSize: 50,
      members: [{ db: stores.db, projection: resumed.projection }],
    });
    expect(finished).toEqual({
      projection: 'interrupted_fold',
      outcome: 'swapped',
      events: log.length,
    });
    // Resumed batch by batch: a fold starts only on empty tables.
    expect(resumed.flushes).toHaveLength(0);
    expect(await schemaSnapshot(stores.db, 'interrupted_fold')).toEqual(
      await schemaSnapshot(stores.db, 'reference_categories'),
    );
  });
});
