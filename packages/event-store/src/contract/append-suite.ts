import { describe, expect, it } from 'vitest';
import type { ExpectedRevision, NewEvent } from '../event-store.ts';
import { comparePositions } from '../position.ts';
import type { ContractContext } from './contract-options.ts';
import {
  checkpoint,
  expectIncreasingPositions,
  expectStoreError,
  idsOf,
  newEvent,
  newEvents,
  readAllAfter,
  testScope,
} from './fixtures.ts';

/** The stream's state before the append under test: missing, or holding this many events. */
type Given = 'missing' | 1 | 3;

const expectedRevisionCases: ReadonlyArray<{
  readonly given: Given;
  readonly expected: ExpectedRevision;
  readonly actual: number | 'no_stream';
  readonly holds: boolean;
}> = [
  { given: 'missing', expected: 'any', actual: 'no_stream', holds: true },
  { given: 3, expected: 'any', actual: 2, holds: true },
  { given: 'missing', expected: 'no_stream', actual: 'no_stream', holds: true },
  { given: 1, expected: 'no_stream', actual: 0, holds: false },
  { given: 3, expected: 'no_stream', actual: 2, holds: false },
  { given: 1, expected: 'stream_exists', actual: 0, holds: true },
  { given: 3, expected: 'stream_exists', actual: 2, holds: true },
  { given: 'missing', expected: 'stream_exists', actual: 'no_stream', holds: false },
  { given: 1, expected: 0, actual: 0, holds: true },
  { given: 3, expected: 2, actual: 2, holds: true },
  { given: 'missing', expected: 0, actual: 'no_stream', holds: false },
  { given: 3, expected: 1, actual: 2, holds: false },
  { given: 3, expected: 3, actual: 2, holds: false },
  { given: 1, expected: 5, actual: 0, holds: false },
];

export const appendSuite = ({ store }: ContractContext): void => {
  describe('append', () => {
    it('appends to a new stream from revision 0 and reports the last revision and position', async () => {
      const stream = testScope().stream('order');
      const batch = [
        newEvent('OrderPlaced', { total: 12, lines: [{ sku: 'a', qty: 1 }] }, { actor: 'u1' }),
        newEvent('OrderPaid', { amount: 12 }),
      ];
      const result = await store().append(stream, batch, { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(1);
      const read = await store().readStream(stream);
      expect(
        read.map(({ streamName, revision, eventId, type, data, metadata }) => ({
          streamName,
          revision,
          eventId,
          type,
          data,
          metadata,
        })),
      ).toEqual([
        {
          streamName: stream,
          revision: 0,
          eventId: batch[0]?.eventId,
          type: 'OrderPlaced',
          data: { total: 12, lines: [{ sku: 'a', qty: 1 }] },
          metadata: { actor: 'u1' },
        },
        {
          streamName: stream,
          revision: 1,
          eventId: batch[1]?.eventId,
          type: 'OrderPaid',
          data: { amount: 12 },
          metadata: {},
        },
      ]);
      expect(comparePositions(result.position, read[1]?.position ?? result.position)).toBe(0);
      expectIncreasingPositions(read);
      for (const event of read) {
        expect(event.recordedAt).toBeInstanceOf(Date);
        expect(Number.isNaN(event.recordedAt.getTime())).toBe(false);
      }
    });

    it('continues the stream on later appends, each at a later position', async () => {
      const stream = testScope().stream('order');
      const first = await store().append(stream, newEvents(2));
      const second = await store().append(stream, newEvents(3));
      const third = await store().append(stream, newEvents(1));
      expect([first, second, third].map((r) => r.nextExpectedRevision)).toEqual([1, 4, 5]);
      expect(comparePositions(first.position, second.position)).toBeLessThan(0);
      expect(comparePositions(second.position, third.position)).toBeLessThan(0);
      const read = await store().readStream(stream);
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(comparePositions(read[4]?.position ?? first.position, second.position)).toBe(0);
    });

    it('defaults the expected revision to any', async () => {
      const stream = testScope().stream('order');
      await store().append(stream, newEvents(1));
      expect((await store().append(stream, newEvents(1))).nextExpectedRevision).toBe(1);
    });

    it('round-trips every kind of JSON value and lower-cases event ids', async () => {
      const stream = testScope().stream('doc');
      const data = {
        nothing: null,
        yes: true,
        no: false,
        zero: 0,
        negative: -12.5,
        big: 1e21,
        text: 'héllo ✓ 😀 "quoted" \\ \n',
        empty: '',
        list: [1, 'two', [3], { four: 4 }, null],
        nested: { a: { b: { c: [] } } },
        'odd key': 1,
        emptyObject: {},
      };
      const upper = newEvent('Doc', data, { correlationId: 'c-1', tags: ['x'] });
      const withUpperId = { ...upper, eventId: upper.eventId.toUpperCase() };
      const scalars = [
        newEvent('Doc', null),
        newEvent('Doc', 'text'),
        newEvent('Doc', 42),
        newEvent('Doc', []),
      ];
      await store().append(stream, [withUpperId, ...scalars]);
      const read = await store().readStream(stream);
      expect(read.map((e) => e.eventId)).toEqual([upper.eventId.toLowerCase(), ...idsOf(scalars)]);
      expect(read.map((e) => e.data)).toEqual([data, null, 'text', 42, []]);
      expect(read[0]?.metadata).toEqual({ correlationId: 'c-1', tags: ['x'] });
    });

    it('accepts objects without a prototype as JSON objects', async () => {
      const stream = testScope().stream('doc');
      const data: Record<string, number> = Object.create(null) as Record<string, number>;
      data.total = 3;
      await store().append(stream, [newEvent('Doc', data)]);
      expect((await store().readStream(stream))[0]?.data).toEqual({ total: 3 });
    });

    describe('expected revision', () => {
      it.each(expectedRevisionCases)(
        'given $given event(s), expecting $expected: holds=$holds (actual $actual)',
        async ({ given, expected, actual, holds }) => {
          const scope = testScope();
          const stream = scope.stream('account');
          if (given !== 'missing') await store().append(stream, newEvents(given));
          const start = await checkpoint(store());
          const batch = newEvents(2);
          const attempt = store().append(stream, batch, { expectedRevision: expected });
          if (holds) {
            const result = await attempt;
            const base = given === 'missing' ? 0 : given;
            expect(result.nextExpectedRevision).toBe(base + 1);
            const read = await store().readStream(stream);
            expect(idsOf(read.slice(base))).toEqual(idsOf(batch));
          } else {
            await expectStoreError(attempt, 'WrongExpectedRevision', {
              streamName: stream,
              expected,
              actual,
            });
            // Nothing was written.
            const read = await readAllAfter(store(), start, {
              streamCategories: [scope.category('account')],
            });
            expect(read).toEqual([]);
            expect(await store().readStream(stream)).toHaveLength(given === 'missing' ? 0 : given);
          }
        },
      );
    });

    describe('idempotence', () => {
      it('re-sending a batch stores nothing and returns the original result', async () => {
        const stream = testScope().stream('cart');
        const batch = newEvents(3);
        const original = await store().append(stream, batch, { expectedRevision: 'no_stream' });
        const again = await store().append(stream, batch, { expectedRevision: 'no_stream' });
        expect(again.nextExpectedRevision).toBe(original.nextExpectedRevision);
        expect(comparePositions(again.position, original.position)).toBe(0);
        expect(idsOf(await store().readStream(stream))).toEqual(idsOf(batch));
      });

      it('returns the original result after other events were appended, whatever the expected revision', async () => {
        const stream = testScope().stream('cart');
        const first = newEvents(2);
        const original = await store().append(stream, first);
        const later = newEvents(2);
        await store().append(stream, later, { expectedRevision: 1 });
        for (const expectedRevision of ['any', 'no_stream', 'stream_exists', 1, 3, 7] as const) {
          const again = await store().append(stream, first, { expectedRevision });
          expect(again.nextExpectedRevision).toBe(1);
          expect(comparePositions(again.position, original.position)).toBe(0);
        }
        const middle = await store().append(stream, later, { expectedRevision: 'no_stream' });
        expect(middle.nextExpectedRevision).toBe(3);
        expect(idsOf(await store().readStream(stream))).toEqual(idsOf([...first, ...later]));
      });

      it('matches event ids case-insensitively', async () => {
        const stream = testScope().stream('cart');
        const batch = newEvents(2);
        const original = await store().append(stream, batch);
        const shouted = batch.map((event) => ({ ...event, eventId: event.eventId.toUpperCase() }));
        const again = await store().append(stream, shouted);
        expect(again.nextExpectedRevision).toBe(original.nextExpectedRevision);
        expect(await store().readStream(stream)).toHaveLength(2);
      });

      it('refuses a batch of which only some events are stored, naming the first stored one', async () => {
        const scope = testScope();
        const stream = scope.stream('cart');
        const stored = newEvents(2);
        await store().append(stream, stored);
        const start = await checkpoint(store());
        const mixed = [newEvent(), stored[1] as NewEvent, newEvent()];
        await expectStoreError(store().append(stream, mixed), 'InvalidInput', {
          field: 'events[1].eventId',
        });
        expect(idsOf(await store().readStream(stream))).toEqual(idsOf(stored));
        expect(
          await readAllAfter(store(), start, { streamCategories: [scope.category('cart')] }),
        ).toEqual([]);
      });
    });
  });
};
