import type { RecordedEvent } from '@crm/event-store';
import { useTestDatabase } from '@crm/test-database/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint, loadRebuild } from './checkpoints.ts';
import { ProjectionPoisoned } from './projection-poisoned.ts';
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

const database = await useTestDatabase('rebuild_together');
let stores: TestStores;

beforeAll(async () => {
  stores = await openTestStores(database.url, 12);
  await appendStreamHistories(stores.store, sampleStreamHistories('t1', 400));
  for (const projection of [
    categoryCountProjection({ name: 'reference_categories' }),
    streamCountProjection({ name: 'reference_streams' }),
  ]) {
    await createProjectionRunner({ db: stores.db, eventStore: stores.store, projection }).catchUp();
  }
});
afterAll(async () => {
  await stores.close();
});

describe('rebuilding projections together', () => {
  it('gives each what its own rebuild gives, decoding every event once', async () => {
    const { decode, counts } = countingDecoder();
    const outcomes = await rebuildProjectionsTogether({
      eventStore: stores.store,
      decode,
      batchSize: 97,
      members: [
        { db: stores.db, projection: categoryCountProjection({ name: 'joint_categories' }) },
        { db: stores.db, projection: streamCountProjection({ name: 'joint_streams' }) },
      ],
    });
    const log = await stores.store.readAll();
    expect(outcomes).toEqual([
      { projection: 'joint_categories', outcome: 'swapped', events: log.length },
      { projection: 'joint_streams', outcome: 'swapped', events: log.length },
    ]);
    expect(await schemaSnapshot(stores.db, 'joint_categories')).toEqual(
      await schemaSnapshot(stores.db, 'reference_categories'),
    );
    expect(await schemaSnapshot(stores.db, 'joint_streams')).toEqual(
      await schemaSnapshot(stores.db, 'reference_streams'),
    );
    expect(counts.size).toBe(log.length);
    expect([...counts.values()].every((times) => times === 1)).toBe(true);
    // The live checkpoints are where the rebuilds got; no scratch state is left behind.
    const head = log.at(-1)?.position;
    expect((await loadCheckpoint(stores.db, 'joint_streams'))?.position).toEqual(head);
    expect(await loadRebuild(stores.db, 'joint_streams')).toBeUndefined();
  });

  it('resumes after an interruption, each member from its own checkpoint', async () => {
    const stop = new AbortController();
    const { decode } = countingDecoder();
    let pages = 0;
    const interrupted = await rebuildProjectionsTogether(
      {
        eventStore: stores.store,
        decode,
        batchSize: 50,
        members: [
          { db: stores.db, projection: categoryCountProjection({ name: 'resumed_categories' }) },
          { db: stores.db, projection: streamCountProjection({ name: 'resumed_streams' }) },
        ],
        onProgress: () => {
          pages += 1;
          if (pages === 6) stop.abort();
        },
      },
      stop.signal,
    );
    expect(interrupted.map((outcome) => outcome.outcome)).toEqual(['interrupted', 'interrupted']);
    const partial = await loadRebuild(stores.db, 'resumed_categories');
    expect(partial?.eventsApplied).toBeGreaterThan(0);
    const log = await stores.store.readAll();
    expect(partial?.eventsApplied).toBeLessThan(log.length);

    const resumed = await rebuildProjectionsTogether({
      eventStore: stores.store,
      batchSize: 50,
      members: [
        { db: stores.db, projection: categoryCountProjection({ name: 'resumed_categories' }) },
        { db: stores.db, projection: streamCountProjection({ name: 'resumed_streams' }) },
      ],
    });
    expect(resumed.map((outcome) => outcome.outcome)).toEqual(['swapped', 'swapped']);
    expect(await schemaSnapshot(stores.db, 'resumed_categories')).toEqual(
      await schemaSnapshot(stores.db, 'reference_categories'),
    );
    expect(await schemaSnapshot(stores.db, 'resumed_streams')).toEqual(
      await schemaSnapshot(stores.db, 'reference_streams'),
    );
  });

  it('stops only the member that meets a poison event; the others swap in', async () => {
    const log = await stores.store.readAll();
    const poison = log[Math.floor(log.length / 3)] as RecordedEvent;
    const outcomes = await rebuildProjectionsTogether({
      eventStore: stores.store,
      batchSize: 64,
      members: [
        {
          db: stores.db,
          projection: categoryCountProjection({
            name: 'poisoned_joint',
            poison: (event) => event.metadata.eventId === poison.eventId,
          }),
        },
        { db: stores.db, projection: streamCountProjection({ name: 'healthy_joint' }) },
      ],
    });
    const [poisoned, healthy] = outcomes;
    expect(poisoned?.outcome).toBe('poisoned');
    const failure = poisoned?.outcome === 'poisoned' ? poisoned.error : undefined;
    expect(failure).toBeInstanceOf(ProjectionPoisoned);
    expect(failure?.details).toMatchObject({
      projection: 'poisoned_joint',
      phase: 'rebuild',
      eventId: poison.eventId,
    });
    expect(healthy).toEqual({
      projection: 'healthy_joint',
      outcome: 'swapped',
      events: log.length,
    });
    expect(await schemaSnapshot(stores.db, 'healthy_joint')).toEqual(
      await schemaSnapshot(stores.db, 'reference_streams'),
    );
    // The poisoned copy was not swapped in; its scratch checkpoint stops just before the poison.
    expect(await loadCheckpoint(stores.db, 'poisoned_joint')).toBeUndefined();
    const scratch = await loadRebuild(stores.db, 'poisoned_joint');
    expect(scratch?.eventsApplied).toBe(log.indexOf(poison));
  });
});
