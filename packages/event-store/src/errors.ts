import type { ExpectedRevision } from './event-store.ts';

/** Every way an event store call can fail. */
export type EventStoreErrorCode =
  | 'WrongExpectedRevision'
  | 'StreamDeleted'
  | 'InvalidInput'
  | 'Unavailable';

/** The stream's actual state when an expected revision did not hold. */
export type ActualRevision = number | 'no_stream';

/**
 * The one error type of the event store port. Adapters translate their driver's errors into it;
 * callers switch on `code`.
 */
export class EventStoreError extends Error {
  override readonly name = 'EventStoreError';

  private constructor(
    readonly code: EventStoreErrorCode,
    message: string,
    readonly details: {
      readonly streamName?: string;
      readonly expected?: ExpectedRevision;
      readonly actual?: ActualRevision;
      readonly field?: string;
    },
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }

  /** The stream was not at the revision the writer expected; nothing was written. */
  static wrongExpectedRevision(
    streamName: string,
    expected: ExpectedRevision,
    actual: ActualRevision,
  ): EventStoreError {
    return new EventStoreError(
      'WrongExpectedRevision',
      `Stream ${streamName} was expected at ${String(expected)} but is at ${String(actual)}.`,
      { streamName, expected, actual },
    );
  }

  /** The stream has been deleted; it cannot be read or written again. */
  static streamDeleted(streamName: string): EventStoreError {
    return new EventStoreError('StreamDeleted', `Stream ${streamName} has been deleted.`, {
      streamName,
    });
  }

  /** The call's arguments are wrong; `field` names the culprit (`events[2].data.total`). */
  static invalidInput(field: string, problem: string): EventStoreError {
    return new EventStoreError('InvalidInput', `${field}: ${problem}`, { field });
  }

  /** The store cannot be reached or failed; the call may or may not have taken effect. */
  static unavailable(message: string, cause?: unknown): EventStoreError {
    return new EventStoreError('Unavailable', message, {}, { cause });
  }
}

/** Narrows an unknown rejection to an `EventStoreError`, optionally of one code. */
export const isEventStoreError = (
  error: unknown,
  code?: EventStoreErrorCode,
): error is EventStoreError =>
  error instanceof EventStoreError && (code === undefined || error.code === code);
