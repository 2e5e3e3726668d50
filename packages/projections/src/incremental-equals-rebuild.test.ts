import { useTestDatabase } from '@crm/test-database/vitest';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectionRunner } from './projection-runner.ts';
import { dropSchema } from './projection-schema.ts';
import { openTestStores, redeliveringStore, type TestStores } from './test-support.ts';
import {
  appendStreamHistories,
  type StreamHistory,
  schemaSnapshot,
  streamCountProjection,
  streamHistoriesArbitrary,
} from './testing/index.ts';

const database = await useTestDatabase('properties');
let stores: TestStores;

beforeAll(async () => {
  stores = await openTestStores(database.url);
});
afterAll(async () => {
  await stores.close();
});

const seeded = (seed: number): (() => number) => {
  let state = seed % 2147483646 || 1;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
};

/** The streams of one run, renamed so that no two runs share a stream. */
const forRun = (histories: ReadonlyArray<StreamHistory>, run: number): StreamHistory[] =>
  histories.map((history) => ({
    ...history,
    streamName: history.streamName.replace('-', `-run${run}`),
  }));

describe('any valid history', () => {
  it('projects incrementally, with redeliveries, to what a rebuild from zero gives', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        streamHistoriesArbitrary('s', { maxStreams: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        async (drawn, parts, batchSize, seed) => {
          run += 1;
          const histories = forRun(drawn, run);
          const incremental = `incremental_${run}`;
          const rebuilt = `rebuilt_${run}`;
          const random = seeded(seed);
          const runner = createProjectionRunner({
            db: stores.db,
            eventStore: redeliveringStore(stores.store, random, 0.25),
            projection: streamCountProjection({ name: incremental }),
            batchSize,
          });
          // The log grows in parts, and the projection catches up after each.
          const size = Math.ceil(histories.length / parts);
          for (let from = 0; from < histories.length; from += size) {
            await appendStreamHistories(stores.store, histories.slice(from, from + size));
            await runner.catchUp();
          }
          await runner.catchUp();
          const fromZero = createProjectionRunner({
            db: stores.db,
            eventStore: stores.store,
            projection: streamCountProjection({ name: rebuilt }),
          });
          expect(await fromZero.rebuild()).toBe(true);
          const expected = await schemaSnapshot(stores.db, rebuilt);
          expect(await schemaSnapshot(stores.db, incremental)).toEqual(expected);

          // Any one event of the log delivered once more changes nothing either.
          const log = await stores.store.readAll();
          const again = log[Math.floor(random() * log.length)];
          await createProjectionRunner({
            db: stores.db,
            eventStore: {
              ...stores.store,
              readAll: async (options) => [
                ...(again === undefined ? [] : [again]),
                ...(await stores.store.readAll(options)),
              ],
            },
            projection: streamCountProjection({ name: incremental }),
          }).catchUp();
          expect(await schemaSnapshot(stores.db, incremental)).toEqual(expected);
          await dropSchema(stores.db, incremental);
          await dropSchema(stores.db, rebuilt);
        },
      ),
      { numRuns: 15 },
    );
  });
});
