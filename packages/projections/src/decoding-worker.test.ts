import { isEventStoreError, logStart, type RecordedEvent } from '@crm/event-store';
import { useTestDatabase } from '@crm/test-database/vitest';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDecodingWorker } from './decoding-worker.ts';
import type { FixtureData } from './decoding-worker-fixture/worker.ts';
import { decodeRecordedEvent } from './event-decoder.ts';
import { isProjectionRuntimeError } from './projection-runtime-error.ts';
import { rebuildProjectionsTogether } from './rebuild-together.ts';
import { openTestStores, type TestStores } from './test-support.ts';
import {
  appendStreamHistories,
  categoryCountProjection,
  sampleStreamHistories,
  schemaSnapshot,
  streamCountProjection,
} from './testing/index.ts';

const database = await useTestDatabase('decoding_worker');
let stores: TestStores;
let log: ReadonlyArray<RecordedEvent>;

const script = new URL('./decoding-worker-fixture/worker.mjs', import.meta.url);
const start = (unavailableEventId?: string, storeDown = false) =>
  startDecodingWorker({
    script,
    workerData: { url: database.url, unavailableEventId, storeDown } satisfies FixtureData,
  });

beforeAll(async () => {
  stores = await openTestStores(database.url, 12);
  await appendStreamHistories(stores.store, sampleStreamHistories('w1', 150));
  log = await stores.store.readAll();
});
afterAll(async () => {
  await stores.close();
});

describe('a decoding worker', () => {
  it('reads and decodes pages as this thread would, the events without their data', async () => {
    const worker = start();
    try {
      const page = await worker.pages(logStart, 40, undefined);
      const here = log.slice(0, 40);
      expect(page.events).toEqual(here.map((event) => ({ ...event, data: null })));
      expect(page.decoded).toEqual(here.map((event) => decodeRecordedEvent(event)));
      const filtered = await worker.pages(logStart, 1000, { eventTypes: ['CustomerRegistered'] });
      expect(filtered.events.map((event) => event.eventId)).toEqual(
        log.filter((event) => event.type === 'CustomerRegistered').map((event) => event.eventId),
      );
    } finally {
      await worker.close();
    }
  });

  it('leaves the last share of each page to this thread, decoded by its own decoder', async () => {
    const calls: string[] = [];
    const worker = startDecodingWorker({
      script,
      workerData: { url: database.url, unavailableEventId: undefined } satisfies FixtureData,
      decodeHere: {
        share: 0.25,
        decode: async (event) => {
          calls.push(event.eventId);
          return decodeRecordedEvent(event);
        },
      },
    });
    try {
      const page = await worker.pages(logStart, 40, undefined);
      const here = log.slice(0, 40);
      expect(page.decoded).toEqual(here.map((event) => decodeRecordedEvent(event)));
      // The worker decodes the first 30 (their data stays behind); this thread the last 10.
      expect(calls).toEqual(here.slice(30).map((event) => event.eventId));
      expect(page.events.slice(0, 30)).toEqual(
        here.slice(0, 30).map((event) => ({ ...event, data: null })),
      );
      expect(page.events.slice(30)).toEqual(here.slice(30));
    } finally {
      await worker.close();
    }
  });

  it('sends a failed decoding back as an error that keeps its name, code and field', async () => {
    const unavailable = log[3] as RecordedEvent;
    const broken = log[5] as RecordedEvent;
    // One stored event made undecodable in place: its payload loses a required field.
    await sql`UPDATE es_events SET data = data - 'at' WHERE event_id = ${broken.eventId}::uuid`.execute(
      stores.db,
    );
    const worker = start(unavailable.eventId);
    try {
      const { decoded } = await worker.pages(logStart, 10, undefined);
      const transient = decoded[3];
      expect(isProjectionRuntimeError(transient, 'Unavailable')).toBe(true);
      expect(decoded[5]).toBeInstanceOf(Error);
      expect(decoded[5]).toMatchObject({ name: 'InvalidInput', field: 'event.data.at' });
      expect(decoded[4]).not.toBeInstanceOf(Error);
    } finally {
      await worker.close();
      await sql`UPDATE es_events SET data = ${JSON.stringify(broken.data)}::jsonb WHERE event_id = ${broken.eventId}::uuid`.execute(
        stores.db,
      );
    }
  });

  it('feeds a joint rebuild to the same tables as decoding in this thread', async () => {
    const worker = start();
    try {
      await rebuildProjectionsTogether({
        eventStore: stores.store,
        batchSize: 33,
        pages: worker.pages,
        members: [
          { db: stores.db, projection: categoryCountProjection({ name: 'worker_categories' }) },
          { db: stores.db, projection: streamCountProjection({ name: 'worker_streams' }) },
        ],
      });
    } finally {
      await worker.close();
    }
    await rebuildProjectionsTogether({
      eventStore: stores.store,
      members: [
        { db: stores.db, projection: categoryCountProjection({ name: 'thread_categories' }) },
        { db: stores.db, projection: streamCountProjection({ name: 'thread_streams' }) },
      ],
    });
    expect(await schemaSnapshot(stores.db, 'worker_categories')).toEqual(
      await schemaSnapshot(stores.db, 'thread_categories'),
    );
    expect(await schemaSnapshot(stores.db, 'worker_streams')).toEqual(
      await schemaSnapshot(stores.db, 'thread_streams'),
    );
  });

  it('passes a store outage on as the error of the store', async () => {
    const worker = start(undefined, true);
    try {
      const failure = await worker.pages(logStart, 10, undefined).catch((error: unknown) => error);
      expect(isEventStoreError(failure, 'Unavailable')).toBe(true);
    } finally {
      await worker.close();
    }
  });

  it('refuses pages once closed', async () => {
    const worker = start();
    await worker.close();
    await expect(worker.pages(logStart, 10, undefined)).rejects.toMatchObject({
      code: 'Unavailable',
    });
  });
});
