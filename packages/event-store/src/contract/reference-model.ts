import type { ActualRevision } from '../errors.ts';
import type { ExpectedRevision } from '../event-store.ts';
import type { JsonValue } from '../json.ts';

/** An event as the model remembers it. */
export interface ModelEvent {
  readonly streamName: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonValue;
}

/** What the model predicts a call does: its result, or the error the store must raise. */
export type Prediction =
  | { readonly kind: 'ok'; readonly nextExpectedRevision: number; readonly resent: boolean }
  | {
      readonly kind: 'WrongExpectedRevision';
      readonly expected: ExpectedRevision;
      readonly actual: ActualRevision;
    }
  | { readonly kind: 'StreamDeleted' }
  | { readonly kind: 'InvalidInput'; readonly field: string };

interface ModelStream {
  readonly events: ModelEvent[];
  deleted: boolean;
}

const holds = (expected: ExpectedRevision, actual: ActualRevision): boolean =>
  expected === 'any' ||
  (expected === 'no_stream'
    ? actual === 'no_stream'
    : expected === 'stream_exists'
      ? actual !== 'no_stream'
      : actual === expected);

/**
 * The event store as the brief defines it, in a few lines: streams of events with revisions,
 * one global order, tombstones, the expected-revision and idempotence rules. Written apart from
 * every adapter, so the property tests compare two independent readings of the semantics.
 */
export class ReferenceModel {
  readonly log: ModelEvent[] = [];
  private readonly streams = new Map<string, ModelStream>();

  lastRevision(streamName: string): ActualRevision {
    const events = this.streams.get(streamName)?.events ?? [];
    return events.length === 0 ? 'no_stream' : events.length - 1;
  }

  isDeleted(streamName: string): boolean {
    return this.streams.get(streamName)?.deleted === true;
  }

  stream(streamName: string): ReadonlyArray<ModelEvent> {
    return this.streams.get(streamName)?.events ?? [];
  }

  /** Applies an append to the model and predicts its outcome. */
  append(
    streamName: string,
    events: ReadonlyArray<{
      readonly eventId: string;
      readonly type: string;
      readonly data: JsonValue;
    }>,
    expected: ExpectedRevision,
  ): Prediction {
    const stream = this.streams.get(streamName) ?? { events: [], deleted: false };
    if (stream.deleted) return { kind: 'StreamDeleted' };
    const stored = events.map((event) =>
      stream.events.find((e) => e.eventId === event.eventId.toLowerCase()),
    );
    if (stored.length > 0 && stored.every((found) => found !== undefined)) {
      return {
        kind: 'ok',
        nextExpectedRevision: Math.max(...stored.map((found) => found?.revision ?? -1)),
        resent: true,
      };
    }
    const firstStored = stored.findIndex((found) => found !== undefined);
    if (firstStored >= 0) return { kind: 'InvalidInput', field: `events[${firstStored}].eventId` };
    const actual = this.lastRevision(streamName);
    if (!holds(expected, actual)) return { kind: 'WrongExpectedRevision', expected, actual };
    this.streams.set(streamName, stream);
    for (const event of events) {
      const recorded: ModelEvent = {
        streamName,
        revision: stream.events.length,
        eventId: event.eventId.toLowerCase(),
        type: event.type,
        data: event.data,
      };
      stream.events.push(recorded);
      this.log.push(recorded);
    }
    return { kind: 'ok', nextExpectedRevision: stream.events.length - 1, resent: false };
  }

  /** Applies a delete to the model and predicts its outcome. */
  delete(streamName: string, expected: ExpectedRevision): Prediction {
    const stream = this.streams.get(streamName) ?? { events: [], deleted: false };
    if (stream.deleted) return { kind: 'StreamDeleted' };
    const actual = this.lastRevision(streamName);
    if (!holds(expected, actual)) return { kind: 'WrongExpectedRevision', expected, actual };
    stream.deleted = true;
    this.streams.set(streamName, stream);
    return { kind: 'ok', nextExpectedRevision: -1, resent: false };
  }
}
