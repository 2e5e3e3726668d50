import type { RowProblem } from './row-reader.ts';

/** A row found to repeat or duplicate another record. */
export interface DuplicateRow {
  readonly line: number;
  /** What it duplicates: an earlier line of the file, or a stored customer. */
  readonly of:
    | { readonly line: number }
    | { readonly customerId: string; readonly name: string | null };
  /** `repeat`: the same record again (same id or same content); else the contact they share. */
  readonly by: 'repeat' | 'email' | 'phone';
  readonly value: string | undefined;
  /** The id the duplicate merges into (the survivor). */
  readonly survivorId: string;
  /** `skipped`: not written; `merged`: written and merged into the survivor. */
  readonly action: 'skipped' | 'merged';
}

/** A row written by this run. */
export interface WrittenRow {
  readonly line: number;
  /** The customer or deal id it is stored under. */
  readonly id: string;
  /** What was done: `registered`, `opened`, `won`, `lost`. */
  readonly action: string;
}

/** A row the stores refused or failed on while writing. */
export interface FailedRow {
  readonly line: number;
  readonly id: string;
  readonly message: string;
  /** `rejected`: the domain or the role table refused it; `failed`: a store failed. */
  readonly kind: 'rejected' | 'failed';
}

/** What an import did, row by row. */
export interface ImportReport {
  readonly kind: 'customers' | 'deals';
  /** Data rows in the file. */
  readonly rows: number;
  readonly written: ReadonlyArray<WrittenRow>;
  /** Rows a previous run already stored: nothing was written again. */
  readonly alreadyImported: ReadonlyArray<WrittenRow>;
  readonly duplicates: ReadonlyArray<DuplicateRow>;
  readonly invalid: ReadonlyArray<RowProblem>;
  readonly failed: ReadonlyArray<FailedRow>;
  /** Columns of the file that no field reads. */
  readonly unmappedColumns: ReadonlyArray<string>;
  /** True when `allOrNothing` stopped the run before it wrote anything. */
  readonly wroteNothing: boolean;
}
