import { type ActualRevision, EventStoreError } from './errors.ts';
import type { AppendOptions, ExpectedRevision } from './event-store.ts';

/**
 * The expected revision of an append or delete, defaulted to `'any'`; `InvalidInput` naming
 * `expectedRevision` unless it is one of the four forms (a number must be an integer ≥ 0).
 */
export const normaliseExpectedRevision = (options: AppendOptions | undefined): ExpectedRevision => {
  const expected: unknown = options?.expectedRevision;
  if (expected === undefined) return 'any';
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') {
    return expected;
  }
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) {
    return expected;
  }
  throw EventStoreError.invalidInput(
    'expectedRevision',
    `${String(expected)} is not 'any', 'no_stream', 'stream_exists' or an integer ≥ 0`,
  );
};

/** Whether a stream whose last revision is `actual` satisfies `expected`. */
export const expectedRevisionHolds = (
  expected: ExpectedRevision,
  actual: ActualRevision,
): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default:
      return actual === expected;
  }
};

/** Throws `WrongExpectedRevision` (with expected and actual) unless the stream satisfies it. */
export const checkExpectedRevision = (
  streamName: string,
  expected: ExpectedRevision,
  actual: ActualRevision,
): void => {
  if (!expectedRevisionHolds(expected, actual)) {
    throw EventStoreError.wrongExpectedRevision(streamName, expected, actual);
  }
};
