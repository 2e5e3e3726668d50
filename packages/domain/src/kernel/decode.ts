import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { InvalidInput } from './domain-error.ts';

const describe = (value: unknown): string => {
  if (value === undefined) return 'missing';
  try {
    const json = JSON.stringify(value);
    return json === undefined ? typeof value : json.length > 60 ? `${json.slice(0, 57)}...` : json;
  } catch {
    return typeof value;
  }
};

// Wrappers that add no context entry of their own: look through them to the codec they wrap.
const unwrap = (type: t.Decoder<unknown, unknown>): t.Decoder<unknown, unknown> =>
  type instanceof t.ReadonlyType || type instanceof t.ExactType || type instanceof t.RefinementType
    ? unwrap(type.type)
    : type;

// Union and intersection members appear in io-ts contexts under their index; they are not fields
// (also when wrapped, as in `t.readonly(t.intersection([...]))`).
const isCombinator = (type: t.Decoder<unknown, unknown>): boolean => {
  const inner = unwrap(type);
  return inner instanceof t.UnionType || inner instanceof t.IntersectionType;
};

const pathOf = (context: t.Context): string =>
  context
    .filter(
      (entry, i) => i > 0 && entry.key !== '' && !isCombinator(context[i - 1]?.type ?? entry.type),
    )
    .map((entry) => entry.key)
    .join('.');

const checking = new WeakMap<t.Decoder<unknown, unknown>, boolean>();

/**
 * True when the codec and everything inside it only validate: primitives, literals, brands
 * and refinements, (readonly) arrays, records, plain and partial object types, unions and
 * intersections of those. Their `decode` returns its input unchanged when it succeeds.
 */
const onlyChecks = (codec: t.Decoder<unknown, unknown>): boolean => {
  const known = checking.get(codec);
  if (known !== undefined) return known;
  // Cycles (recursive codecs) are not followed: `t.recursion` is not in the list anyway.
  checking.set(codec, false);
  let verdict = false;
  if (
    codec instanceof t.StringType ||
    codec instanceof t.NumberType ||
    codec instanceof t.BooleanType ||
    codec instanceof t.NullType ||
    codec instanceof t.UndefinedType ||
    codec instanceof t.UnknownType ||
    codec instanceof t.LiteralType ||
    codec instanceof t.KeyofType
  ) {
    verdict = true;
  } else if (
    codec instanceof t.RefinementType ||
    codec instanceof t.ReadonlyType ||
    codec instanceof t.ArrayType ||
    codec instanceof t.ReadonlyArrayType
  ) {
    verdict = onlyChecks(codec.type);
  } else if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) {
    verdict = Object.values(codec.props as Record<string, t.Mixed>).every(onlyChecks);
  } else if (codec instanceof t.UnionType || codec instanceof t.IntersectionType) {
    verdict = (codec.types as ReadonlyArray<t.Mixed>).every(onlyChecks);
  } else if (codec instanceof t.DictionaryType) {
    verdict = onlyChecks(codec.domain) && onlyChecks(codec.codomain);
  }
  checking.set(codec, verdict);
  return verdict;
};

/**
 * Decodes untrusted input with a codec; on failure returns `InvalidInput` naming the dotted path
 * of each offending field (`data.lineItems.0.quantity`) and what was found there.
 */
export const decodeWith = <A, O>(
  codec: t.Type<A, O, unknown>,
  input: unknown,
): E.Either<InvalidInput, A> => {
  // A codec that only checks decodes a value `is` accepts to that value itself; `is` skips the
  // allocations of `decode` (a context entry per field, an Either per value), which dominate
  // reading a long log. Anything that may transform (`t.exact`, custom types) decodes.
  if (onlyChecks(codec) && codec.is(input)) return E.right(input as A);
  const result = codec.decode(input);
  if (E.isRight(result)) return result;
  const seen = new Set<string>();
  const issues = result.left.flatMap((error) => {
    const field = pathOf(error.context) || '(root)';
    const expected = error.context[error.context.length - 1]?.type.name ?? 'a valid value';
    const message = error.message ?? `expected ${expected}, got ${describe(error.value)}`;
    const key = `${field}:${message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ field, message }];
  });
  const first = issues[0] ?? { field: '(root)', message: 'invalid input' };
  return E.left({
    _tag: 'InvalidInput',
    field: first.field,
    issues,
    message: `Invalid input: ${first.field}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}.`,
  });
};

/**
 * Decodes a value of a union discriminated by its `type` field: an unknown `type` is reported as
 * such, and a known one is decoded by its own codec, so errors name that member's fields only
 * instead of every member's.
 */
export const decodeByType = <TCodec extends t.Mixed>(
  codecsByType: Readonly<Record<string, TCodec>>,
  input: unknown,
): E.Either<InvalidInput, t.TypeOf<TCodec>> => {
  const type =
    typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  const codec =
    typeof type === 'string' && Object.hasOwn(codecsByType, type) ? codecsByType[type] : undefined;
  if (codec === undefined) {
    const message = `expected one of ${Object.keys(codecsByType).join(', ')}, got ${describe(type)}`;
    return E.left({
      _tag: 'InvalidInput',
      field: 'type',
      issues: [{ field: 'type', message }],
      message: `Invalid input: type: ${message}.`,
    });
  }
  return decodeWith(codec, input) as E.Either<InvalidInput, t.TypeOf<TCodec>>;
};
