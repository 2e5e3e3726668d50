/**
 * Splits rows into chunks small enough for one multi-row statement: PostgreSQL takes at most
 * 65,535 bind parameters per statement.
 */
export const chunksOf = <T>(
  rows: ReadonlyArray<T>,
  columnsPerRow: number,
): ReadonlyArray<ReadonlyArray<T>> => {
  const size = Math.max(1, Math.floor(60_000 / Math.max(1, columnsPerRow)));
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) {
    chunks.push(rows.slice(start, start + size));
  }
  return chunks;
};
