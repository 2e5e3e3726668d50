import { describe, expect, it } from 'vitest';
import type { ContractContext } from './contract-options.ts';
import { checkpoint, expectStoreError, idsOf, newEvent, newEvents, testScope } from './fixtures.ts';

export const deleteStreamSuite = ({ store }: ContractContext): void => {
  describe('deleteStream', () => {
    it('makes later reads and appends fail with StreamDeleted, whatever the expected revision', async () => {
      const stream = testScope().stream('lead');
      const written = newEvents(2);
      await store().append(stream, written);
      await store().deleteStream(stream);
      await expectStoreError(store().readStream(stream), 'StreamDeleted', { streamName: stream });
      await expectStoreError(
        store().readStream(stream, { direction: 'backwards' }),
        'StreamDeleted',
      );
      for (const expectedRevision of ['any', 'no_stream', 'stream_exists', 1, 2] as const) {
        await expectStoreError(
          store().append(stream, [newEvent()], { expectedRevision }),
          'StreamDeleted',
          { streamName: stream },
        );
      }
      // Even a re-sent batch: the stream is gone, its history is not a result to report.
      await expectStoreError(store().append(stream, written), 'StreamDeleted');
    });

    it('keeps the deleted stream’s events in the global log', async () => {
      const scope = testScope();
      const stream = scope.stream('lead');
      const start = await checkpoint(store());
      const written = newEvents(3);
      await store().append(stream, written);
      await store().deleteStream(stream);
      const read = await store().readAll({
        after: start,
        filter: { streamCategories: [scope.category('lead')] },
      });
      expect(idsOf(read)).toEqual(idsOf(written));
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
    });

    it('cannot delete a deleted stream again', async () => {
      const stream = testScope().stream('lead');
      await store().append(stream, newEvents(1));
      await store().deleteStream(stream);
      await expectStoreError(store().deleteStream(stream), 'StreamDeleted');
    });

    it('deletes at the expected revision, and refuses a wrong one leaving the stream intact', async () => {
      const scope = testScope();
      const [kept, gone] = [scope.stream('lead', 'kept'), scope.stream('lead', 'gone')];
      await store().append(kept, newEvents(3));
      await store().append(gone, newEvents(2));
      await expectStoreError(
        store().deleteStream(kept, { expectedRevision: 1 }),
        'WrongExpectedRevision',
        {
          streamName: kept,
          expected: 1,
          actual: 2,
        },
      );
      await expectStoreError(
        store().deleteStream(kept, { expectedRevision: 'no_stream' }),
        'WrongExpectedRevision',
        {
          expected: 'no_stream',
          actual: 2,
        },
      );
      expect(await store().readStream(kept)).toHaveLength(3);
      await store().deleteStream(gone, { expectedRevision: 1 });
      await expectStoreError(store().readStream(gone), 'StreamDeleted');
      // Other streams of the category are untouched.
      expect(await store().readStream(kept)).toHaveLength(3);
      expect(
        (await store().append(kept, newEvents(1), { expectedRevision: 2 })).nextExpectedRevision,
      ).toBe(3);
    });

    it('deletes with stream_exists when the stream has events', async () => {
      const stream = testScope().stream('lead');
      await store().append(stream, newEvents(1));
      await store().deleteStream(stream, { expectedRevision: 'stream_exists' });
      await expectStoreError(store().readStream(stream), 'StreamDeleted');
    });

    it('refuses bad arguments naming the field', async () => {
      const stream = testScope().stream('lead');
      await store().append(stream, newEvents(1));
      await expectStoreError(store().deleteStream('lead'), 'InvalidInput', { field: 'streamName' });
      await expectStoreError(
        store().deleteStream(stream, { expectedRevision: -2 }),
        'InvalidInput',
        {
          field: 'expectedRevision',
        },
      );
      expect(await store().readStream(stream)).toHaveLength(1);
    });
  });
};
