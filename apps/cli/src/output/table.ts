import Table from 'cli-table3';

/** A table for people: a header row and rows of cells, numbers right-aligned. */
export interface TableSpec {
  readonly head: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** Columns to right-align (indexes); numbers are aligned right anyway. */
  readonly right?: ReadonlyArray<number>;
  /** Widest a column may get before wrapping (60). */
  readonly maxWidth?: number;
}

/** Renders a table as text (no colours: output may go to a file or a pipe). */
export const renderTable = (spec: TableSpec): string => {
  const right = new Set(spec.right ?? []);
  spec.rows[0]?.forEach((cell, index) => {
    if (typeof cell === 'number') right.add(index);
  });
  const widths = spec.head.map((header, index) =>
    Math.min(
      spec.maxWidth ?? 60,
      Math.max(
        header.length,
        ...spec.rows.map((row) =>
          String(row[index] ?? '')
            .split('\n')
            .reduce((w, l) => Math.max(w, l.length), 0),
        ),
      ) + 2,
    ),
  );
  const table = new Table({
    head: [...spec.head],
    style: { head: [], border: [], compact: true },
    colWidths: widths,
    colAligns: spec.head.map((_, index) => (right.has(index) ? 'right' : 'left')),
    wordWrap: true,
  });
  for (const row of spec.rows) table.push(row.map((cell) => String(cell)));
  return table.toString();
};

/** A titled section: a heading line, then its body. */
export const section = (title: string, body: string): string => `\n${title}\n${body}\n`;
