/**
 * Why an import cannot start or go on (a bad row is not one of these: it is reported):
 * - `FileNotFound`: the file does not exist or cannot be read;
 * - `MalformedCsv`: the file is not CSV the parser can read (an unclosed quote, no header);
 * - `InvalidMapping`: the column mapping names an unknown field or a column the file lacks,
 *   or a required field has no column;
 * - `InvalidOption`: an option value is unusable (a region, a currency, a rate);
 * - `Unavailable`: a store failed; rows already written stay written, and a re-run finishes
 *   the rest without writing anything twice.
 */
export type ImportErrorCode =
  | 'FileNotFound'
  | 'MalformedCsv'
  | 'InvalidMapping'
  | 'InvalidOption'
  | 'Unavailable';

/** The import package's one error type, with a literal-union `code` to map at the edge. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Whether `error` is an `ImportError`, optionally of one code. */
export const isImportError = (error: unknown, code?: ImportErrorCode): error is ImportError =>
  error instanceof ImportError && (code === undefined || error.code === code);
