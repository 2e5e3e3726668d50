import type { CustomerId } from '@crm/domain';
import { type ContactRegistry, type Identity, makeIdentity } from './identities.ts';
import { gb } from './locales/gb.ts';
import { digits } from './locales/locale.ts';
import type { ResolvedOptions } from './options.ts';
import type { Random } from './random.ts';

/** What is decided before the simulation runs: who registers when, and the special customers. */
export interface HistoryPlan {
  /** How many ordinary customers (every one but the well-known) register in each month. */
  readonly monthlyCounts: ReadonlyArray<number>;
  /** The well-known customer (index 1): a Londoner with a rich history, looked up by phone. */
  readonly wellKnown: Identity;
  /** The customer whose personal data is erased. */
  readonly erasedIndex: number;
  /** Survivor index → the index of the duplicate registered for the same person later. */
  readonly duplicateOf: ReadonlyMap<number, number>;
}

/** The id of the `index`-th customer (`cust-000001`). */
export const customerIdOf = (index: number): CustomerId =>
  `cust-${String(index).padStart(6, '0')}` as CustomerId;

// Registrations by calendar month: quieter in summer and at Christmas, busier in autumn.
const season = [0.9, 1, 1.1, 1.05, 1, 0.95, 0.85, 0.8, 1.15, 1.1, 1.05, 0.75];

/** Splits `total` over months in proportion to growth and season (largest remainders first). */
const apportion = (total: number, months: number, firstMonth: number): number[] => {
  const weights = Array.from(
    { length: months },
    (_, m) => 1.03 ** m * (season[(firstMonth + m) % 12] ?? 1),
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, m) => [x - Math.floor(x), m] as const)
    .sort((a, b) => b[0] - a[0]);
  for (const [, m] of byRemainder) {
    if (left === 0) break;
    counts[m] = (counts[m] ?? 0) + 1;
    left -= 1;
  }
  return counts;
};

/** The first and last customer index registering in months `from` to `to` (both included). */
const indicesOf = (counts: ReadonlyArray<number>, from: number, to: number): [number, number] => {
  let first = 2;
  for (let m = 0; m < from; m += 1) first += counts[m] ?? 0;
  let last = first - 1;
  for (let m = from; m <= to; m += 1) last += counts[m] ?? 0;
  return [first, last];
};

/**
 * Decides the registration calendar and the special customers: the well-known customer (with
 * a fictional London number from Ofcom's drama range, typed nationally), one customer to be
 * erased (registered in the first 40 % of the period, so they can buy first), and the
 * survivors that get a duplicate registration (registered before the last month, so the merge
 * fits in the period).
 */
export const planHistory = (
  options: ResolvedOptions,
  random: Random,
  contacts: ContactRegistry,
): HistoryPlan => {
  const monthlyCounts = apportion(
    options.customers - 1,
    options.months,
    new Date(options.startMs).getUTCMonth(),
  );
  const wellKnown = makeIdentity(random, gb, 'person', contacts, {
    phone: (r) => {
      const last = digits(r, 3);
      return { national: `020 7946 0${last}`, international: `+44 20 7946 0${last}` };
    },
    phoneStyle: 'national',
    spelledRight: true,
  });
  const [erasedFirst, erasedLast] = indicesOf(
    monthlyCounts,
    0,
    Math.max(0, Math.floor(options.months * 0.4) - 1),
  );
  const erasedIndex = random.int(erasedFirst, Math.max(erasedFirst, erasedLast));
  const [first, last] = indicesOf(monthlyCounts, 0, options.months - 2);
  const room = last - first; // candidates less the erased customer
  const duplicateOf = new Map<number, number>();
  // Rejection sampling: a handful of survivors among thousands of candidates, without
  // building the list of candidates.
  while (duplicateOf.size < Math.min(options.duplicates, room)) {
    const survivor = random.int(first, last);
    if (survivor !== erasedIndex && !duplicateOf.has(survivor))
      duplicateOf.set(survivor, options.customers + duplicateOf.size + 1);
  }
  return { monthlyCounts, wellKnown, erasedIndex, duplicateOf };
};
