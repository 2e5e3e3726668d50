import { type ActualRevision, EventStoreError, type ExpectedRevision } from '@crm/event-store';
import {
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';

/** The stream's state as a wrong-expected-version error reports it (negative means none). */
export const actualRevisionOf = (error: WrongExpectedVersionError): ActualRevision => {
  const actual = error.actualVersion;
  return typeof actual === 'bigint' && actual >= 0n ? Number(actual) : 'no_stream';
};

// The client converts gRPC errors itself on most paths, not all (a failed Append sink, a read's
// first message): converting again is a no-op for errors it already converted.
const asCommandError = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? convertToCommandError(error as Error) : error;

/**
 * Whether a failure is about reaching the server (unavailable, timed out, cancelled by the
 * server, a leader change) rather than about the request: only those are worth a retry, and only
 * where the operation is safe to repeat.
 */
export const isTransient = (error: unknown): boolean => {
  const converted = asCommandError(error);
  return (
    converted instanceof UnavailableError ||
    converted instanceof DeadlineExceededError ||
    converted instanceof TimeoutError ||
    converted instanceof CancelledError ||
    converted instanceof NotLeaderError
  );
};

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Translates whatever the client threw into the port's one error type: a wrong expected version
 * keeps what was expected and what the stream was at, a deleted stream is `StreamDeleted`, an
 * append over the server's maximum size is `InvalidInput` on `events`, and everything else —
 * unreachable server, timeouts, access denied, unknown server errors — is `Unavailable` with the
 * client's error as its cause.
 */
export const translateError = (
  error: unknown,
  context: { readonly streamName?: string; readonly expected?: ExpectedRevision },
): EventStoreError => {
  if (error instanceof EventStoreError) return error;
  const converted = asCommandError(error);
  const streamName = context.streamName ?? '';
  if (converted instanceof WrongExpectedVersionError) {
    return EventStoreError.wrongExpectedRevision(
      streamName,
      context.expected ?? 'any',
      actualRevisionOf(converted),
    );
  }
  if (converted instanceof StreamDeletedError) return EventStoreError.streamDeleted(streamName);
  if (converted instanceof MaxAppendSizeExceededError) {
    return EventStoreError.invalidInput(
      'events',
      `the batch is over the server's maximum append size of ${converted.maxAppendSize} bytes`,
    );
  }
  const what = isTransient(converted) ? 'EventStoreDB is unavailable' : 'EventStoreDB failed';
  return EventStoreError.unavailable(`${what}: ${describe(converted)}`, converted);
};
