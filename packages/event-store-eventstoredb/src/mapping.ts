import type {
  EventFilter,
  ExpectedRevision,
  JsonObject,
  JsonValue,
  LogPosition,
  RecordedEvent,
  ValidatedEvent,
} from '@crm/event-store';
import {
  ANY,
  type AppendExpectedRevision,
  eventTypeFilter,
  excludeSystemEvents,
  type Filter,
  type JSONEventData,
  type JSONType,
  NO_STREAM,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
  START,
  STREAM_EXISTS,
  streamNameFilter,
} from '@eventstore/db-client';

/** Our metadata keys that EventStoreDB also knows, under its own `$` names. */
const systemMetadataNames = [
  ['correlationId', '$correlationId'],
  ['causationId', '$causationId'],
] as const;

/**
 * The metadata as stored: ours, plus `$correlationId` / `$causationId` copies of
 * `correlationId` / `causationId` (when they are strings and the `$` key is not already set),
 * so EventStoreDB's projections and other clients see the ids under the names they know.
 */
export const toStoredMetadata = (metadata: JsonObject): JsonObject => {
  const stored: Record<string, JsonValue> = { ...metadata };
  for (const [ours, theirs] of systemMetadataNames) {
    const value = metadata[ours];
    if (typeof value === 'string' && !(theirs in metadata)) stored[theirs] = value;
  }
  return stored;
};

const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Uint8Array);

/**
 * Our metadata from the stored form: a `$correlationId` / `$causationId` copy of our own key is
 * dropped; one written by another client without ours becomes `correlationId` / `causationId`.
 * Metadata that is not a JSON object (binary, from another writer) reads as `{}`.
 */
export const fromStoredMetadata = (stored: unknown): JsonObject => {
  if (!isJsonObject(stored)) return {};
  const metadata: Record<string, JsonValue> = { ...stored };
  for (const [ours, theirs] of systemMetadataNames) {
    const value = metadata[theirs];
    if (value === undefined) continue;
    if (metadata[ours] === undefined && typeof value === 'string') metadata[ours] = value;
    if (metadata[ours] === value) delete metadata[theirs];
  }
  return metadata;
};

/** The event as the client sends it: JSON content, our id, our metadata (omitted when empty). */
export const toEventData = (event: ValidatedEvent): JSONEventData => ({
  id: event.eventId,
  contentType: 'application/json',
  type: event.type,
  // The client JSON-stringifies any value; its JSONType is narrower than JSON (no numbers, null).
  data: event.data as JSONType,
  metadata: Object.keys(event.metadata).length === 0 ? undefined : toStoredMetadata(event.metadata),
});

/** The four expected revisions, in the client's terms. */
export const toClientExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
};

/** A log position is EventStoreDB's commit/prepare pair, one to one. */
export const toLogPosition = (position: Position): LogPosition => ({
  commit: position.commit,
  prepare: position.prepare,
});

/** Where a read or subscription "after" a checkpoint starts: the log's start for `logStart`. */
export const toReadPosition = (after: LogPosition): ReadPosition =>
  after.commit < 0n || after.prepare < 0n
    ? START
    : { commit: after.commit, prepare: after.prepare };

/**
 * Whether a recorded event belongs to EventStoreDB itself rather than to the port: system
 * streams (`$users`, `$$metadata` streams, projections' `$`-streams) and system event types
 * (`$streamDeleted` tombstones, `$metadata`, `$>` links…). The port never writes either: its
 * stream names and event types start with a letter.
 */
export const isSystemEvent = (streamName: string, type: string): boolean =>
  streamName.startsWith('$') || type.startsWith('$');

/**
 * A port event from a resolved event, or `undefined` for what the port does not hold: system
 * events, link events without their target, and events whose content is not JSON.
 */
export const toRecordedEvent = (resolved: ResolvedEvent): RecordedEvent | undefined => {
  const event = resolved.event;
  if (event === undefined || !event.isJson || isSystemEvent(event.streamId, event.type)) {
    return undefined;
  }
  // Servers before 22.6 leave the position out of stream reads; the commit position is there.
  const position: LogPosition =
    event.position === undefined
      ? resolved.commitPosition === undefined
        ? { commit: -1n, prepare: -1n }
        : { commit: resolved.commitPosition, prepare: resolved.commitPosition }
      : toLogPosition(event.position);
  return {
    streamName: event.streamId,
    revision: Number(event.revision),
    position,
    eventId: event.id.toLowerCase(),
    type: event.type,
    data: event.data as JsonValue,
    metadata: fromStoredMetadata(event.metadata),
    recordedAt: event.created,
  };
};

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The server-side filter for a subscription. EventStoreDB filters on one thing at a time, so
 * categories (as the stream prefix `<category>-`) win when both are given and the types are
 * then checked here; types alone become an anchored regex (a prefix would let `DealWon` match
 * `DealWonAgain`); no filter still leaves out system events.
 */
export const toServerFilter = (filter: EventFilter | undefined): Filter => {
  if (filter?.streamCategories !== undefined) {
    return streamNameFilter({
      prefixes: filter.streamCategories.map((category) => `${category}-`),
    });
  }
  if (filter?.eventTypes !== undefined) {
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  return excludeSystemEvents();
};
