import { expect } from 'vitest';
import type { AppendResult, EventStore, NewEvent } from '../event-store.ts';
import { comparePositions, type LogPosition } from '../position.ts';
import {
  expectIncreasingPositions,
  expectStoreError,
  idsOf,
  readAllPaged,
  SubscriptionReader,
} from './fixtures.ts';
import type { ModelEvent, ReferenceModel } from './reference-model.ts';

/** A batch the store accepted as new: re-sending it must report `result` again. */
export interface SentBatch {
  readonly streamName: string;
  readonly events: ReadonlyArray<NewEvent>;
  readonly result: AppendResult;
}

const view = (events: ReadonlyArray<ModelEvent>) =>
  events.map(({ streamName, revision, eventId, type, data }) => ({
    streamName,
    revision,
    eventId,
    type,
    data,
  }));

/** Reads everything back every way the port allows and compares it with the model. */
export const expectStoreMatchesModel = async (
  store: EventStore,
  model: ReferenceModel,
  run: {
    readonly streams: ReadonlyArray<string>;
    readonly categories: readonly [string, string];
    readonly types: readonly [string, string];
    readonly start: LogPosition;
    readonly sent: ReadonlyArray<SentBatch>;
    readonly pageSize: number;
  },
): Promise<void> => {
  for (const streamName of run.streams) {
    if (model.isDeleted(streamName)) {
      await expectStoreError(store.readStream(streamName), 'StreamDeleted');
      continue;
    }
    const read = await store.readStream(streamName);
    expect(view(read)).toEqual(view(model.stream(streamName)));
    expectIncreasingPositions(read);
    const backwards = await store.readStream(streamName, { direction: 'backwards' });
    expect(idsOf(backwards)).toEqual(idsOf(read).reverse());
    for (const batch of run.sent.filter((b) => b.streamName === streamName)) {
      const last = read[batch.result.nextExpectedRevision];
      expect(
        last !== undefined && comparePositions(last.position, batch.result.position) === 0,
      ).toBe(true);
    }
  }

  const filter = { streamCategories: [...run.categories] };
  const all = await store.readAll({ after: run.start, filter });
  expect(view(all)).toEqual(view(model.log));
  expectIncreasingPositions(all);

  const paged = await readAllPaged(store, run.start, filter, run.pageSize);
  expect(idsOf(paged)).toEqual(idsOf(model.log));

  const [alpha, beta] = run.categories;
  const betaOnly = await store.readAll({ after: run.start, filter: { streamCategories: [beta] } });
  expect(idsOf(betaOnly)).toEqual(
    idsOf(model.log.filter((e) => e.streamName.startsWith(`${beta}-`))),
  );
  const typed = await store.readAll({
    after: run.start,
    filter: { streamCategories: [alpha], eventTypes: [run.types[0]] },
  });
  expect(idsOf(typed)).toEqual(
    idsOf(model.log.filter((e) => e.streamName.startsWith(`${alpha}-`) && e.type === run.types[0])),
  );

  if (model.log.length > 0) {
    const reader = new SubscriptionReader(store.subscribeToAll({ after: run.start, filter }));
    try {
      expect(idsOf(await reader.take(model.log.length))).toEqual(idsOf(model.log));
    } finally {
      await reader.subscription.stop();
    }
  }
};
