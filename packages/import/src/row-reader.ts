import type { ColumnMapping } from './column-mapping.ts';
import type { CsvRow } from './csv-table.ts';

/** A problem with one row: the line it is on, the field and the column at fault, and what is wrong. */
export interface RowProblem {
  readonly line: number;
  readonly field: string;
  /** The header of the column, when the field has one. */
  readonly column: string | undefined;
  readonly message: string;
}

/** Reads a row's cells by field name and collects its problems. */
export interface RowReader {
  readonly line: number;
  /** The trimmed cell of a field; `undefined` when the field has no column or the cell is empty. */
  readonly get: (field: string) => string | undefined;
  readonly problem: (field: string, message: string) => void;
  readonly problems: () => ReadonlyArray<RowProblem>;
}

/** A reader over one CSV row through a column mapping. */
export const rowReader = (row: CsvRow, mapping: ColumnMapping): RowReader => {
  const problems: RowProblem[] = [];
  return {
    line: row.line,
    get: (field) => {
      const index = mapping.columnOf.get(field);
      const cell = index === undefined ? undefined : row.cells[index]?.trim();
      return cell === undefined || cell === '' ? undefined : cell;
    },
    problem: (field, message) => {
      problems.push({ line: row.line, field, column: mapping.headerOf.get(field), message });
    },
    problems: () => problems,
  };
};
