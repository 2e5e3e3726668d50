import { describe, expect, it } from 'vitest';
import {
  emptyIdSet,
  hasId,
  type IdSet,
  idCount,
  isWellFormedIdSet,
  maxRunLength,
  withId,
} from './id-set.ts';

// A fixed shuffle, so ids arrive out of order and land at the front, middle and end of runs.
const ids = Array.from({ length: 500 }, (_, i) => `id-${(i * 7919) % 500}`);
const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};

describe('IdSet', () => {
  it('holds exactly the ids added, in sorted runs no longer than the limit', () => {
    const set = ids.reduce<IdSet>(withId, emptyIdSet);
    expect(idCount(set)).toBe(ids.length);
    expect(set.flat()).toEqual([...ids].sort());
    expect(set.every((run) => run.length <= maxRunLength)).toBe(true);
    expect(isWellFormedIdSet(set)).toBe(true);
    expect(ids.every((id) => hasId(set, id))).toBe(true);
    for (const absent of ['', 'id', 'id-5000', 'zzz', 'constructor', 'toString'])
      expect(hasId(set, absent), absent).toBe(false);
  });

  it('never changes the set it is given, and gives it back for an id it holds', () => {
    const set = deepFreeze(ids.slice(0, 200).reduce<IdSet>(withId, emptyIdSet));
    const copy = structuredClone(set);
    const grown = ids.slice(200).reduce<IdSet>(withId, set);
    expect(set).toEqual(copy);
    expect(idCount(grown)).toBe(ids.length);
    expect(withId(set, 'id-0')).toBe(set);
    expect(hasId(emptyIdSet, 'id-0')).toBe(false);
  });

  it('tells a malformed set: an empty or overlong run, or ids out of order or repeated', () => {
    expect(isWellFormedIdSet(emptyIdSet)).toBe(true);
    expect(isWellFormedIdSet([[]])).toBe(false);
    expect(isWellFormedIdSet([ids.slice(0, maxRunLength + 1).sort()])).toBe(false);
    expect(isWellFormedIdSet([['b'], ['a']])).toBe(false);
    expect(isWellFormedIdSet([['a', 'a']])).toBe(false);
  });
});
