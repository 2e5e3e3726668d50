import { EventStoreError } from './errors.ts';
import type { AppendResult } from './event-store.ts';
import type { LogPosition } from './position.ts';
import type { ValidatedEvent } from './validate-append.ts';

/** Where an event id of the batch already sits in the stream. */
export interface StoredEventRef {
  readonly revision: number;
  readonly position: LogPosition;
}

/**
 * The idempotence rule, checked before the expected revision: when every event of the batch is
 * already in the stream, the original result (the last of those events); when none is,
 * `undefined` (append normally); when only some are, `InvalidInput` naming the first of them.
 *
 * @param stored the batch's event ids (lower-case) found in the stream
 */
export const idempotentResult = (
  events: ReadonlyArray<ValidatedEvent>,
  stored: ReadonlyMap<string, StoredEventRef>,
): AppendResult | undefined => {
  if (stored.size === 0) return undefined;
  let last: StoredEventRef | undefined;
  let firstStored = -1;
  let missing = false;
  for (const [index, event] of events.entries()) {
    const ref = stored.get(event.eventId);
    if (ref === undefined) {
      missing = true;
    } else {
      if (firstStored < 0) firstStored = index;
      if (last === undefined || ref.revision > last.revision) last = ref;
    }
  }
  if (last === undefined) return undefined;
  if (missing) {
    throw EventStoreError.invalidInput(
      `events[${firstStored}].eventId`,
      'is already in the stream, but other events of the batch are not: a batch is retried whole',
    );
  }
  return { nextExpectedRevision: last.revision, position: last.position };
};
