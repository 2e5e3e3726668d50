import type { Kysely } from 'kysely';
import type pg from 'pg';
import { type Customer360Tables, customer360ByPhone } from '../src/index.ts';
import { rawCustomerById } from './raw-baselines.ts';
import type { TypedPhone } from './seeded-log.ts';

/** Latency figures of one kind of look-up, in milliseconds. */
export interface LatencyFigures {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
}

/** The 360° look-up by phone beside the raw primary-key SELECT. */
export interface LookupResult {
  readonly customers: number;
  readonly byPhone: LatencyFigures;
  readonly rawById: LatencyFigures;
  /** Look-ups that found nobody (0 expected: every number is a customer's). */
  readonly misses: number;
}

const percentile = (sorted: ReadonlyArray<number>, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const figures = (samples: ReadonlyArray<number>): LatencyFigures => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length),
  };
};

/** A small deterministic generator (mulberry32), so every run looks up the same callers. */
const randomFrom = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const timeMs = async (work: () => Promise<unknown>): Promise<number> => {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

/**
 * `lookups` look-ups of a random customer's phone number as staff typed it (nationally, read
 * in its region, or internationally), through `customer360ByPhone`; beside them as many raw
 * `SELECT * … WHERE customer_id = $1` on the same `customers` table of 100,000-odd rows,
 * through the same pool, in alternating blocks of 100 so that load on the machine hits both.
 * One connection, one look-up at a time, after 500 warm-up look-ups of each.
 */
export const measurePhoneLookups = async (input: {
  readonly db: Kysely<Customer360Tables>;
  readonly pool: pg.Pool;
  readonly schema: string;
  readonly phones: ReadonlyMap<string, TypedPhone>;
  readonly lookups: number;
  readonly progress: (message: string) => void;
}): Promise<LookupResult> => {
  const { db, pool, schema, lookups } = input;
  const callers = [...input.phones];
  const ids = (
    await pool.query<{ customer_id: string }>(`SELECT customer_id FROM ${schema}.customers`)
  ).rows.map((row) => row.customer_id);
  const random = randomFrom(20_261_123);
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)] as T;
  const raw = rawCustomerById(pool, schema);
  let misses = 0;
  const byPhone = async (): Promise<number> =>
    timeMs(async () => {
      const [, phone] = pick(callers);
      const found = await customer360ByPhone(db, phone.typed, { defaultRegion: phone.region });
      if (found._tag !== 'Found' || found.customers.length === 0) misses += 1;
    });
  const rawById = async (): Promise<number> => timeMs(() => raw(pick(ids)));
  for (let i = 0; i < 500; i += 1) {
    await byPhone();
    await rawById();
  }
  misses = 0;
  const phoneSamples: number[] = [];
  const rawSamples: number[] = [];
  const block = 100;
  for (let round = 0; round * block < lookups; round += 1) {
    const first = round % 2 === 0;
    if (first) for (let i = 0; i < block; i += 1) phoneSamples.push(await byPhone());
    for (let i = 0; i < block; i += 1) rawSamples.push(await rawById());
    if (!first) for (let i = 0; i < block; i += 1) phoneSamples.push(await byPhone());
    if ((round + 1) % 20 === 0) input.progress(`  look-ups: ${(round + 1) * block} / ${lookups}`);
  }
  return {
    customers: ids.length,
    byPhone: figures(phoneSamples),
    rawById: figures(rawSamples),
    misses,
  };
};
