import type { PhoneRegion } from '@crm/domain';
import type { DateOrder } from './clean-values.ts';
import type { ColumnMapping } from './column-mapping.ts';
import type { CsvTable } from './csv-table.ts';
import type { ImportContext } from './import-context.ts';
import type { FailedRow, ImportReport, WrittenRow } from './import-report.ts';
import { type RowProblem, type RowReader, rowReader } from './row-reader.ts';

/** Cleans every row of the table: the rows that clean, and the problems of those that do not. */
export const cleanRows = <TClean>(
  table: CsvTable,
  mapping: ColumnMapping,
  clean: (reader: RowReader) => TClean | undefined,
): { readonly invalid: RowProblem[]; readonly clean: TClean[] } => {
  const invalid: RowProblem[] = [];
  const cleaned: TClean[] = [];
  for (const csvRow of table.rows) {
    const reader = rowReader(csvRow, mapping);
    const row = clean(reader);
    if (row === undefined) invalid.push(...reader.problems());
    else cleaned.push(row);
  }
  return { invalid, clean: cleaned };
};

/** The row options customers and deals share: owner (the actor by default), instant, region, date order. */
export const sharedRowOptions = (
  options: {
    readonly ownerId?: string;
    readonly now: string;
    readonly defaultRegion?: PhoneRegion;
    readonly dateOrder?: DateOrder;
  },
  context: ImportContext,
) => ({
  ownerId: options.ownerId ?? context.actor.id,
  now: options.now,
  ...(options.defaultRegion === undefined ? {} : { defaultRegion: options.defaultRegion }),
  ...(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }),
});

/** Runs one command of a row as the import's actor. */
export const handleAs = (context: ImportContext, command: unknown, commandId: string) =>
  context.handle(command, {
    commandId,
    actor: context.actor,
    ...(context.logger === undefined ? {} : { logger: context.logger }),
  });

/** What a run found before writing: everything of the report but the writes. */
export type ImportFindings = Omit<
  ImportReport,
  'written' | 'alreadyImported' | 'failed' | 'wroteNothing'
>;

/** The report of a run that `allOrNothing` stopped before it wrote anything. */
export const wroteNothing = (findings: ImportFindings): ImportReport => ({
  ...findings,
  written: [],
  alreadyImported: [],
  failed: [],
  wroteNothing: true,
});

const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;

/** The report of a run that wrote, its rows in line order. */
export const wroteRows = (
  findings: ImportFindings,
  written: WrittenRow[],
  alreadyImported: WrittenRow[],
  failed: FailedRow[],
): ImportReport => ({
  ...findings,
  written: written.sort(byLine),
  alreadyImported: alreadyImported.sort(byLine),
  failed: failed.sort(byLine),
  wroteNothing: false,
});
