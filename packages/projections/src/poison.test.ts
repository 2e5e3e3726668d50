import { comparePositions, logStart, positionToString, type RecordedEvent } from '@crm/event-store';
import { useTestDatabase } from '@crm/test-database/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint } from './checkpoints.ts';
import { createProjectionHost } from './projection-host.ts';
import { isProjectionPoisoned, ProjectionPoisoned } from './projection-poisoned.ts';
import { createProjectionRunner } from './projection-runner.ts';
import {
  categoryCounts,
  expectedCounts,
  openTestStores,
  type TestStores,
  waitUntil,
} from './test-support.ts';
import {
  appendStreamHistories,
  categoryCountProjection,
  sampleStreamHistories,
  toNewEvent,
} from './testing/index.ts';

const database = await useTestDatabase('poison');
let stores: TestStores;

beforeAll(async () => {
  stores = await openTestStores(database.url);
});
afterAll(async () => {
  await stores.close();
});

const before = (log: ReadonlyArray<RecordedEvent>, event: RecordedEvent) =>
  log.filter((other) => comparePositions(other.position, event.position) < 0);

const reached = async (name: string, event: RecordedEvent | undefined): Promise<boolean> => {
  const position = (await loadCheckpoint(stores.db, name))?.position;
  return position !== undefined && comparePositions(position, event?.position ?? logStart) >= 0;
};

describe('a poison event', () => {
  it('stops its projection with a typed error naming the event; nothing is skipped', async () => {
    await appendStreamHistories(stores.store, sampleStreamHistories('p1', 200));
    const log = await stores.store.readAll();
    const poison = log[Math.floor(log.length / 2)] as RecordedEvent;
    const runner = createProjectionRunner({
      db: stores.db,
      eventStore: stores.store,
      batchSize: 64,
      projection: categoryCountProjection({
        name: 'poisoned_counts',
        poison: (event) => event.metadata.eventId === poison.eventId,
      }),
    });
    const failure = await runner.catchUp().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProjectionPoisoned);
    const details = {
      projection: 'poisoned_counts',
      phase: 'live',
      eventId: poison.eventId,
      eventType: poison.type,
      streamName: poison.streamName,
      revision: poison.revision,
      position: positionToString(poison.position),
      cause: {
        name: 'TypeError',
        message: `test projection cannot apply ${poison.type} of ${poison.streamName}`,
      },
    };
    expect(isProjectionPoisoned(failure) && failure.details).toEqual(details);
    expect(String(failure)).toContain(poison.eventId);
    // Every event before the poison one is applied, none after; the row names the poison.
    const applied = before(log, poison);
    expect(await loadCheckpoint(stores.db, 'poisoned_counts')).toMatchObject({
      status: 'poisoned',
      error: details,
      position: applied.at(-1)?.position,
      eventsApplied: applied.length,
    });
    expect(await categoryCounts(stores.db, 'poisoned_counts')).toEqual(
      expectedCounts(applied).categories,
    );
    expect(runner.status()).toMatchObject({ state: 'poisoned', poison: details });
    // Once the projection is fixed, it goes on from the poison event itself.
    await createProjectionRunner({
      db: stores.db,
      eventStore: stores.store,
      projection: categoryCountProjection({ name: 'poisoned_counts' }),
    }).catchUp();
    expect(await categoryCounts(stores.db, 'poisoned_counts')).toEqual(
      expectedCounts(log).categories,
    );
    expect(await loadCheckpoint(stores.db, 'poisoned_counts')).toMatchObject({
      status: 'running',
      error: null,
      eventsApplied: log.length,
    });
  });

  it('stops only its own projection in a host; the others go on', async () => {
    const poisonType = 'CustomerTagged';
    const host = createProjectionHost({
      db: stores.db,
      eventStore: stores.store,
      projections: [
        categoryCountProjection({ name: 'host_healthy' }),
        categoryCountProjection({
          name: 'host_poisoned',
          poison: (event) => event.event.type === poisonType,
        }),
      ],
      ownership: { acquireIntervalMs: 100, heartbeatMs: 200 },
    });
    const stop = new AbortController();
    const running = host.run(stop.signal);
    await appendStreamHistories(stores.store, sampleStreamHistories('p2', 300, 3));
    const first = await stores.store.readAll();
    const poison = first.find((event) => event.type === poisonType);
    expect(poison).toBeDefined();
    await waitUntil(() => reached('host_healthy', first.at(-1)), 20_000, 'the healthy projection');
    await waitUntil(
      async () => (await loadCheckpoint(stores.db, 'host_poisoned'))?.status === 'poisoned',
      20_000,
      'the poison',
    );
    // More events: the healthy one keeps up, the poisoned one stays where it stopped.
    await appendStreamHistories(stores.store, sampleStreamHistories('p3', 100, 4));
    const second = await stores.store.readAll();
    await waitUntil(() => reached('host_healthy', second.at(-1)), 20_000, 'the healthy projection');
    const stuck = await loadCheckpoint(stores.db, 'host_poisoned');
    expect(stuck?.error).toMatchObject({ eventId: poison?.eventId, eventType: poisonType });
    expect(stuck?.position).toEqual(before(first, poison as RecordedEvent).at(-1)?.position);
    expect(await categoryCounts(stores.db, 'host_healthy')).toEqual(
      expectedCounts(second).categories,
    );
    const statuses = host.statuses();
    expect(statuses.find((s) => s.name === 'host_poisoned')).toMatchObject({
      owned: true,
      state: 'poisoned',
    });
    expect(statuses.find((s) => s.name === 'host_healthy')).toMatchObject({
      owned: true,
      state: 'running',
    });
    const lag = await host.lag();
    expect(lag.find((l) => l.name === 'host_healthy')?.behind).toBe(0);
    expect(lag.find((l) => l.name === 'host_poisoned')?.behind).toBeGreaterThan(0);
    stop.abort();
    await running;
    expect((await loadCheckpoint(stores.db, 'host_healthy'))?.status).toBe('stopped');
    expect((await loadCheckpoint(stores.db, 'host_poisoned'))?.status).toBe('poisoned');
  });

  it('is also an event that does not decode, named with the field', async () => {
    const bad = toNewEvent(
      {
        type: 'CustomerRegistered',
        version: 2,
        data: { customerId: 'c-bad' },
      } as never,
      0,
    );
    await stores.store.append('customer-bad', [bad]);
    const failure = await createProjectionRunner({
      db: stores.db,
      eventStore: stores.store,
      projection: categoryCountProjection({ name: 'decode_counts' }),
    })
      .catchUp()
      .catch((error: unknown) => error);
    expect(isProjectionPoisoned(failure) && failure.details).toMatchObject({
      eventId: bad.eventId,
      eventType: 'CustomerRegistered',
      streamName: 'customer-bad',
      cause: { name: 'InvalidInput' },
    });
  });
});
