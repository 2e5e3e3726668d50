import type { StoredEventRef } from '@crm/event-store';
import {
  BACKWARDS,
  END,
  type EventStoreDBClient,
  StreamNotFoundError,
} from '@eventstore/db-client';
import { collect } from './collect.ts';
import { toRecordedEvent } from './mapping.ts';

/**
 * Where the given event ids sit among the last `window` events of a stream (read backwards from
 * its end): the port's idempotence check, made deterministic where EventStoreDB's own check is
 * best effort. A stream that does not exist holds none; a deleted one rejects (StreamDeleted).
 */
export const storedEventsIn = async (
  client: EventStoreDBClient,
  streamName: string,
  eventIds: ReadonlyArray<string>,
  window: number,
  timeoutMs: number,
): Promise<Map<string, StoredEventRef>> => {
  const wanted = new Set(eventIds);
  const found = new Map<string, StoredEventRef>();
  try {
    const tail = await collect(
      client.readStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: window }),
      timeoutMs,
    );
    for (const resolved of tail) {
      const event = toRecordedEvent(resolved);
      if (event === undefined || !wanted.has(event.eventId)) continue;
      found.set(event.eventId, { revision: event.revision, position: event.position });
      if (found.size === wanted.size) break;
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return found;
};
