/**
 * What an audit can fail on, besides a bug:
 * - `InvalidInput`: a malformed argument (a stream name, an instant, a revision); `field` names it;
 * - `StreamNotFound`: no event was ever stored in the stream;
 * - `RevisionNotFound`: the stream has no event at that revision;
 * - `CustomerNotFound`: no customer with that id had registered by the instant asked for;
 * - `CorruptEvent`: a stored event does not decode or decrypt (altered, or an unknown type);
 * - `Unavailable`: a store (events, keys, read models) failed or cannot be reached.
 */
export type AuditErrorCode =
  | 'InvalidInput'
  | 'StreamNotFound'
  | 'RevisionNotFound'
  | 'CustomerNotFound'
  | 'CorruptEvent'
  | 'Unavailable';

/** The audit package's one error type, with a literal-union `code` to map at the edge. */
export class AuditError extends Error {
  override readonly name = 'AuditError';

  constructor(
    readonly code: AuditErrorCode,
    message: string,
    readonly field?: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Whether `error` is an `AuditError`, optionally of one code. */
export const isAuditError = (error: unknown, code?: AuditErrorCode): error is AuditError =>
  error instanceof AuditError && (code === undefined || error.code === code);
