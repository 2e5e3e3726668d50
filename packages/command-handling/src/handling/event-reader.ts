import { decodeWith, EventMetadata, type VersionedEvent } from '@crm/domain';
import type { JsonObject, JsonValue, LogPosition, RecordedEvent } from '@crm/event-store';
import * as E from 'fp-ts/lib/Either.js';
import type { KeyRing } from '../privacy/key-ring.ts';
import { revealPersonalData } from '../privacy/personal-data.ts';
import { commandHandlingError, HandlingFailure } from './command-handling-error.ts';
import type { HandledEvent } from './command-result.ts';
import type { CommandRoute } from './command-route.ts';
import { schemaVersionKey } from './stored-event.ts';

/** A stored event with its personal fields decrypted (or read as `ErasedValue`). */
export interface RevealedEvent {
  readonly streamName: string;
  readonly revision: number;
  readonly position: LogPosition;
  readonly eventId: string;
  readonly type: string;
  /** The schema version of `data` as stored (before any upcasting). */
  readonly version: number;
  readonly data: JsonValue;
  readonly metadata: JsonObject;
  readonly recordedAt: Date;
  /** Dotted paths (`data.email`) of the fields whose subject was erased. */
  readonly erasedPaths: ReadonlyArray<string>;
}

/** A stored event read as a domain event of the current schema, with where it sits. */
export type DomainRecordedEvent<TEvent extends VersionedEvent = VersionedEvent> =
  HandledEvent<TEvent> & {
    readonly streamName: string;
    readonly position: LogPosition;
    readonly recordedAt: Date;
    readonly erasedPaths: ReadonlyArray<string>;
  };

const corrupt = (event: RecordedEvent, problem: string): HandlingFailure =>
  new HandlingFailure(
    commandHandlingError(
      'CorruptEvent',
      `${event.streamName}@${event.revision} (${event.type}): ${problem}`,
      { streamName: event.streamName },
    ),
  );

/** Decrypts a stored event's personal fields; an altered encrypted field is a `CorruptEvent`. */
export const revealEvent = async (event: RecordedEvent, keys: KeyRing): Promise<RevealedEvent> => {
  const revealed = await revealPersonalData(event.data, event.eventId, keys);
  if ('_tag' in revealed) {
    throw corrupt(event, `the personal field ${revealed.path} does not decrypt; it was altered.`);
  }
  const version = event.metadata[schemaVersionKey];
  return {
    streamName: event.streamName,
    revision: event.revision,
    position: event.position,
    eventId: event.eventId,
    type: event.type,
    version: typeof version === 'number' ? version : 1,
    data: revealed.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
    erasedPaths: revealed.erasedPaths,
  };
};

const within = (field: string, erased: string): boolean =>
  field === erased || field.startsWith(`${erased}.`) || erased.startsWith(`${field}.`);

/**
 * Reads a revealed event as its route's domain event. An event whose only flaws are its erased
 * fields is accepted as it is, with `ErasedValue` placeholders in those fields, so the
 * aggregate stays usable for its non-personal history; anything else that does not decode is
 * a `CorruptEvent`.
 */
export const decodeRevealed = <TEvent extends VersionedEvent>(
  route: CommandRoute<TEvent>,
  event: RevealedEvent,
): DomainRecordedEvent<TEvent> => {
  const metadata = decodeWith(EventMetadata, event.metadata);
  if (E.isLeft(metadata)) throw corrupt(event, metadata.left.message);
  const stored = { type: event.type, version: event.version, data: event.data };
  const decoded = route.decodeEvent(stored);
  let domainEvent: TEvent;
  if (E.isRight(decoded)) {
    domainEvent = decoded.right;
  } else {
    // Checked against the current codec directly (no upcasting), so an older version whose
    // upcaster stumbled on an erased field is reported rather than passed off as current.
    const codec = route.eventCodecs[event.type];
    const direct = codec === undefined ? decoded : decodeWith(codec, stored);
    const tolerable =
      event.erasedPaths.length > 0 &&
      E.isLeft(direct) &&
      direct.left.issues.every((issue) => event.erasedPaths.some((p) => within(issue.field, p)));
    if (!tolerable) throw corrupt(event, decoded.left.message);
    domainEvent = stored as TEvent;
  }
  return {
    ...domainEvent,
    metadata: metadata.right,
    revision: event.revision,
    streamName: event.streamName,
    position: event.position,
    recordedAt: event.recordedAt,
    erasedPaths: event.erasedPaths,
  };
};
