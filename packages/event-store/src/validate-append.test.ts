import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStoreError, isEventStoreError } from './errors.ts';
import type { NewEvent } from './event-store.ts';
import { defaultEventStoreLimits, validateAppend } from './validate-append.ts';

const event = (overrides: Partial<Record<keyof NewEvent, unknown>> = {}): NewEvent =>
  ({ eventId: randomUUID(), type: 'Noted', data: { n: 1 }, ...overrides }) as NewEvent;

/** The field named by the InvalidInput error `run` throws. */
const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (isEventStoreError(error, 'InvalidInput')) return error.details.field;
    throw error;
  }
  return undefined;
};

describe('validateAppend', () => {
  it('returns the batch normalised: lower-case ids, metadata defaulted, JSON serialised once', () => {
    const id = randomUUID().toUpperCase();
    const result = validateAppend(
      'order-1',
      [event({ eventId: id, data: { a: [1, 'x'] } })],
      undefined,
    );
    expect(result).toEqual({
      streamName: 'order-1',
      expectedRevision: 'any',
      events: [
        {
          eventId: id.toLowerCase(),
          type: 'Noted',
          data: { a: [1, 'x'] },
          metadata: {},
          dataJson: '{"a":[1,"x"]}',
          metadataJson: '{}',
        },
      ],
    });
  });

  it('keeps the expected revision it is given', () => {
    for (const expectedRevision of ['any', 'no_stream', 'stream_exists', 0, 41] as const) {
      expect(validateAppend('order-1', [event()], { expectedRevision }).expectedRevision).toBe(
        expectedRevision,
      );
    }
  });

  it('accepts shared (not circular) references, prototype-less objects and any UUID version', () => {
    const shared = { sku: 'a' };
    const bare = Object.assign(Object.create(null) as object, { total: 1 });
    const ids = [
      '00000000-0000-0000-0000-000000000000',
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      '017F22E2-79B0-7CC3-98C4-DC0C0C07398F',
    ];
    expect(() =>
      validateAppend(
        'order-1',
        ids.map((eventId) => event({ eventId, data: { one: shared, two: [shared], bare } })),
        undefined,
      ),
    ).not.toThrow();
  });

  it.each([
    ['streamName', () => validateAppend('order', [event()], undefined)],
    ['streamName', () => validateAppend(42 as unknown as string, [event()], undefined)],
    ['expectedRevision', () => validateAppend('order-1', [event()], { expectedRevision: -1 })],
    ['expectedRevision', () => validateAppend('order-1', [event()], { expectedRevision: 2 ** 60 })],
    ['events', () => validateAppend('order-1', [], undefined)],
    ['events[0]', () => validateAppend('order-1', [null as unknown as NewEvent], undefined)],
    ['events[0]', () => validateAppend('order-1', [[] as unknown as NewEvent], undefined)],
    [
      'events[0].eventId',
      () => validateAppend('order-1', [event({ eventId: `${randomUUID()}x` })], undefined),
    ],
    [
      'events[0].eventId',
      () => validateAppend('order-1', [event({ eventId: undefined })], undefined),
    ],
    ['events[0].type', () => validateAppend('order-1', [event({ type: 'a b' })], undefined)],
    ['events[0].type', () => validateAppend('order-1', [event({ type: 7 })], undefined)],
    [
      'events[0].data.x[0]',
      () => validateAppend('order-1', [event({ data: { x: [undefined] } })], undefined),
    ],
    [
      'events[0].data["a.b"]',
      () => validateAppend('order-1', [event({ data: { 'a.b': 1n } })], undefined),
    ],
    [
      'events[0].data.x',
      () => validateAppend('order-1', [event({ data: { x: new Uint8Array(1) } })], undefined),
    ],
    [
      'events[0].data.x',
      () => validateAppend('order-1', [event({ data: { x: /re/ } })], undefined),
    ],
    [
      'events[0].data.x',
      () => validateAppend('order-1', [event({ data: { x: '\uDC00' } })], undefined),
    ],
    [
      'events[0].data["\\u0000"]',
      () => validateAppend('order-1', [event({ data: { '\u0000': 1 } })], undefined),
    ],
    ['events[0].metadata', () => validateAppend('order-1', [event({ metadata: 5 })], undefined)],
    [
      'events[0].metadata.at',
      () => validateAppend('order-1', [event({ metadata: { at: undefined } })], undefined),
    ],
  ])('names %s', (field, run) => {
    expect(fieldOf(run)).toBe(field);
  });

  it('names the first culprit: stream name before expected revision before events', () => {
    expect(fieldOf(() => validateAppend('bad', [], { expectedRevision: -1 }))).toBe('streamName');
    expect(fieldOf(() => validateAppend('order-1', [], { expectedRevision: -1 }))).toBe(
      'expectedRevision',
    );
    expect(
      fieldOf(() =>
        validateAppend('order-1', [event({ type: '' }), event({ data: Number.NaN })], undefined),
      ),
    ).toBe('events[0].type');
  });

  it('refuses a repeated event id whatever its case, naming the repeat', () => {
    const first = event();
    const repeat = event({ eventId: first.eventId.toUpperCase() });
    expect(fieldOf(() => validateAppend('order-1', [first, event(), repeat], undefined))).toBe(
      'events[2].eventId',
    );
  });

  it('counts UTF-8 bytes of data and metadata against the configured limit', () => {
    const limits = { maxEventBytes: 20 };
    // "é" is 2 bytes: `"éééééééé"` is 18 bytes, `{}` 2 more.
    expect(() =>
      validateAppend('order-1', [event({ data: 'é'.repeat(8) })], undefined, limits),
    ).not.toThrow();
    expect(
      fieldOf(() =>
        validateAppend('order-1', [event({ data: `${'é'.repeat(8)}x` })], undefined, limits),
      ),
    ).toBe('events[0]');
    expect(
      fieldOf(() =>
        validateAppend(
          'order-1',
          [event({ data: 1, metadata: { k: 'x'.repeat(12) } })],
          undefined,
          limits,
        ),
      ),
    ).toBe('events[0]');
    expect(defaultEventStoreLimits.maxEventBytes).toBe(1024 * 1024);
  });

  it('throws EventStoreError with a readable message', () => {
    try {
      validateAppend('order-1', [event({ data: { total: Number.NaN } })], undefined);
      expect.fail('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(EventStoreError);
      expect((error as Error).message).toBe('events[0].data.total: NaN is not a finite number');
    }
  });

  it('property: every JSON value is accepted and serialised as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }), (data) => {
        // NUL and lone surrogates (which JSON.stringify escapes) are refused on purpose.
        fc.pre(!/\\u(0000|d[89a-f])/i.test(JSON.stringify(data)));
        const [validated] = validateAppend('order-1', [event({ data })], undefined).events;
        expect(validated?.dataJson).toBe(JSON.stringify(data));
      }),
    );
  });

  it('property: a non-JSON value anywhere in the data is named by its path', () => {
    const bad = fc.constantFrom<unknown>(
      undefined,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      () => 1,
      1n,
      Symbol('s'),
      new Date(0),
      new Map(),
    );
    const key = fc.constantFrom('a', 'total', 'line_2');
    const path = fc.array(fc.oneof(key, fc.nat({ max: 3 })), { maxLength: 4 });
    fc.assert(
      fc.property(path, bad, (steps, value) => {
        // Build the nesting from the inside out: numbers are list indexes, strings keys.
        let data: unknown = value;
        for (const step of [...steps].reverse()) {
          data =
            typeof step === 'number'
              ? [...Array.from({ length: step }, () => 0), data]
              : { other: 1, [step]: data };
        }
        const expected = steps.reduce<string>(
          (at, step) => (typeof step === 'number' ? `${at}[${step}]` : `${at}.${step}`),
          'events[0].data',
        );
        expect(fieldOf(() => validateAppend('order-1', [event({ data })], undefined))).toBe(
          expected,
        );
      }),
    );
  });
});
