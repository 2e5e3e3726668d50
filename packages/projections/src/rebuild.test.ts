import { useTestDatabase } from '@crm/test-database/vitest';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint, loadRebuild } from './checkpoints.ts';
import type { Projection } from './projection.ts';
import { createProjectionRunner } from './projection-runner.ts';
import { schemaExists } from './projection-schema.ts';
import type { RebuildProgress } from './projection-status.ts';
import { openTestStores, type TestStores } from './test-support.ts';
import {
  appendStreamHistories,
  type CategoryCountTables,
  categoryCountProjection,
  sampleStreamHistories,
  schemaSnapshot,
} from './testing/index.ts';

const database = await useTestDatabase('rebuild');
let stores: TestStores;

beforeAll(async () => {
  stores = await openTestStores(database.url, 12);
});
afterAll(async () => {
  await stores.close();
});

/** The category counter at `version`, slowed down so a rebuild takes a while. */
const slowCounts = (version: number, delayMs = 0): Projection<CategoryCountTables> => {
  const base = categoryCountProjection({ name: 'rebuilt_counts', version });
  return {
    ...base,
    apply: async (db, events) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await base.apply(db, events);
    },
  };
};

const reference = async (): Promise<unknown> => {
  await createProjectionRunner({
    db: stores.db,
    eventStore: stores.store,
    projection: categoryCountProjection({ name: 'reference_counts' }),
  }).catchUp();
  return schemaSnapshot(stores.db, 'reference_counts');
};

const liveTotal = async (): Promise<number> => {
  const { rows } = await sql<{ readonly total: string }>`
    SELECT coalesce(sum(events), 0)::text AS total FROM rebuilt_counts.category_counts`.execute(
    stores.db,
  );
  return Number(rows[0]?.total);
};

describe('a rebuild', () => {
  it('runs on a version bump in a scratch schema while queries keep reading the old copy', async () => {
    await appendStreamHistories(stores.store, sampleStreamHistories('r1', 300));
    await createProjectionRunner({
      db: stores.db,
      eventStore: stores.store,
      projection: slowCounts(1),
    }).catchUp();
    const oldTotal = await liveTotal();
    // Events the old copy never sees: the rebuilt copy has them, so the two can be told apart.
    await appendStreamHistories(stores.store, sampleStreamHistories('r2', 300, 9));
    const log = await stores.store.readAll();

    const seen: number[] = [];
    const failures: unknown[] = [];
    let querying = true;
    const queries = (async () => {
      while (querying) {
        await liveTotal().then(
          (total) => seen.push(total),
          (error: unknown) => failures.push(error),
        );
      }
    })();
    const progress: RebuildProgress[] = [];
    let duringRebuild:
      | Promise<{ total: number; version: number | undefined; scratch: boolean }>
      | undefined;
    const runner = createProjectionRunner({
      db: stores.db,
      eventStore: stores.store,
      projection: slowCounts(2, 15),
      batchSize: 40,
      onProgress: (step) => {
        progress.push(step);
        if (progress.length === 3) {
          duringRebuild = (async () => ({
            total: await liveTotal(),
            version: (await loadCheckpoint(stores.db, 'rebuilt_counts'))?.version,
            scratch: await schemaExists(stores.db, 'rebuilt_counts__rebuild'),
          }))();
        }
      },
    });
    const position = await runner.catchUp();
    querying = false;
    await queries;

    expect(failures).toEqual([]);
    expect(await duringRebuild).toEqual({ total: oldTotal, version: 1, scratch: true });
    expect(seen[0]).toBe(oldTotal);
    expect(seen.at(-1)).toBe(log.length);
    expect(new Set(seen)).toEqual(new Set([oldTotal, log.length]));
    expect(progress[0]).toEqual({ projection: 'rebuilt_counts', done: 0, total: log.length });
    expect(progress.at(-1)).toEqual({
      projection: 'rebuilt_counts',
      done: log.length,
      total: log.length,
    });
    expect(progress.map((step) => step.done)).toEqual(
      [...progress.map((step) => step.done)].sort((a, b) => a - b),
    );
    expect(position).toEqual(log.at(-1)?.position);
    expect(await loadCheckpoint(stores.db, 'rebuilt_counts')).toMatchObject({
      version: 2,
      status: 'running',
      position: log.at(-1)?.position,
      eventsApplied: log.length,
    });
    expect(await loadRebuild(stores.db, 'rebuilt_counts')).toBeUndefined();
    expect(await schemaExists(stores.db, 'rebuilt_counts__rebuild')).toBe(false);
    expect(await schemaSnapshot(stores.db, 'rebuilt_counts')).toEqual(await reference());
  });

  it('resumes where it stopped after an interruption', async () => {
    const stop = new AbortController();
    const first: RebuildProgress[] = [];
    const interrupted = await createProjectionRunner({
      db: stores.db,
      eventStore: stores.store,
      projection: slowCounts(3),
      batchSize: 50,
      onProgress: (step) => {
        first.push(step);
        if (step.done >= 200) stop.abort();
      },
    }).rebuild(stop.signal);
    expect(interrupted).toBe(false);
    const halfway = await loadRebuild(stores.db, 'rebuilt_counts');
    expect(halfway).toMatchObject({ version: 3, eventsApplied: 200 });
    expect((await loadCheckpoint(stores.db, 'rebuilt_counts'))?.version).toBe(2);

    const second: RebuildProgress[] = [];
    await createProjectionRunner({
      db: stores.db,
      eventStore: stores.store,
      projection: slowCounts(3),
      batchSize: 50,
      onProgress: (step) => second.push(step),
    }).catchUp();
    expect(second[0]?.done).toBe(200);
    expect((await loadCheckpoint(stores.db, 'rebuilt_counts'))?.version).toBe(3);
    expect(await schemaSnapshot(stores.db, 'rebuilt_counts')).toEqual(await reference());
  });

  it('of the same version, asked for, equals the incremental result', async () => {
    await appendStreamHistories(stores.store, sampleStreamHistories('r3', 100, 5));
    const runner = createProjectionRunner({
      db: stores.db,
      eventStore: stores.store,
      projection: slowCounts(3),
    });
    await runner.catchUp();
    const incremental = await schemaSnapshot(stores.db, 'rebuilt_counts');
    expect(await runner.rebuild()).toBe(true);
    expect(await schemaSnapshot(stores.db, 'rebuilt_counts')).toEqual(incremental);
    expect(incremental).toEqual(await reference());
  });

  it('is refused to an older version of the code', async () => {
    await expect(
      createProjectionRunner({
        db: stores.db,
        eventStore: stores.store,
        projection: slowCounts(2),
      }).catchUp(),
    ).rejects.toMatchObject({ code: 'VersionAhead' });
  });
});
