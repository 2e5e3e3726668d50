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
export type { JsonObject, JsonValue } from './json.ts';
export type { LogPosition } from './position.ts';
export { comparePositions, logStart, parsePosition, positionToString } from './position.ts';
export { categoryOf, idOf, isValidStreamName, streamNameOf } from './stream-name.ts';
