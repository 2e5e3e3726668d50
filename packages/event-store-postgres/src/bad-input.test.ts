import { randomUUID } from 'node:crypto';
import {
  type AppendOptions,
  type EventStoreError,
  isEventStoreError,
  type NewEvent,
} from '@crm/event-store';
import { useTestDatabase } from '@crm/test-database/vitest';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgTestStore } from './pg-test-store.ts';

const database = await useTestDatabase('bad_input');
const maxEventBytes = 1024;
const { store, db, close } = await openPgTestStore(database.url, { limits: { maxEventBytes } });
afterAll(close);

const event = (data: unknown, metadata?: unknown): NewEvent =>
  ({ eventId: randomUUID(), type: 'Noted', data, metadata }) as NewEvent;

/** Every row of the table (tombstones included) and the sequence, as text: any change shows. */
const dump = async (): Promise<string> => {
  const { rows } = await sql<{ readonly dump: string }>`
    SELECT json_build_object(
      'events', (SELECT json_agg(e ORDER BY e.transaction_id, e.global_position) FROM es_events e),
      'sequence', (SELECT last_value FROM es_events_global_position_seq)
    )::text AS dump`.execute(db);
  return rows[0]?.dump ?? '';
};

const refused = async (call: Promise<unknown>): Promise<EventStoreError> => {
  const error = await call.then(
    () => expect.fail('the store accepted it'),
    (rejection: unknown) => rejection,
  );
  if (!isEventStoreError(error, 'InvalidInput')) expect.fail(`not InvalidInput: ${String(error)}`);
  return error;
};

class Money {
  constructor(readonly cents: number) {}
}
const cyclic: Record<string, unknown> = { name: 'loop' };
cyclic.self = cyclic;

let before = '';
beforeAll(async () => {
  await store.append('order-o1', [event({ total: 10 }), event({ total: 20 })]);
  await store.append('order-o2', [event({ total: 30 })], { expectedRevision: 'no_stream' });
  await store.append('customer-c1', [event({ name: 'Ada' }, { actor: 'u1' })]);
  await store.deleteStream('customer-c1');
  before = await dump();
});

/** Each case: the call, and the field its error must name. */
const cases: ReadonlyArray<readonly [string, () => Promise<unknown>, string]> = [
  // Data that is not JSON, named down to the offending value; the batch's valid events with it.
  ['a bigint', () => store.append('order-o1', [event({ total: 10n })]), 'events[0].data.total'],
  ['a Date', () => store.append('order-o1', [event({ at: new Date() })]), 'events[0].data.at'],
  ['a function', () => store.append('order-o1', [event({ f: () => 1 })]), 'events[0].data.f'],
  ['undefined', () => store.append('order-o1', [event({ x: undefined })]), 'events[0].data.x'],
  ['NaN', () => store.append('order-o1', [event({ n: Number.NaN })]), 'events[0].data.n'],
  ['Infinity', () => store.append('order-o1', [event([1, Infinity])]), 'events[0].data[1]'],
  [
    'a class instance',
    () => store.append('order-o1', [event({ price: new Money(5) })]),
    'events[0].data.price',
  ],
  ['a cycle', () => store.append('order-o1', [event(cyclic)]), 'events[0].data.self'],
  [
    'a NUL character',
    () => store.append('order-o1', [event({ note: 'a\u0000b' })]),
    'events[0].data.note',
  ],
  [
    'a bad value deep in the third event of a batch',
    () =>
      store.append('order-o1', [
        event({ total: 1 }),
        event({ total: 2 }),
        event({ lines: [{ price: 1 }, { price: Symbol('x') }] }),
      ]),
    'events[2].data.lines[1].price',
  ],
  [
    'metadata that is not an object',
    () => store.append('order-o1', [event({}, [1, 2])]),
    'events[0].metadata',
  ],
  // Size: one event of a batch over the configured limit.
  [
    `an event over ${maxEventBytes} bytes`,
    () =>
      store.append('order-o1', [event({ ok: true }), event({ blob: 'x'.repeat(maxEventBytes) })]),
    'events[1]',
  ],
  [
    'metadata pushing an event over the limit',
    () => store.append('order-o1', [event({ a: 1 }, { blob: 'y'.repeat(maxEventBytes) })]),
    'events[0]',
  ],
  // Stream names.
  ['an empty stream name', () => store.append('', [event({})]), 'streamName'],
  ['a stream name without id', () => store.append('order', [event({})]), 'streamName'],
  ['a stream name with a dangling dash', () => store.append('order-', [event({})]), 'streamName'],
  ['a capitalised category', () => store.append('Order-o1', [event({})]), 'streamName'],
  ['a space', () => store.append('order-o 1', [event({})]), 'streamName'],
  ['an invalid stream name on read', () => store.readStream('order o1'), 'streamName'],
  ['an invalid stream name on delete', () => store.deleteStream('-o1'), 'streamName'],
  // Expected revisions.
  ...([-1, 1.5, Number.NaN, '3', 'latest', null, {}] as ReadonlyArray<unknown>).map(
    (expectedRevision) =>
      [
        `expected revision ${String(expectedRevision)}`,
        () =>
          store.append('order-o1', [event({})], {
            expectedRevision,
          } as unknown as AppendOptions),
        'expectedRevision',
      ] as const,
  ),
  [
    'a malformed expected revision on delete',
    () => store.deleteStream('order-o1', { expectedRevision: -2 }),
    'expectedRevision',
  ],
  // The rest of an event.
  [
    'an event id that is not a UUID',
    () => store.append('order-o1', [{ eventId: 'e-1', type: 'Noted', data: {} }]),
    'events[0].eventId',
  ],
  [
    'an event type with a space',
    () => store.append('order-o1', [{ eventId: randomUUID(), type: 'Not ed', data: {} }]),
    'events[0].type',
  ],
  ['an empty batch', () => store.append('order-o1', []), 'events'],
];

describe('bad input on a real PostgreSQL is refused, naming the field, and changes nothing', () => {
  it.each(cases)('%s', async (_label, call, field) => {
    const error = await refused(call());
    expect(error.details.field).toBe(field);
    expect(error.message).toContain(field);
    expect(await dump()).toBe(before);
  });

  it('leaves the stored streams readable and writable as before', async () => {
    expect(await dump()).toBe(before);
    const orders = await store.readStream('order-o1');
    expect(orders.map((stored) => stored.data)).toEqual([{ total: 10 }, { total: 20 }]);
    const result = await store.append('order-o1', [event({ total: 40 })], { expectedRevision: 1 });
    expect(result.nextExpectedRevision).toBe(2);
  });
});
