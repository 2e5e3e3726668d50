import { comparePositions, type EventStore, logStart, type RecordedEvent } from '@crm/event-store';
import { useTestDatabase } from '@crm/test-database/vitest';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint } from './checkpoints.ts';
import { isProjectionPoisoned } from './projection-poisoned.ts';
import { createProjectionRunner } from './projection-runner.ts';
import {
  categoryCounts,
  expectedCounts,
  openTestStores,
  redeliveringStore,
  type TestStores,
  waitUntil,
} from './test-support.ts';
import {
  appendStreamHistories,
  categoryCountProjection,
  sampleStreamHistories,
  schemaSnapshot,
  streamCountProjection,
} from './testing/index.ts';

const database = await useTestDatabase('runner');
let stores: TestStores;

beforeAll(async () => {
  stores = await openTestStores(database.url);
});
afterAll(async () => {
  await stores.close();
});

const appendSample = async (
  prefix: string,
  events: number,
): Promise<ReadonlyArray<RecordedEvent>> => {
  await appendStreamHistories(stores.store, sampleStreamHistories(prefix, events));
  return stores.store.readAll();
};

describe('a projection runner', () => {
  it('applies the log in batches, each in one transaction with its checkpoint', async () => {
    const log = await appendSample('batch', 300);
    const sizes: number[] = [];
    const base = categoryCountProjection({ name: 'batch_counts' });
    const runner = createProjectionRunner({
      db: stores.db,
      eventStore: stores.store,
      batchSize: 50,
      projection: {
        ...base,
        apply: async (db, events) => {
          sizes.push(events.length);
          await base.apply(db, events);
        },
      },
    });
    const position = await runner.catchUp();
    expect(position).toEqual(log.at(-1)?.position);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(log.length);
    expect(sizes.length).toBe(Math.ceil(log.length / 50));
    expect(Math.max(...sizes)).toBe(50);
    expect(await categoryCounts(stores.db, 'batch_counts')).toEqual(expectedCounts(log).categories);
    const checkpoint = await loadCheckpoint(stores.db, 'batch_counts');
    expect(checkpoint).toMatchObject({
      version: 1,
      position: log.at(-1)?.position,
      status: 'running',
      eventsApplied: log.length,
      error: null,
    });
    expect(runner.status()).toMatchObject({ state: 'running', eventsApplied: log.length });
  });

  it('commits writes and checkpoint together or not at all', async () => {
    const projection = categoryCountProjection({ name: 'atomic_counts' });
    const runner = createProjectionRunner({ db: stores.db, eventStore: stores.store, projection });
    const before = await stores.store.readAll();
    const reached = await runner.catchUp();
    // From here on, moving this checkpoint fails inside the batch's transaction.
    await sql`
      CREATE FUNCTION public.sabotage_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = 'atomic_counts' AND NEW.commit_position IS DISTINCT FROM OLD.commit_position
        THEN RAISE EXCEPTION 'checkpoint write failed'; END IF;
        RETURN NEW;
      END $$`.execute(stores.db);
    await sql`
      CREATE TRIGGER sabotage BEFORE UPDATE ON projection_runtime.checkpoints
      FOR EACH ROW EXECUTE FUNCTION public.sabotage_checkpoint()`.execute(stores.db);
    const all = await appendSample('atomic', 100);
    const failure = await runner.catchUp().catch((error: unknown) => error);
    expect(isProjectionPoisoned(failure) && failure.details.cause.message).toBe(
      'checkpoint write failed',
    );
    // Nothing of the failed batch is visible: the tables match the checkpoint, which held.
    expect((await loadCheckpoint(stores.db, 'atomic_counts'))?.position).toEqual(reached);
    expect(await categoryCounts(stores.db, 'atomic_counts')).toEqual(
      expectedCounts(before).categories,
    );
    await sql`DROP TRIGGER sabotage ON projection_runtime.checkpoints`.execute(stores.db);
    await sql`DROP FUNCTION public.sabotage_checkpoint()`.execute(stores.db);
    expect(await runner.catchUp()).toEqual(all.at(-1)?.position);
    expect(await categoryCounts(stores.db, 'atomic_counts')).toEqual(
      expectedCounts(all).categories,
    );
  });

  it('skips whatever the checkpoint already covers, so redelivery changes nothing', async () => {
    await appendSample('again', 200);
    let seed = 7;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const twice = redeliveringStore(stores.store, random, 0.5);
    for (const [name, store, batchSize] of [
      ['plain_streams', stores.store, 500],
      ['twice_streams', twice, 13],
    ] as const) {
      const runner = createProjectionRunner({
        db: stores.db,
        eventStore: store,
        batchSize,
        projection: streamCountProjection({ name }),
      });
      await runner.catchUp();
    }
    const plain = await schemaSnapshot(stores.db, 'plain_streams');
    expect(plain.stream_counts?.length).toBeGreaterThan(10);
    expect(await schemaSnapshot(stores.db, 'twice_streams')).toEqual(plain);
    // The whole log delivered once more, from the start, whatever the checkpoint says.
    let replayed = false;
    const fromStart: EventStore = {
      ...stores.store,
      readAll: (options) => {
        if (replayed) return stores.store.readAll(options);
        replayed = true;
        return stores.store.readAll({ after: logStart });
      },
    };
    await createProjectionRunner({
      db: stores.db,
      eventStore: fromStart,
      projection: streamCountProjection({ name: 'twice_streams' }),
    }).catchUp();
    expect(replayed).toBe(true);
    expect(await schemaSnapshot(stores.db, 'twice_streams')).toEqual(plain);
  });

  it('follows the log live, batching what arrived, until stopped', async () => {
    let seed = 11;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const runner = createProjectionRunner({
      db: stores.db,
      eventStore: redeliveringStore(stores.store, random, 0.3),
      projection: streamCountProjection({ name: 'live_streams' }),
      batchSize: 40,
    });
    const stop = new AbortController();
    const running = runner.run(stop.signal);
    const log = await appendSample('live', 150);
    const head = log.at(-1)?.position ?? logStart;
    await waitUntil(async () => {
      const position = (await loadCheckpoint(stores.db, 'live_streams'))?.position;
      return position !== undefined && comparePositions(position, head) >= 0;
    });
    stop.abort();
    await running;
    expect(runner.status().state).toBe('stopped');
    await createProjectionRunner({
      db: stores.db,
      eventStore: stores.store,
      projection: streamCountProjection({ name: 'live_reference' }),
    }).catchUp();
    expect(await schemaSnapshot(stores.db, 'live_streams')).toEqual(
      await schemaSnapshot(stores.db, 'live_reference'),
    );
  });

  it('refuses a projection whose name cannot be a schema', async () => {
    const runner = createProjectionRunner({
      db: stores.db,
      eventStore: stores.store,
      projection: categoryCountProjection({ name: 'Bad-Name' }),
    });
    await expect(runner.catchUp()).rejects.toMatchObject({ code: 'InvalidProjection' });
  });
});
