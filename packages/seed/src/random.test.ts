import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

const draws = (seed: number | string, count = 5) => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe('createRandom', () => {
  it('gives the same stream for the same seed, written as a number or a string', () => {
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).toEqual(draws('7'));
    expect(draws(7)).not.toEqual(draws(8));
  });

  it('keeps every draw in its range', () => {
    const random = createRandom('ranges');
    const outside: number[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const x = random.next();
      const n = random.int(-3, 3);
      const b = random.between(2, 2.5);
      const e = random.exponential(5);
      if (
        !(
          x >= 0 &&
          x < 1 &&
          Number.isInteger(n) &&
          n >= -3 &&
          n <= 3 &&
          b >= 2 &&
          b < 2.5 &&
          e >= 0
        )
      )
        outside.push(i);
    }
    expect(outside).toEqual([]);
  });

  it('is spread evenly enough for a simulation', () => {
    const random = createRandom('spread');
    const buckets = Array.from({ length: 10 }, () => 0);
    for (let i = 0; i < 100_000; i += 1) {
      const index = Math.floor(random.next() * 10);
      buckets[index] = (buckets[index] ?? 0) + 1;
    }
    for (const bucket of buckets) expect(Math.abs(bucket - 10_000)).toBeLessThan(500);
    let total = 0;
    for (let i = 0; i < 20_000; i += 1) total += random.exponential(3);
    expect(total / 20_000).toBeCloseTo(3, 0);
  });

  it('picks by weight and refuses empty choices', () => {
    const random = createRandom('weights');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i += 1)
      counts[
        random.weighted([
          ['a', 1],
          ['b', 2],
          ['c', 0],
        ] as const)
      ] += 1;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeCloseTo(2, 0);
    expect(['x', 'y']).toContain(random.pick(['x', 'y']));
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.weighted([])).toThrow(RangeError);
  });
});
