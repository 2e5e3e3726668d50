import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { decodeByType, decodeWith } from './decode.ts';
import type { InvalidInput } from './domain-error.ts';

const failure = <A>(result: E.Either<InvalidInput, A>): InvalidInput => {
  if (E.isRight(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.right)}`);
  return result.left;
};

const LineItem = t.readonly(t.type({ productId: t.string, quantity: t.number }));

const OpenDeal = t.readonly(
  t.type({
    type: t.literal('OpenDeal'),
    data: t.readonly(
      t.type({
        dealId: t.string,
        lineItems: t.readonlyArray(LineItem),
        source: t.union([t.null, t.readonly(t.type({ campaignId: t.string }))]),
      }),
    ),
  }),
);

const LoseDeal = t.readonly(
  t.type({
    type: t.literal('LoseDeal'),
    data: t.readonly(
      t.intersection([t.type({ dealId: t.string }), t.partial({ competitor: t.string })]),
    ),
  }),
);

const validOpenDeal = {
  type: 'OpenDeal',
  data: { dealId: 'deal-1', lineItems: [{ productId: 'p-1', quantity: 2 }], source: null },
};

describe('decodeWith', () => {
  it('returns the decoded value when the input is valid', () => {
    expect(decodeWith(OpenDeal, validOpenDeal)).toEqual(E.right(validOpenDeal));
  });

  it('names a top-level field', () => {
    const error = failure(decodeWith(OpenDeal, { ...validOpenDeal, type: 'Nope' }));
    expect(error._tag).toBe('InvalidInput');
    expect(error.field).toBe('type');
  });

  it('names a field inside an array inside readonly types by its dotted path', () => {
    const input = {
      ...validOpenDeal,
      data: {
        ...validOpenDeal.data,
        lineItems: [
          { productId: 'p-1', quantity: 2 },
          { productId: 'p-2', quantity: 'three' },
        ],
      },
    };
    const error = failure(decodeWith(OpenDeal, input));
    expect(error.field).toBe('data.lineItems.1.quantity');
    expect(error.issues).toEqual([
      { field: 'data.lineItems.1.quantity', message: 'expected number, got "three"' },
    ]);
    expect(error.message).toBe(
      'Invalid input: data.lineItems.1.quantity: expected number, got "three".',
    );
  });

  it('says a missing field is missing', () => {
    const error = failure(
      decodeWith(OpenDeal, { ...validOpenDeal, data: { ...validOpenDeal.data, lineItems: [{}] } }),
    );
    expect(error.issues).toEqual([
      { field: 'data.lineItems.0.productId', message: 'expected string, got missing' },
      { field: 'data.lineItems.0.quantity', message: 'expected number, got missing' },
    ]);
    expect(error.field).toBe('data.lineItems.0.productId');
    expect(error.message).toContain('(and 1 more)');
  });

  it('does not count union members as fields', () => {
    const error = failure(
      decodeWith(OpenDeal, {
        ...validOpenDeal,
        data: { ...validOpenDeal.data, source: { campaignId: 7 } },
      }),
    );
    expect(error.issues.map((issue) => issue.field)).toEqual([
      'data.source',
      'data.source.campaignId',
    ]);
  });

  it('does not count intersection members as fields, also under t.readonly', () => {
    const error = failure(
      decodeWith(LoseDeal, { type: 'LoseDeal', data: { dealId: 1, competitor: 2 } }),
    );
    expect(error.issues.map((issue) => issue.field)).toEqual(['data.dealId', 'data.competitor']);
  });

  it('looks through t.readonly around a top-level intersection or union', () => {
    const codec = t.readonly(
      t.intersection([
        t.type({ a: t.string }),
        t.type({ b: t.readonly(t.union([t.type({ x: t.number }), t.type({ y: t.number })])) }),
      ]),
    );
    const error = failure(decodeWith(codec, { a: 1, b: { x: 'q' } }));
    expect(error.issues.map((issue) => issue.field)).toEqual(['a', 'b.x', 'b.y']);
  });

  it('looks through t.exact and branded refinements around a combinator', () => {
    const Positive = t.brand(
      t.number,
      (n): n is t.Branded<number, { readonly Positive: unique symbol }> => n > 0,
      'Positive',
    );
    const codec = t.exact(
      t.type({
        item: t.exact(t.intersection([t.type({ n: Positive }), t.type({ s: t.string })])),
      }),
    );
    const error = failure(decodeWith(codec, { item: { n: -1, s: 's' } }));
    expect(error.issues).toEqual([{ field: 'item.n', message: 'expected Positive, got -1' }]);
  });

  it('names the root when the input itself is the wrong shape', () => {
    const error = failure(decodeWith(OpenDeal, 'OpenDeal'));
    expect(error.field).toBe('(root)');
    expect(failure(decodeWith(t.string, 42)).issues).toEqual([
      { field: '(root)', message: 'expected string, got 42' },
    ]);
  });

  it('reports each distinct issue once', () => {
    // Both union members fail on the same field with the same message.
    const codec = t.union([t.type({ a: t.string, b: t.null }), t.type({ a: t.string, c: t.null })]);
    const error = failure(decodeWith(codec, { a: 1, b: null }));
    expect(error.issues.filter((issue) => issue.field === 'a')).toHaveLength(1);
  });

  it('uses a codec’s own message when it gives one', () => {
    const codec = new t.Type<string, string, unknown>(
      'Custom',
      t.string.is,
      (u, c) => t.failure(u, c, 'must be shouted'),
      t.identity,
    );
    expect(failure(decodeWith(codec, 'hello')).issues).toEqual([
      { field: '(root)', message: 'must be shouted' },
    ]);
  });

  it('shortens long values and describes values JSON cannot show', () => {
    const long = failure(decodeWith(t.number, 'x'.repeat(100))).issues[0]?.message ?? '';
    expect(long).toBe(`expected number, got "${'x'.repeat(56)}...`);
    const circular: { self?: unknown } = {};
    circular.self = circular;
    expect(failure(decodeWith(t.string, circular)).issues[0]?.message).toBe(
      'expected string, got object',
    );
    expect(failure(decodeWith(t.string, () => 1)).issues[0]?.message).toBe(
      'expected string, got function',
    );
  });

  it('still answers with InvalidInput when a codec fails without saying why', () => {
    const silent = new t.Type<string, string, unknown>(
      'Silent',
      t.string.is,
      () => t.failures([]),
      t.identity,
    );
    expect(failure(decodeWith(silent, 'x'))).toEqual({
      _tag: 'InvalidInput',
      field: '(root)',
      issues: [],
      message: 'Invalid input: (root): invalid input.',
    });
  });
});

describe('decodeWith and transforming codecs', () => {
  it('returns a valid input itself when the codec only checks', () => {
    const input = { productId: 'p1', quantity: 2, extra: true };
    const result = decodeWith(LineItem, input);
    expect(E.isRight(result) && result.right).toBe(input);
  });

  it('still lets t.exact strip unknown fields', () => {
    const Exact = t.exact(t.type({ productId: t.string }));
    expect(decodeWith(Exact, { productId: 'p1', extra: true })).toEqual(
      E.right({ productId: 'p1' }),
    );
  });

  it('still lets a custom codec transform what it reads', () => {
    const Doubled = new t.Type<number, number, unknown>(
      'Doubled',
      (u): u is number => typeof u === 'number',
      (u, c) => (typeof u === 'number' ? t.success(u * 2) : t.failure(u, c)),
      (a) => a,
    );
    expect(decodeWith(t.type({ n: Doubled }), { n: 2 })).toEqual(E.right({ n: 4 }));
  });
});

describe('decodeByType', () => {
  const codecs = { OpenDeal, LoseDeal };

  it('decodes a known type with its own codec', () => {
    expect(decodeByType(codecs, validOpenDeal)).toEqual(E.right(validOpenDeal));
    expect(decodeByType(codecs, { type: 'LoseDeal', data: { dealId: 'd' } })).toEqual(
      E.right({ type: 'LoseDeal', data: { dealId: 'd' } }),
    );
  });

  it('names only the fields of the member the type selects', () => {
    const error = failure(
      decodeByType(codecs, { type: 'OpenDeal', data: { ...validOpenDeal.data, dealId: 5 } }),
    );
    expect(error.issues).toEqual([{ field: 'data.dealId', message: 'expected string, got 5' }]);
  });

  it('reports an unknown type, listing the known ones', () => {
    expect(failure(decodeByType(codecs, { type: 'WinDeal', data: {} }))).toEqual({
      _tag: 'InvalidInput',
      field: 'type',
      issues: [{ field: 'type', message: 'expected one of OpenDeal, LoseDeal, got "WinDeal"' }],
      message: 'Invalid input: type: expected one of OpenDeal, LoseDeal, got "WinDeal".',
    });
  });

  it.each([
    ['a missing type', { data: {} }, 'missing'],
    ['a non-string type', { type: 3 }, '3'],
    ['an inherited property name', { type: 'toString' }, '"toString"'],
    ['null', null, 'missing'],
    ['a string', 'OpenDeal', 'missing'],
  ])('reports %s as an unknown type', (_, input, got) => {
    const error = failure(decodeByType(codecs, input));
    expect(error.field).toBe('type');
    expect(error.issues[0]?.message).toBe(`expected one of OpenDeal, LoseDeal, got ${got}`);
  });
});
