import type { EventMetadata, VersionedEvent } from '@crm/domain';
import type { JsonObject, JsonValue, NewEvent } from '@crm/event-store';
import { eventHash, hashKey } from '../integrity/event-hash.ts';
import type { KeyRing } from '../privacy/key-ring.ts';
import { isKeyStoreError } from '../privacy/key-store.ts';
import { encryptPersonalFields, hasPersonalValues } from '../privacy/personal-data.ts';
import { commandHandlingError, HandlingFailure } from './command-handling-error.ts';
import type { HandledEvent } from './command-result.ts';
import type { CommandRoute } from './command-route.ts';
import { eventIdFor } from './event-ids.ts';

/** The metadata key that holds the event's schema version (the store has no column for it). */
export const schemaVersionKey = 'schemaVersion';

/** Plain JSON of a domain value: drops `undefined` properties, as the store requires. */
export const toJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

/** The metadata of §4 shared by every event of one command; each event adds its own id. */
export type CommandMetadata = Omit<EventMetadata, 'eventId'>;

/** Events ready to append, with their plain (decrypted) form for the caller. */
export interface PreparedEvents {
  readonly newEvents: ReadonlyArray<NewEvent>;
  readonly handled: ReadonlyArray<HandledEvent>;
  /** The state after the events. */
  readonly state: unknown;
}

/**
 * Turns a decision into events to append: ids derived from the command id, the metadata of
 * §4 plus the schema version, personal fields encrypted under their subject's key, and each
 * event's hash chained to the previous one over that stored form.
 */
export const prepareEvents = async (input: {
  readonly route: CommandRoute;
  readonly keys: KeyRing;
  readonly streamName: string;
  readonly aggregateId: string;
  readonly state: unknown;
  readonly revision: number | 'no_stream';
  readonly previousHash: string;
  readonly events: ReadonlyArray<VersionedEvent>;
  readonly metadata: CommandMetadata;
}): Promise<PreparedEvents> => {
  const { route, streamName } = input;
  const newEvents: NewEvent[] = [];
  const handled: HandledEvent[] = [];
  let state = input.state;
  let previousHash = input.previousHash;
  let revision = input.revision === 'no_stream' ? -1 : input.revision;
  for (const [index, event] of input.events.entries()) {
    revision += 1;
    const eventId = eventIdFor(input.metadata.commandId, index);
    const stored = await storedDataOf(input, event, state, eventId);
    const storedMetadata: JsonObject = {
      ...(toJson({ ...input.metadata, eventId }) as JsonObject),
      [schemaVersionKey]: event.version,
    };
    const hash = eventHash(previousHash, {
      streamName,
      revision,
      eventId,
      type: event.type,
      data: stored,
      metadata: storedMetadata,
    });
    const fullMetadata = { ...storedMetadata, [hashKey]: hash };
    newEvents.push({ eventId, type: event.type, data: stored, metadata: fullMetadata });
    // The same shape a replayed outcome reads back: JSON data, the stored metadata.
    handled.push({
      ...event,
      data: toJson(event.data),
      metadata: fullMetadata as unknown as EventMetadata,
      revision,
    });
    previousHash = hash;
    state = route.evolve(state, event);
  }
  return { newEvents, handled, state };
};

const storedDataOf = async (
  input: {
    readonly route: CommandRoute;
    readonly keys: KeyRing;
    readonly aggregateId: string;
    readonly streamName: string;
  },
  event: VersionedEvent,
  state: unknown,
  eventId: string,
): Promise<JsonValue> => {
  const data = toJson(event.data);
  const paths = input.route.personalFieldsOf(event.type);
  // No key is needed (nor created) when the event holds no personal value this time.
  if (!hasPersonalValues(data, paths)) return data;
  const subject = input.route.subjectOf(event, state, input.aggregateId);
  if (subject === undefined) {
    throw new HandlingFailure(
      commandHandlingError(
        'RouteMisconfigured',
        `The ${input.route.aggregate} route names no data subject for ${event.type}, which has personal fields.`,
        { streamName: input.streamName },
      ),
    );
  }
  try {
    const key = await input.keys.keyFor(subject);
    return encryptPersonalFields(data, paths, { eventId, subject, key });
  } catch (error) {
    throw new HandlingFailure(
      isKeyStoreError(error, 'SubjectErased')
        ? commandHandlingError('PersonalDataErased', error.message, {
            streamName: input.streamName,
          })
        : commandHandlingError('Unavailable', 'The key store failed.', {
            streamName: input.streamName,
            cause: error,
          }),
    );
  }
};
