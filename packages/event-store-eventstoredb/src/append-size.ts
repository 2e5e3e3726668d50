import { EventStoreError, type ValidatedAppend, type ValidatedEvent } from '@crm/event-store';
import { toStoredMetadata } from './mapping.ts';

/**
 * The bytes EventStoreDB counts against its maximum append size for one event, as sent
 * (`Event.SizeOnDisk`: data and metadata bytes plus twice the type's length).
 */
export const appendSizeOf = (event: ValidatedEvent): number => {
  const metadata =
    Object.keys(event.metadata).length === 0
      ? ''
      : JSON.stringify(toStoredMetadata(event.metadata));
  return Buffer.byteLength(event.dataJson) + Buffer.byteLength(metadata) + event.type.length * 2;
};

/**
 * Refuses, before any I/O, a batch the server would refuse as over its maximum append size:
 * `InvalidInput` naming `events[i]` when one event alone is too big, `events` for the total.
 */
export const assertFitsAppendSize = ({ events }: ValidatedAppend, maxAppendSize: number): void => {
  let total = 0;
  for (const [index, event] of events.entries()) {
    const size = appendSizeOf(event);
    if (size > maxAppendSize) {
      throw EventStoreError.invalidInput(
        `events[${index}]`,
        `takes ${size} bytes on EventStoreDB, over its maximum append size of ${maxAppendSize}`,
      );
    }
    total += size;
  }
  if (total > maxAppendSize) {
    throw EventStoreError.invalidInput(
      'events',
      `the batch takes ${total} bytes on EventStoreDB, over its maximum append size of ${maxAppendSize}`,
    );
  }
};
