import { EventStoreError } from './errors.ts';
import type { AppendOptions, ExpectedRevision, NewEvent } from './event-store.ts';
import { normaliseExpectedRevision } from './expected-revision.ts';
import type { JsonObject, JsonValue } from './json.ts';
import { assertStrictJson } from './json-check.ts';
import { isValidStreamName } from './stream-name.ts';

/** Limits a store enforces on what it is given. */
export interface EventStoreLimits {
  /** The most bytes (UTF-8) that one event's serialised data and metadata may take together. */
  readonly maxEventBytes: number;
}

/** 1 MiB per event, like EventStoreDB's default. */
export const defaultEventStoreLimits: EventStoreLimits = Object.freeze({
  maxEventBytes: 1024 * 1024,
});

/** An event that passed validation, with its id lower-cased and its JSON already serialised. */
export interface ValidatedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonValue;
  /** `{}` when the writer gave none. */
  readonly metadata: JsonObject;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** An append that passed validation: what the adapter writes. */
export interface ValidatedAppend {
  readonly streamName: string;
  readonly events: ReadonlyArray<ValidatedEvent>;
  readonly expectedRevision: ExpectedRevision;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const typePattern = /^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/;

/** Throws `InvalidInput` naming `streamName` unless it is `<category>-<id>`. */
export const assertStreamName = (streamName: unknown): string => {
  if (typeof streamName !== 'string' || !isValidStreamName(streamName)) {
    throw EventStoreError.invalidInput(
      'streamName',
      `${JSON.stringify(streamName)} is not <category>-<id>`,
    );
  }
  return streamName;
};

const validateEvent = (
  candidate: unknown,
  index: number,
  limits: EventStoreLimits,
): ValidatedEvent => {
  const at = `events[${index}]`;
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    throw EventStoreError.invalidInput(at, 'is not an event object');
  }
  const event = candidate as Partial<Record<keyof NewEvent, unknown>>;
  if (typeof event.eventId !== 'string' || !uuidPattern.test(event.eventId)) {
    throw EventStoreError.invalidInput(
      `${at}.eventId`,
      `${JSON.stringify(event.eventId)} is not a UUID`,
    );
  }
  if (typeof event.type !== 'string' || !typePattern.test(event.type)) {
    throw EventStoreError.invalidInput(
      `${at}.type`,
      `${JSON.stringify(event.type)} does not match ${typePattern.source}`,
    );
  }
  assertStrictJson(event.data, `${at}.data`);
  const metadata = event.metadata === undefined ? {} : event.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw EventStoreError.invalidInput(`${at}.metadata`, 'is not a JSON object');
  }
  assertStrictJson(metadata, `${at}.metadata`);
  const dataJson = JSON.stringify(event.data);
  const metadataJson = JSON.stringify(metadata);
  const bytes = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
  if (bytes > limits.maxEventBytes) {
    throw EventStoreError.invalidInput(
      at,
      `data and metadata take ${bytes} bytes, over the limit of ${limits.maxEventBytes}`,
    );
  }
  return {
    eventId: event.eventId.toLowerCase(),
    type: event.type,
    data: event.data as JsonValue,
    metadata: metadata as JsonObject,
    dataJson,
    metadataJson,
  };
};

/**
 * Checks an append before any I/O, the same way in every store, and returns what to write.
 * Throws `EventStoreError` `InvalidInput` whose `details.field` names the first culprit:
 * `streamName`, `expectedRevision`, `events`, `events[2].eventId`, `events[0].data.lines[1].price`…
 *
 * @example
 * const { streamName, events, expectedRevision } = validateAppend(name, batch, options, limits);
 */
export const validateAppend = (
  streamName: string,
  events: ReadonlyArray<NewEvent>,
  options: AppendOptions | undefined,
  limits: EventStoreLimits = defaultEventStoreLimits,
): ValidatedAppend => {
  assertStreamName(streamName);
  const expectedRevision = normaliseExpectedRevision(options);
  if (!Array.isArray(events) || events.length === 0) {
    throw EventStoreError.invalidInput('events', 'must be a non-empty array');
  }
  const validated = events.map((event: unknown, index) => validateEvent(event, index, limits));
  const seen = new Set<string>();
  validated.forEach((event, index) => {
    if (seen.has(event.eventId)) {
      throw EventStoreError.invalidInput(
        `events[${index}].eventId`,
        `${event.eventId} appears twice in the batch`,
      );
    }
    seen.add(event.eventId);
  });
  return { streamName, events: validated, expectedRevision };
};
