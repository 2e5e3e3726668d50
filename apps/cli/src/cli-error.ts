/**
 * The CLI's exit codes, one per kind of outcome a script may want to tell apart:
 * - 0 done;
 * - 1 a bug (an error the CLI did not expect);
 * - 2 bad usage or input: an unknown option, a malformed date, a bad mapping, an unreadable file;
 * - 3 not found: a stream, a revision, a customer, a file, a projection;
 * - 4 unavailable: the database or event store cannot be reached, or failed;
 * - 5 verification failed: the read models differ from a replay, or the hash chain breaks;
 * - 6 import rows invalid or refused (reported one per line).
 */
export const exitCodes = {
  ok: 0,
  internal: 1,
  usage: 2,
  notFound: 3,
  unavailable: 4,
  verificationFailed: 5,
  rowsRejected: 6,
} as const;

export type CliErrorCode = keyof typeof exitCodes;

/** An outcome that ends the command with one line on stderr and a non-zero exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    readonly code: Exclude<CliErrorCode, 'ok'>,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}
