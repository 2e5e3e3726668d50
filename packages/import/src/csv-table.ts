import { parse } from 'csv-parse/sync';
import { ImportError } from './import-error.ts';

/** One data row of a CSV file: its line number in the file (from 1) and its cells by header. */
export interface CsvRow {
  readonly line: number;
  readonly cells: ReadonlyArray<string>;
}

/** A parsed CSV file: its header row and its data rows. */
export interface CsvTable {
  readonly headers: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<CsvRow>;
  readonly delimiter: string;
}

const candidates = [',', ';', '\t', '|'];

/** The delimiter of the header line: the candidate found most often outside quotes. */
const delimiterOf = (text: string): string => {
  const end = text.search(/\r?\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  let best = ',';
  let most = 0;
  for (const candidate of candidates) {
    const count = header.split(candidate).length - 1;
    if (count > most) {
      best = candidate;
      most = count;
    }
  }
  return best;
};

/**
 * The line a record starts on: the parser counts the line it ends on, and its raw text holds
 * the blank lines skipped before it and its own line breaks (quoted cells may span lines).
 */
const firstLineOf = (row: { readonly raw: string; readonly info: { readonly lines: number } }) => {
  const body = row.raw.replace(/^\n+/, '').replace(/\n$/, '');
  return row.info.lines - (body.split('\n').length - 1);
};

/**
 * Parses CSV text exported by another CRM or a spreadsheet: a header row, then data rows.
 * The delimiter (`,` `;` tab `|`) is read from the header line; a byte-order mark is dropped;
 * cells are trimmed; blank lines are skipped; each row keeps the line number it starts on, so
 * problems can be reported where the user will look. Unreadable CSV is `MalformedCsv`, naming
 * the line.
 */
export const parseCsv = (text: string): CsvTable => {
  // One line ending throughout, so line numbers count as an editor does.
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = delimiterOf(normalised);
  let records: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    records = parse(normalised, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; raw: string; info: { lines: number } }>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError('MalformedCsv', `The file is not readable CSV: ${message}`, {
      cause: error,
    });
  }
  const [header, ...data] = records;
  if (header === undefined || header.record.every((cell) => cell === '')) {
    throw new ImportError('MalformedCsv', 'The file has no header row.');
  }
  return {
    headers: header.record,
    delimiter,
    rows: data
      .filter((row) => row.record.some((cell) => cell !== ''))
      .map((row) => ({ line: firstLineOf(row), cells: row.record })),
  };
};
