/**
 * A set of ids kept as plain JSON data: sorted runs of at most `maxRunLength` ids, every id in a
 * run below every id in the next (plain code-unit order, so it never depends on a locale).
 *
 * Why runs: `evolve` must copy what it changes. Copying a record of every id, or one long sorted
 * array, on each added id makes a long history quadratic; adding to runs copies only the short
 * outer array and one run, so the cost of an added id stays nearly flat however many the set holds.
 */
export type IdSet<TId extends string = string> = ReadonlyArray<ReadonlyArray<TId>>;

/** The set holding no id. */
export const emptyIdSet: IdSet<never> = [];

/** Longest run; a run that outgrows it is split in two. */
export const maxRunLength = 64;

// First index in the sorted run whose id is not below `id`.
const lowerBound = <TId extends string>(run: ReadonlyArray<TId>, id: string): number => {
  let low = 0;
  let high = run.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((run[middle] as TId) < id) low = middle + 1;
    else high = middle;
  }
  return low;
};

// The run `id` belongs in: the last one starting at or below it (the first when none does).
const runIndexOf = <TId extends string>(set: IdSet<TId>, id: string): number => {
  let low = 0;
  let high = set.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (((set[middle] as ReadonlyArray<TId>)[0] as TId) <= id) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low - 1);
};

/** Whether the set holds `id`. */
export const hasId = <TId extends string>(set: IdSet<TId>, id: string): boolean => {
  const run = set[runIndexOf(set, id)];
  return run !== undefined && run[lowerBound(run, id)] === id;
};

/** The set with `id` added; the same set when it already holds it. Never changes `set`. */
export const withId = <TId extends string>(set: IdSet<TId>, id: TId): IdSet<TId> => {
  const at = runIndexOf(set, id);
  const run = set[at];
  if (run === undefined) return [[id]];
  const position = lowerBound(run, id);
  if (run[position] === id) return set;
  const grown = run.toSpliced(position, 0, id);
  if (grown.length <= maxRunLength) return set.with(at, grown);
  const half = grown.length >>> 1;
  return set.toSpliced(at, 1, grown.slice(0, half), grown.slice(half));
};

/** How many ids the set holds. */
export const idCount = (set: IdSet): number => {
  let count = 0;
  for (const run of set) count += run.length;
  return count;
};

/** Whether the data is a well-formed set: non-empty runs, none too long, ids strictly rising. */
export const isWellFormedIdSet = (set: IdSet): boolean => {
  let previous: string | undefined;
  for (const run of set) {
    if (run.length === 0 || run.length > maxRunLength) return false;
    for (const id of run) {
      if (previous !== undefined && previous >= id) return false;
      previous = id;
    }
  }
  return true;
};
