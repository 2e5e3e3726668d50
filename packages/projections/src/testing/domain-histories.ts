import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@crm/domain';
import type { EventStore, NewEvent } from '@crm/event-store';
import {
  campaignHistoryArbitrary,
  customerHistoryArbitrary,
  dealHistoryArbitrary,
  ticketHistoryArbitrary,
} from '@crm/testing';
import * as fc from 'fast-check';
import { schemaVersionKey } from '../event-decoder.ts';

/** The events of one stream. */
export interface StreamHistory {
  readonly streamName: string;
  readonly events: ReadonlyArray<DomainEvent>;
}

const withId = (event: DomainEvent, customerId: string): DomainEvent =>
  // Each customer stream gets its own customer, so per-customer counts differ between streams.
  'customerId' in event.data
    ? ({ ...event, data: { ...event.data, customerId } } as DomainEvent)
    : event;

/**
 * Valid histories of several streams of the four aggregates, from the domain's own history
 * arbitraries (each aggregate's events are what its decider accepted). Stream names are
 * `<category>-<prefix><index>`, so every call can use fresh streams.
 */
export const streamHistoriesArbitrary = (
  prefix: string,
  options: { readonly maxStreams?: number } = {},
): fc.Arbitrary<ReadonlyArray<StreamHistory>> =>
  fc
    .array(
      fc.oneof(
        customerHistoryArbitrary.map((h) => ({
          category: 'customer',
          events: h.events as ReadonlyArray<DomainEvent>,
        })),
        dealHistoryArbitrary.map((h) => ({
          category: 'deal',
          events: h.events as ReadonlyArray<DomainEvent>,
        })),
        ticketHistoryArbitrary.map((h) => ({
          category: 'ticket',
          events: h.events as ReadonlyArray<DomainEvent>,
        })),
        campaignHistoryArbitrary.map((h) => ({
          category: 'campaign',
          events: h.events as ReadonlyArray<DomainEvent>,
        })),
      ),
      { minLength: 1, maxLength: options.maxStreams ?? 8 },
    )
    .map((histories) =>
      histories
        .filter((history) => history.events.length > 0)
        .map((history, index) => {
          const id = `${prefix}${index}`;
          return {
            streamName: `${history.category}-${id}`,
            events:
              history.category === 'customer'
                ? history.events.map((event) => withId(event, id))
                : history.events,
          };
        }),
    );

/** A fixed sample of histories with about `minEvents` events in all (deterministic per seed). */
export const sampleStreamHistories = (
  prefix: string,
  minEvents: number,
  seed = 42,
): ReadonlyArray<StreamHistory> => {
  const histories: StreamHistory[] = [];
  let total = 0;
  let round = 0;
  while (total < minEvents) {
    const [batch] = fc.sample(streamHistoriesArbitrary(`${prefix}${round}x`, { maxStreams: 20 }), {
      numRuns: 1,
      seed: seed + round,
    });
    for (const history of batch ?? []) {
      histories.push(history);
      total += history.events.length;
    }
    round += 1;
  }
  return histories;
};

/** A domain event as command handling stores it: metadata of §4 plus its schema version. */
export const toNewEvent = (event: DomainEvent, index: number): NewEvent => {
  const eventId = randomUUID();
  const at = (event.data as { readonly at?: unknown }).at;
  return {
    eventId,
    type: event.type,
    data: JSON.parse(JSON.stringify(event.data)),
    metadata: {
      eventId,
      commandId: `cmd-${eventId}`,
      correlationId: `corr-${index}`,
      causationId: `cmd-${eventId}`,
      actor: { id: 'u-test', role: 'system' },
      occurredAt: typeof at === 'string' ? at : '2026-01-01T00:00:00Z',
      [schemaVersionKey]: event.version,
    },
  };
};

/**
 * Appends histories to a store, interleaving the streams in small chunks (1 to `maxChunk`
 * events each, round robin) so the global log mixes them as real traffic does. Returns the
 * number of events appended.
 */
export const appendStreamHistories = async (
  store: EventStore,
  histories: ReadonlyArray<StreamHistory>,
  maxChunk = 4,
): Promise<number> => {
  const cursors = histories.map(() => 0);
  let appended = 0;
  for (let active = true; active; ) {
    active = false;
    for (const [index, history] of histories.entries()) {
      const from = cursors[index] ?? 0;
      if (from >= history.events.length) continue;
      active = true;
      const size = 1 + ((from + index) % maxChunk);
      const chunk = history.events.slice(from, from + size);
      await store.append(
        history.streamName,
        chunk.map((event, offset) => toNewEvent(event, appended + offset)),
      );
      cursors[index] = from + chunk.length;
      appended += chunk.length;
    }
  }
  return appended;
};
