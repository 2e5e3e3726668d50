export type { ActualRevision, EventStoreErrorCode } from './errors.ts';
export { EventStoreError, isEventStoreError } from './errors.ts';
export type {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from './event-store.ts';
export {
  checkExpectedRevision,
  expectedRevisionHolds,
  normaliseExpectedRevision,
} from './expected-revision.ts';
export type { StoredEventRef } from './idempotence.ts';
export { idempotentResult } from './idempotence.ts';
export type { JsonObject, JsonValue } from './json.ts';
export { matchesFilter } from './matches-filter.ts';
export type { LogPosition } from './position.ts';
export { comparePositions, logStart, parsePosition, positionToString } from './position.ts';
export { categoryOf, idOf, isValidStreamName, streamNameOf } from './stream-name.ts';
export type {
  EventStoreLimits,
  ValidatedAppend,
  ValidatedEvent,
} from './validate-append.ts';
export { assertStreamName, defaultEventStoreLimits, validateAppend } from './validate-append.ts';
export type { ValidatedReadAll, ValidatedReadStream } from './validate-reads.ts';
export { validateReadAll, validateReadStream, validateSubscribe } from './validate-reads.ts';
