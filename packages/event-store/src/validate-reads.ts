import { EventStoreError } from './errors.ts';
import type {
  EventFilter,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from './event-store.ts';
import { type LogPosition, logStart } from './position.ts';
import { assertStreamName } from './validate-append.ts';

/** `readStream` options with defaults applied. */
export interface ValidatedReadStream {
  readonly streamName: string;
  readonly direction: 'forwards' | 'backwards';
  /**
   * First revision to read, inclusive: forwards reads revisions ≥ it, backwards ≤ it. `'start'`
   * is 0; `'end'` (and the backwards default) is `Number.MAX_SAFE_INTEGER`.
   */
  readonly fromRevision: number;
  /** `undefined` reads all. */
  readonly maxCount: number | undefined;
}

/** `readAll` / `subscribeToAll` options with defaults applied. */
export interface ValidatedReadAll {
  readonly after: LogPosition;
  readonly maxCount: number | undefined;
  readonly filter: EventFilter | undefined;
}

const assertMaxCount = (maxCount: unknown): number | undefined => {
  if (maxCount === undefined) return undefined;
  if (typeof maxCount === 'number' && Number.isSafeInteger(maxCount) && maxCount >= 1) {
    return maxCount;
  }
  throw EventStoreError.invalidInput('maxCount', `${String(maxCount)} is not an integer ≥ 1`);
};

const assertAfter = (after: unknown): LogPosition => {
  if (after === undefined) return logStart;
  const position = after as Partial<Record<keyof LogPosition, unknown>> | null;
  if (
    typeof position !== 'object' ||
    position === null ||
    typeof position.commit !== 'bigint' ||
    typeof position.prepare !== 'bigint'
  ) {
    throw EventStoreError.invalidInput('after', 'is not a log position {commit, prepare}');
  }
  return after as LogPosition;
};

const assertList = (list: unknown, field: string): void => {
  if (list === undefined) return;
  // An empty list would match nothing, which is never what a caller building it meant.
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    !list.every((item) => typeof item === 'string' && item !== '')
  ) {
    throw EventStoreError.invalidInput(field, 'must be a non-empty list of non-empty strings');
  }
};

const assertFilter = (filter: unknown): EventFilter | undefined => {
  if (filter === undefined) return undefined;
  if (typeof filter !== 'object' || filter === null) {
    throw EventStoreError.invalidInput('filter', 'is not an object');
  }
  const { streamCategories, eventTypes } = filter as Record<keyof EventFilter, unknown>;
  assertList(streamCategories, 'filter.streamCategories');
  assertList(eventTypes, 'filter.eventTypes');
  return filter as EventFilter;
};

/** Checks `readStream` arguments before any I/O; `InvalidInput` names the culprit. */
export const validateReadStream = (
  streamName: string,
  options: ReadStreamOptions | undefined,
): ValidatedReadStream => {
  assertStreamName(streamName);
  const direction: unknown = options?.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw EventStoreError.invalidInput(
      'direction',
      `${String(direction)} is not forwards or backwards`,
    );
  }
  const from: unknown = options?.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
  let fromRevision: number;
  if (from === 'start') fromRevision = 0;
  else if (from === 'end') fromRevision = Number.MAX_SAFE_INTEGER;
  else if (typeof from === 'number' && Number.isSafeInteger(from) && from >= 0) fromRevision = from;
  else {
    throw EventStoreError.invalidInput(
      'fromRevision',
      `${String(from)} is not 'start', 'end' or an integer ≥ 0`,
    );
  }
  return { streamName, direction, fromRevision, maxCount: assertMaxCount(options?.maxCount) };
};

/** Checks `readAll` options before any I/O; `InvalidInput` names the culprit. */
export const validateReadAll = (options: ReadAllOptions | undefined): ValidatedReadAll => ({
  after: assertAfter(options?.after),
  maxCount: assertMaxCount(options?.maxCount),
  filter: assertFilter(options?.filter),
});

/** Checks `subscribeToAll` options; `InvalidInput` names the culprit. */
export const validateSubscribe = (options: SubscribeOptions | undefined): ValidatedReadAll => ({
  after: assertAfter(options?.after),
  maxCount: undefined,
  filter: assertFilter(options?.filter),
});
