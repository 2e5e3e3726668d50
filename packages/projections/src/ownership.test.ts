import { comparePositions, logStart } from '@crm/event-store';
import { useTestDatabase } from '@crm/test-database/vitest';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBatch } from './apply-batch.ts';
import { loadCheckpoint } from './checkpoints.ts';
import { decodeRecordedEvent } from './event-decoder.ts';
import { ownerPidOf } from './ownership.ts';
import { createProjectionHost, type ProjectionHost } from './projection-host.ts';
import { createProjectionRunner } from './projection-runner.ts';
import { openTestStores, type TestStores, waitUntil } from './test-support.ts';
import {
  appendStreamHistories,
  categoryCountProjection,
  readRunLog,
  runLogViolations,
  sampleStreamHistories,
  schemaSnapshot,
  streamCountProjection,
  withRunLog,
} from './testing/index.ts';

const database = await useTestDatabase('ownership');
let first: TestStores;
let second: TestStores;

beforeAll(async () => {
  first = await openTestStores(database.url);
  second = await openTestStores(database.url);
});
afterAll(async () => {
  await first.close();
  await second.close();
});

const names = ['owned_categories', 'owned_streams'] as const;
const hostOn = (stores: TestStores, instanceId: string): ProjectionHost =>
  createProjectionHost({
    db: stores.db,
    eventStore: stores.store,
    instanceId,
    projections: [
      withRunLog(categoryCountProjection({ name: names[0] })),
      withRunLog(streamCountProjection({ name: names[1] })),
    ],
    ownership: { acquireIntervalMs: 100, heartbeatMs: 100, retryDelayMs: 300 },
  });

const owns = (host: ProjectionHost, name: string): boolean =>
  host.statuses().some((status) => status.name === name && status.owned);

describe('ownership', () => {
  it('gives each projection one owner at a time, and another takes over when it goes', async () => {
    const a = hostOn(first, 'instance-a');
    const b = hostOn(second, 'instance-b');
    const stopA = new AbortController();
    const stopB = new AbortController();
    const runningA = a.run(stopA.signal);
    await waitUntil(() => names.every((name) => owns(a, name)), 10_000, 'a to own both');
    const runningB = b.run(stopB.signal);
    await appendStreamHistories(first.store, sampleStreamHistories('o1', 200));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(names.filter((name) => owns(b, name))).toEqual([]);
    expect((await loadCheckpoint(first.db, names[0]))?.owner).toBe('instance-a');

    // The owner's connection dies (as when its process is killed): the server frees the lock.
    const pid = await ownerPidOf(first.db, names[0]);
    const killedAt = Date.now();
    await sql`SELECT pg_terminate_backend(${pid}::int)`.execute(first.db);
    await waitUntil(() => owns(b, names[0]), 10_000, 'b to take over');
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThan(5_000);
    await waitUntil(
      async () => (await loadCheckpoint(first.db, names[0]))?.owner === 'instance-b',
      5_000,
      'the checkpoint row to name b',
    );

    // A clean shutdown hands over the rest.
    stopA.abort();
    await runningA;
    await waitUntil(() => owns(b, names[1]), 10_000, 'b to take the rest');
    await appendStreamHistories(second.store, sampleStreamHistories('o2', 200, 7));
    const head = (await first.store.readAll()).at(-1)?.position ?? logStart;
    for (const name of names) {
      await waitUntil(async () => {
        const position = (await loadCheckpoint(first.db, name))?.position;
        return position !== undefined && comparePositions(position, head) >= 0;
      });
    }
    stopB.abort();
    await runningB;
    // Each batch was applied by the session holding the lock: sessions follow each other.
    for (const name of names) {
      const log = await readRunLog(first.db, name);
      expect(runLogViolations(log)).toEqual([]);
      expect(new Set(log.map((entry) => entry.session)).size).toBeGreaterThanOrEqual(2);
    }

    // Handed over twice, yet every event counted once.
    for (const [name, projection] of [
      ['reference_categories', categoryCountProjection({ name: 'reference_categories' })],
      ['reference_streams', streamCountProjection({ name: 'reference_streams' })],
    ] as const) {
      await createProjectionRunner({ db: first.db, eventStore: first.store, projection }).catchUp();
      expect(await schemaSnapshot(first.db, name.replace('reference', 'owned'))).toEqual(
        await schemaSnapshot(first.db, name),
      );
    }
  });

  it('refuses a batch whose checkpoint another writer moved', async () => {
    const projection = categoryCountProjection({ name: 'fenced_counts' });
    await createProjectionRunner({ db: first.db, eventStore: first.store, projection }).catchUp();
    const [event] = await first.store.readAll({ maxCount: 1 });
    if (event === undefined) throw new Error('empty log');
    const stale = applyBatch(
      first.db,
      projection,
      { schema: 'fenced_counts', checkpoint: 'checkpoints' },
      [await decodeRecordedEvent(event)],
      logStart,
    );
    await expect(stale).rejects.toMatchObject({ code: 'CheckpointMoved' });
  });
});
