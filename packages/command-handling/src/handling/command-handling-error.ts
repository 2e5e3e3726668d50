/** Every way command handling can fail for reasons outside the domain. */
export type CommandHandlingErrorCode =
  /** The stream kept moving: every retry met a newer revision. Nothing was appended. */
  | 'ConcurrencyConflict'
  /** Another handler is running this command id right now; retry later for its outcome. */
  | 'CommandInProgress'
  /** The aggregate's stream was deleted. */
  | 'StreamDeleted'
  /** The command would store new personal data of a subject whose data was erased. */
  | 'PersonalDataErased'
  /** A stored event does not decode, or an encrypted field does not decrypt: it was altered. */
  | 'CorruptEvent'
  /** A route cannot place an event's personal data (no subject): a configuration fault. */
  | 'RouteMisconfigured'
  /** A store (events, keys, outcomes) failed or cannot be reached; the command may be retried. */
  | 'Unavailable';

/**
 * The one infrastructure error of command handling, returned (never thrown) inside a
 * `failed` result. Map `code` to HTTP statuses or exit codes at the edge, not here.
 */
export interface CommandHandlingError {
  readonly code: CommandHandlingErrorCode;
  readonly message: string;
  readonly streamName?: string;
  /** The underlying error, for logs; never part of a recorded outcome. */
  readonly cause?: unknown;
}

/** Builds a `CommandHandlingError`. */
export const commandHandlingError = (
  code: CommandHandlingErrorCode,
  message: string,
  details: { readonly streamName?: string; readonly cause?: unknown } = {},
): CommandHandlingError => ({ code, message, ...details });

/**
 * Carries a `CommandHandlingError` out of nested async code to the one place that turns it
 * into a result. Internal: never escapes `handle`.
 */
export class HandlingFailure extends Error {
  constructor(readonly error: CommandHandlingError) {
    super(error.message);
  }
}
