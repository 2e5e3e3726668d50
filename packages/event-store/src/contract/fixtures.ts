import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { type EventStoreErrorCode, isEventStoreError } from '../errors.ts';
import type {
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
} from '../event-store.ts';
import type { JsonObject, JsonValue } from '../json.ts';
import { comparePositions, type LogPosition } from '../position.ts';

/** Unique per suite run, so a shared, non-empty store never mixes runs. */
const runId = randomUUID().replaceAll('-', '').slice(0, 10);
let sequence = 0;

/**
 * Names private to one test: categories and event types nobody else uses, so reading the
 * global log filtered by them sees only this test's events.
 */
export interface TestScope {
  /** `order` → `order3a9f…` (a category of its own). */
  readonly category: (label: string) => string;
  /** `stream('order', 'a')` → `order3a9f…-a`. */
  readonly stream: (label: string, id?: string) => string;
  /** `Noted` → `Noted3a9f…` (an event type of its own). */
  readonly type: (label: string) => string;
}

export const testScope = (): TestScope => {
  sequence += 1;
  const suffix = `${runId}n${sequence}`;
  const category = (label: string): string => `${label}${suffix}`;
  return {
    category,
    stream: (label, id = 'x1') => `${category(label)}-${id}`,
    type: (label) => `${label}${suffix}`,
  };
};

/** A new event with a fresh id. */
export const newEvent = (
  type = 'Noted',
  data: JsonValue = { note: 'hello' },
  metadata?: JsonObject,
): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  ...(metadata === undefined ? {} : { metadata }),
});

/** `count` new events of one type with `{ n: i }` as data. */
export const newEvents = (count: number, type = 'Noted'): NewEvent[] =>
  Array.from({ length: count }, (_, n) => newEvent(type, { n }));

/**
 * A position that every event this test appends from now on comes after: the position of a
 * marker event in a category of its own (the port has no "head of log" call).
 */
export const checkpoint = async (store: EventStore): Promise<LogPosition> => {
  const marker = testScope().stream('mark');
  return (await store.append(marker, [newEvent('Marker')])).position;
};

/** The log after `after`, restricted to `filter` (the test's own categories or types). */
export const readAllAfter = (
  store: EventStore,
  after: LogPosition,
  filter: NonNullable<ReadAllOptions['filter']>,
): Promise<ReadonlyArray<RecordedEvent>> => store.readAll({ after, filter });

/**
 * Reads the log page by page (`maxCount: pageSize`, each page after the last event of the one
 * before), checking that every page moves forward, so a store that repeats events fails the test
 * instead of looping forever.
 */
export const readAllPaged = async (
  store: EventStore,
  after: LogPosition,
  filter: NonNullable<ReadAllOptions['filter']>,
  pageSize: number,
): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await store.readAll({ after: cursor, filter, maxCount: pageSize });
    expect(page.length, 'a page holds at most maxCount events').toBeLessThanOrEqual(pageSize);
    const [first] = page;
    const last = page[page.length - 1];
    if (first === undefined || last === undefined) return all;
    expect(
      comparePositions(first.position, cursor),
      'a page starts after its checkpoint',
    ).toBeGreaterThan(0);
    all.push(...page);
    cursor = last.position;
  }
};

/** Expects a rejection with an `EventStoreError` of `code` whose details include `details`. */
export const expectStoreError = async (
  promise: Promise<unknown>,
  code: EventStoreErrorCode,
  details?: Readonly<Record<string, unknown>>,
): Promise<void> => {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (error: unknown) => ({ rejected: error }),
  );
  if (!('rejected' in outcome)) {
    expect.fail(`expected EventStoreError ${code}, but the call succeeded`);
  }
  const error = outcome.rejected;
  if (!isEventStoreError(error, code)) {
    expect.fail(`expected EventStoreError ${code}, got ${String(error)}`);
  }
  if (details !== undefined) expect(error.details).toMatchObject(details);
};

/** Expects positions to be strictly increasing. */
export const expectIncreasingPositions = (events: ReadonlyArray<RecordedEvent>): void => {
  for (let index = 1; index < events.length; index += 1) {
    const previous = events[index - 1];
    const current = events[index];
    if (previous === undefined || current === undefined) continue;
    expect(
      comparePositions(previous.position, current.position),
      `position of event ${index} is not after event ${index - 1}`,
    ).toBeLessThan(0);
  }
};

/** Event ids, the usual way to compare what was written with what was read. */
export const idsOf = (events: ReadonlyArray<{ readonly eventId: string }>): string[] =>
  events.map((event) => event.eventId);

const defaultWaitMs = 5000;

/** Resolves once `condition` holds; fails after `waitMs`. Only for state a test cannot await. */
export const waitFor = async (condition: () => boolean, waitMs = defaultWaitMs): Promise<void> => {
  const deadline = Date.now() + waitMs;
  while (!condition()) {
    if (Date.now() > deadline) expect.fail('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** Awaits `promise`, failing with `message` if it has not settled within `waitMs`. */
export const expectSettlesWithin = async (
  promise: Promise<unknown>,
  message: string,
  waitMs = defaultWaitMs,
): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), waitMs);
  });
  try {
    const outcome = await Promise.race([promise.then(() => 'settled'), timeout]);
    if (outcome === 'timeout') expect.fail(message);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Pulls a subscription one event at a time with a deadline per pull, so a store that fails to
 * deliver fails the test instead of hanging it. A pull that timed out is kept and reused.
 */
export class SubscriptionReader {
  private readonly iterator: AsyncIterator<RecordedEvent>;
  private pending: Promise<IteratorResult<RecordedEvent>> | undefined;

  constructor(readonly subscription: EventSubscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  /** The next result, or `'timeout'` if none came within `waitMs`. */
  async next(waitMs = defaultWaitMs): Promise<IteratorResult<RecordedEvent> | 'timeout'> {
    const pending = this.pending ?? this.iterator.next();
    this.pending = pending;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), waitMs);
    });
    try {
      const result = await Promise.race([pending, timeout]);
      if (result !== 'timeout') this.pending = undefined;
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Exactly the next `count` events; fails if the subscription ends or stalls first. */
  async take(count: number, waitMs = defaultWaitMs): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    while (events.length < count) {
      const result = await this.next(waitMs);
      if (result === 'timeout') {
        expect.fail(`subscription stalled after ${events.length} of ${count} events`);
      }
      if (result.done === true) {
        expect.fail(`subscription ended after ${events.length} of ${count} events`);
      }
      events.push(result.value);
    }
    return events;
  }

  /**
   * Expects nothing to arrive for a moment: the consumer is now waiting at the head of the log,
   * so what comes next must be delivered live (woken by the append), not found by catch-up.
   */
  async expectIdle(waitMs = 100): Promise<void> {
    const result = await this.next(waitMs);
    if (result !== 'timeout') {
      expect.fail(
        `expected no event yet, got ${result.done === true ? 'the end' : result.value.eventId}`,
      );
    }
  }

  /** Expects the subscription to have ended (or to end promptly). */
  async expectEnded(waitMs = defaultWaitMs): Promise<void> {
    const result = await this.next(waitMs);
    if (result === 'timeout') expect.fail('subscription did not end');
    expect(result.done, `subscription delivered ${result.done ? '' : result.value.eventId}`).toBe(
      true,
    );
  }

  /** Ends the iteration the way `break` in `for await` does. */
  async return(): Promise<void> {
    await this.iterator.return?.();
  }
}
