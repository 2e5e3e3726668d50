import { describe, expect, it } from 'vitest';
import type { AppendOptions, NewEvent } from '../event-store.ts';
import type { ContractContext } from './contract-options.ts';
import {
  checkpoint,
  expectStoreError,
  idsOf,
  newEvent,
  readAllAfter,
  testScope,
} from './fixtures.ts';

/** Builds a value with a cycle: `{ self: <itself> }` one level down. */
const cyclic = (): unknown => {
  const inner: Record<string, unknown> = { name: 'loop' };
  inner.self = inner;
  return { inner };
};

class Money {
  constructor(readonly amount: number) {}
}

const withData = (data: unknown): NewEvent => ({ ...newEvent(), data: data as NewEvent['data'] });
const withMetadata = (metadata: unknown): NewEvent => ({
  ...newEvent(),
  metadata: metadata as NewEvent['metadata'],
});

/** One bad append: the batch (or options, or name), and the field the error must name. */
interface BadCase {
  readonly name: string;
  readonly field: string;
  readonly events?: () => ReadonlyArray<NewEvent>;
  readonly options?: AppendOptions;
  readonly streamName?: string;
}

const badCases: ReadonlyArray<BadCase> = [
  { name: 'a stream name without a category', streamName: 'nocategory', field: 'streamName' },
  { name: 'an empty stream name', streamName: '', field: 'streamName' },
  { name: 'a stream name with an empty id', streamName: 'order-', field: 'streamName' },
  { name: 'a stream name with a space', streamName: 'order-a b', field: 'streamName' },
  { name: 'no events', events: () => [], field: 'events' },
  {
    name: 'events that are not a list',
    events: () => null as unknown as NewEvent[],
    field: 'events',
  },
  {
    name: 'an event that is not an object',
    events: () => [newEvent(), 'event' as unknown as NewEvent],
    field: 'events[1]',
  },
  {
    name: 'an event id that is not a UUID',
    events: () => [{ ...newEvent(), eventId: 'order-1' }],
    field: 'events[0].eventId',
  },
  {
    name: 'an event id that is not a string',
    events: () => [{ ...newEvent(), eventId: 7 as unknown as string }],
    field: 'events[0].eventId',
  },
  {
    name: 'the same event id twice in the batch',
    events: () => {
      const event = newEvent();
      return [event, newEvent(), { ...event, eventId: event.eventId.toUpperCase() }];
    },
    field: 'events[2].eventId',
  },
  { name: 'an empty type', events: () => [newEvent('')], field: 'events[0].type' },
  {
    name: 'a type starting with a digit',
    events: () => [newEvent('1Placed')],
    field: 'events[0].type',
  },
  {
    name: 'a type with a space',
    events: () => [newEvent(), newEvent('Order Placed')],
    field: 'events[1].type',
  },
  { name: 'a system type', events: () => [newEvent('$metadata')], field: 'events[0].type' },
  {
    name: 'a type of 129 characters',
    events: () => [newEvent(`T${'x'.repeat(128)}`)],
    field: 'events[0].type',
  },
  { name: 'undefined data', events: () => [withData(undefined)], field: 'events[0].data' },
  {
    name: 'an undefined property',
    events: () => [withData({ total: undefined })],
    field: 'events[0].data.total',
  },
  {
    name: 'a function',
    events: () => [withData({ total: () => 1 })],
    field: 'events[0].data.total',
  },
  { name: 'a bigint', events: () => [withData({ total: 12n })], field: 'events[0].data.total' },
  {
    name: 'a symbol',
    events: () => [withData({ total: Symbol('x') })],
    field: 'events[0].data.total',
  },
  { name: 'a Date', events: () => [withData({ at: new Date(0) })], field: 'events[0].data.at' },
  {
    name: 'a class instance',
    events: () => [withData({ price: new Money(3) })],
    field: 'events[0].data.price',
  },
  { name: 'a Map', events: () => [withData(new Map([['a', 1]]))], field: 'events[0].data' },
  { name: 'NaN', events: () => [withData({ total: Number.NaN })], field: 'events[0].data.total' },
  {
    name: 'Infinity',
    events: () => [withData({ total: Number.POSITIVE_INFINITY })],
    field: 'events[0].data.total',
  },
  {
    name: '-Infinity in a list',
    events: () => [withData({ lines: [1, Number.NEGATIVE_INFINITY] })],
    field: 'events[0].data.lines[1]',
  },
  {
    name: 'a hole in a list',
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the case
    events: () => [withData({ lines: [1, , 3] })],
    field: 'events[0].data.lines[1]',
  },
  { name: 'a cycle', events: () => [withData(cyclic())], field: 'events[0].data.inner.self' },
  {
    name: 'a bad value deep in the third event',
    events: () => [
      newEvent(),
      newEvent(),
      withData({ lines: [{ sku: 'a' }, { sku: 'b', price: Number.NaN }] }),
    ],
    field: 'events[2].data.lines[1].price',
  },
  {
    name: 'a key that is not an identifier',
    events: () => [withData({ 'unit price': Number.NaN })],
    field: 'events[0].data["unit price"]',
  },
  {
    name: 'a NUL character',
    events: () => [withData({ note: 'a\u0000b' })],
    field: 'events[0].data.note',
  },
  {
    name: 'an unpaired surrogate',
    events: () => [withData({ note: 'a\uD800b' })],
    field: 'events[0].data.note',
  },
  {
    name: 'metadata that is a list',
    events: () => [withMetadata([])],
    field: 'events[0].metadata',
  },
  {
    name: 'metadata that is a string',
    events: () => [withMetadata('actor')],
    field: 'events[0].metadata',
  },
  {
    name: 'metadata that is null',
    events: () => [withMetadata(null)],
    field: 'events[0].metadata',
  },
  {
    name: 'metadata holding a Date',
    events: () => [withMetadata({ at: new Date() })],
    field: 'events[0].metadata.at',
  },
  {
    name: 'a negative expected revision',
    options: { expectedRevision: -1 },
    field: 'expectedRevision',
  },
  {
    name: 'a fractional expected revision',
    options: { expectedRevision: 1.5 },
    field: 'expectedRevision',
  },
  {
    name: 'a NaN expected revision',
    options: { expectedRevision: Number.NaN },
    field: 'expectedRevision',
  },
  {
    name: 'an unknown expected revision',
    options: { expectedRevision: 'latest' as 'any' },
    field: 'expectedRevision',
  },
  {
    name: 'a bigint expected revision',
    options: { expectedRevision: 1n as unknown as number },
    field: 'expectedRevision',
  },
];

export const invalidInputSuite = ({ store, limits }: ContractContext): void => {
  describe('invalid input', () => {
    it.each(badCases)('refuses $name, naming $field, and stores nothing', async (bad) => {
      const scope = testScope();
      const stream = scope.stream('order');
      const existing = [newEvent()];
      await store().append(stream, existing);
      const start = await checkpoint(store());
      await expectStoreError(
        store().append(
          bad.streamName ?? stream,
          bad.events === undefined ? [newEvent()] : bad.events(),
          bad.options ?? { expectedRevision: 0 },
        ),
        'InvalidInput',
        { field: bad.field },
      );
      expect(idsOf(await store().readStream(stream))).toEqual(idsOf(existing));
      expect(
        await readAllAfter(store(), start, { streamCategories: [scope.category('order')] }),
      ).toEqual([]);
    });

    // Sizes count UTF-8 bytes of the serialised data and metadata: `"…"` and `{}` add 4.
    it('accepts an event of exactly the size limit', async () => {
      const stream = testScope().stream('blob');
      const text = 'x'.repeat(limits.maxEventBytes - 4);
      await store().append(stream, [newEvent('Blob', text)]);
      expect((await store().readStream(stream))[0]?.data).toBe(text);
    });

    it('refuses an event one byte over the size limit, counting bytes not characters', async () => {
      const scope = testScope();
      const stream = scope.stream('blob');
      const start = await checkpoint(store());
      const overByOne = 'x'.repeat(limits.maxEventBytes - 3);
      await expectStoreError(
        store().append(stream, [newEvent(), newEvent('Blob', overByOne)]),
        'InvalidInput',
        {
          field: 'events[1]',
        },
      );
      // "é" is two bytes: half as many characters are already too many.
      const wide = 'é'.repeat(Math.ceil((limits.maxEventBytes - 3) / 2));
      await expectStoreError(store().append(stream, [newEvent('Blob', wide)]), 'InvalidInput', {
        field: 'events[0]',
      });
      const metadataHeavy = newEvent('Blob', 'x', { blob: 'y'.repeat(limits.maxEventBytes) });
      await expectStoreError(store().append(stream, [metadataHeavy]), 'InvalidInput', {
        field: 'events[0]',
      });
      expect(
        await readAllAfter(store(), start, { streamCategories: [scope.category('blob')] }),
      ).toEqual([]);
    });

    it('validates before looking at the stream: a bad batch for a deleted stream is InvalidInput', async () => {
      const stream = testScope().stream('order');
      await store().append(stream, [newEvent()]);
      await store().deleteStream(stream);
      await expectStoreError(store().append(stream, [newEvent('bad type')]), 'InvalidInput', {
        field: 'events[0].type',
      });
    });
  });
};
