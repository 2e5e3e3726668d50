import { decodeDomainEvent, decodeWith, EventMetadata, type InvalidInput } from '@crm/domain';
import type { RecordedEvent } from '@crm/event-store';
import * as E from 'fp-ts/lib/Either.js';
import type { ProjectedEvent } from './projection.ts';

/**
 * Turns a stored event into the event a projection sees. Throwing marks the event as poison
 * (the projection stops there), except with a `ProjectionRuntimeError` of code `Unavailable`,
 * which means "try again later" (a key store outage, say).
 */
export type EventDecoder = (recorded: RecordedEvent) => ProjectedEvent | Promise<ProjectedEvent>;

/** The metadata key command handling stores the event's schema version under. */
export const schemaVersionKey = 'schemaVersion';

const undecodable = (recorded: RecordedEvent, invalid: InvalidInput, where: string): Error => {
  const error = new Error(
    `${recorded.streamName}@${recorded.revision} (${recorded.type}): ${where} ${invalid.message}`,
  );
  error.name = 'InvalidInput';
  return Object.assign(error, { field: `${where}.${invalid.field}` });
};

/**
 * The default decoder: the stored `{type, data}` with the schema version command handling
 * keeps in `metadata.schemaVersion` (1 when absent, as command handling reads it), upcast and
 * checked by `decodeDomainEvent`, and the metadata checked against `EventMetadata`. It does not
 * decrypt personal fields: where events carry encrypted personal data, pass a decoder built on
 * command handling's `createDomainEventReader` instead (the projector app does).
 */
export const decodeRecordedEvent: EventDecoder = (recorded) => {
  const version = recorded.metadata[schemaVersionKey];
  const event = decodeDomainEvent({
    type: recorded.type,
    version: typeof version === 'number' ? version : 1,
    data: recorded.data,
  });
  if (E.isLeft(event)) throw undecodable(recorded, event.left, 'event');
  const metadata = decodeWith(EventMetadata, recorded.metadata);
  if (E.isLeft(metadata)) throw undecodable(recorded, metadata.left, 'metadata');
  return {
    streamName: recorded.streamName,
    revision: recorded.revision,
    position: recorded.position,
    event: event.right,
    metadata: metadata.right,
  };
};
