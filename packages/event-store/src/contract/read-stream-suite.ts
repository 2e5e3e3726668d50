import { describe, expect, it } from 'vitest';
import type { ReadStreamOptions } from '../event-store.ts';
import type { ContractContext } from './contract-options.ts';
import { expectIncreasingPositions, expectStoreError, newEvents, testScope } from './fixtures.ts';

/** Reading a five-event stream (revisions 0–4) with these options gives these revisions. */
const readCases: ReadonlyArray<{
  readonly options: ReadStreamOptions;
  readonly revisions: number[];
}> = [
  { options: {}, revisions: [0, 1, 2, 3, 4] },
  { options: { direction: 'forwards' }, revisions: [0, 1, 2, 3, 4] },
  { options: { fromRevision: 'start' }, revisions: [0, 1, 2, 3, 4] },
  { options: { fromRevision: 2 }, revisions: [2, 3, 4] },
  { options: { fromRevision: 4 }, revisions: [4] },
  { options: { fromRevision: 5 }, revisions: [] },
  { options: { fromRevision: 'end' }, revisions: [] },
  { options: { maxCount: 2 }, revisions: [0, 1] },
  { options: { fromRevision: 1, maxCount: 3 }, revisions: [1, 2, 3] },
  { options: { fromRevision: 3, maxCount: 10 }, revisions: [3, 4] },
  { options: { direction: 'backwards' }, revisions: [4, 3, 2, 1, 0] },
  { options: { direction: 'backwards', fromRevision: 'end' }, revisions: [4, 3, 2, 1, 0] },
  { options: { direction: 'backwards', fromRevision: 2 }, revisions: [2, 1, 0] },
  { options: { direction: 'backwards', fromRevision: 0 }, revisions: [0] },
  { options: { direction: 'backwards', fromRevision: 'start' }, revisions: [0] },
  { options: { direction: 'backwards', fromRevision: 9 }, revisions: [4, 3, 2, 1, 0] },
  { options: { direction: 'backwards', maxCount: 1 }, revisions: [4] },
  { options: { direction: 'backwards', fromRevision: 3, maxCount: 2 }, revisions: [3, 2] },
];

const badOptions: ReadonlyArray<{ readonly options: ReadStreamOptions; readonly field: string }> = [
  { options: { maxCount: 0 }, field: 'maxCount' },
  { options: { maxCount: -1 }, field: 'maxCount' },
  { options: { maxCount: 1.5 }, field: 'maxCount' },
  { options: { fromRevision: -1 }, field: 'fromRevision' },
  { options: { fromRevision: 0.5 }, field: 'fromRevision' },
  { options: { fromRevision: 'middle' as 'end' }, field: 'fromRevision' },
  { options: { direction: 'sideways' as 'forwards' }, field: 'direction' },
];

export const readStreamSuite = ({ store }: ContractContext): void => {
  describe('readStream', () => {
    it('reads a stream that does not exist as empty, forwards and backwards', async () => {
      const stream = testScope().stream('order', 'never');
      expect(await store().readStream(stream)).toEqual([]);
      expect(await store().readStream(stream, { direction: 'backwards' })).toEqual([]);
    });

    it('reads only its own stream, with increasing positions', async () => {
      const scope = testScope();
      const [a, b] = [scope.stream('order', 'a'), scope.stream('order', 'b')];
      await store().append(a, newEvents(2));
      await store().append(b, newEvents(1));
      await store().append(a, newEvents(2));
      const read = await store().readStream(a);
      expect(read.map((event) => [event.streamName, event.revision])).toEqual([
        [a, 0],
        [a, 1],
        [a, 2],
        [a, 3],
      ]);
      expectIncreasingPositions(read);
    });

    it.each(readCases)('reads %o', async ({ options, revisions }) => {
      const stream = testScope().stream('order');
      const written = newEvents(5);
      await store().append(stream, written);
      const read = await store().readStream(stream, options);
      expect(read.map((event) => event.revision)).toEqual(revisions);
      expect(read.map((event) => event.eventId)).toEqual(
        revisions.map((revision) => written[revision]?.eventId),
      );
    });

    it.each(badOptions)('refuses %o naming the field', async ({ options, field }) => {
      const stream = testScope().stream('order');
      await store().append(stream, newEvents(1));
      await expectStoreError(store().readStream(stream, options), 'InvalidInput', { field });
    });

    it('refuses an invalid stream name', async () => {
      await expectStoreError(store().readStream('no category'), 'InvalidInput', {
        field: 'streamName',
      });
    });
  });
};
