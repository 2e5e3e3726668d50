/**
 * A small seeded pseudo-random source: xoshiro128** seeded through a string hash, so the same
 * seed gives the same history on every machine and Node version (no `Math.random`).
 */
export interface Random {
  /** A float in [0, 1). */
  readonly next: () => number;
  /** An integer in [min, max], both included. */
  readonly int: (min: number, max: number) => number;
  /** A float in [min, max). */
  readonly between: (min: number, max: number) => number;
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean;
  /** One element of a non-empty array, uniformly. */
  readonly pick: <T>(items: ReadonlyArray<T>) => T;
  /** One value of `[value, weight]` pairs, in proportion to the weights (all ≥ 0, some > 0). */
  readonly weighted: <T>(entries: ReadonlyArray<readonly [T, number]>) => T;
  /** An exponentially distributed float with the given mean (waiting times). */
  readonly exponential: (mean: number) => number;
}

// cyrb128: a fast, well-mixed 128-bit hash of a string, the usual way to seed xoshiro from text.
const hash128 = (text: string): [number, number, number, number] => {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
};

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/**
 * A seeded random source. Numbers and strings are both accepted as seeds (`42` and `'42'` give
 * the same stream).
 *
 * @example
 * const random = createRandom(42);
 * random.int(1, 6); // the same die roll on every run
 */
export const createRandom = (seed: number | string): Random => {
  let [a, b, c, d] = hash128(`crm-seed:${String(seed)}`);
  // An all-zero state would only ever give zeros; the hash makes it practically impossible.
  if ((a | b | c | d) === 0) a = 1;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = (): number => nextUint32() / 4294967296;
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: ReadonlyArray<T>): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new RangeError('pick needs a non-empty array');
    return item;
  };
  const weighted = <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries.at(-1);
    if (last === undefined) throw new RangeError('weighted needs at least one entry');
    return last[0];
  };
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick,
    weighted,
    exponential: (mean) => -Math.log(1 - next()) * mean,
  };
};
