/** Splits rows into slices of at most `size`. */
export const slicesOf = <T>(
  rows: ReadonlyArray<T>,
  size: number,
): ReadonlyArray<ReadonlyArray<T>> => {
  const slices: T[][] = [];
  for (let start = 0; start < rows.length; start += Math.max(1, size)) {
    slices.push(rows.slice(start, start + Math.max(1, size)));
  }
  return slices;
};

/**
 * Splits rows into chunks small enough for one multi-row statement: PostgreSQL takes at most
 * 65,535 bind parameters per statement.
 */
export const chunksOf = <T>(
  rows: ReadonlyArray<T>,
  columnsPerRow: number,
): ReadonlyArray<ReadonlyArray<T>> =>
  slicesOf(rows, Math.floor(60_000 / Math.max(1, columnsPerRow)));
