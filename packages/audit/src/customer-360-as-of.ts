import {
  comparePositions,
  type EventStore,
  type LogPosition,
  logStart,
  type RecordedEvent,
} from '@crm/event-store';
import type { EventDecoder, ReportingSettings } from '@crm/projections';
import {
  type Customer360,
  type Customer360Tables,
  customer360ById,
  customer360Projection,
} from '@crm/read-models';
import type { Kysely } from 'kysely';
import { AuditError } from './audit-error.ts';
import { asAuditError } from './audit-log.ts';
import { createScratchReplay, decodeAll } from './scratch-replay.ts';

/** What `customer360AsOf` needs. */
export interface Customer360AsOfOptions<TDatabase> {
  /** A database to build the scratch tables in (the read-model database does). */
  readonly db: Kysely<TDatabase>;
  readonly eventStore: EventStore;
  /** Decrypting decoder (`revealingDecoder`), as the live projection gets. */
  readonly decode: EventDecoder;
  readonly settings: ReportingSettings;
  readonly customerId: string;
  /** Events that occurred at or before this instant (`metadata.occurredAt`) count. */
  readonly epochMillis: number;
  readonly timelineLimit?: number;
}

/** The 360° view as it stood, and how it was rebuilt. */
export interface Customer360AsOf {
  readonly view: Customer360;
  /** Events of the customer, its merged duplicates, deals, tickets and campaigns replayed. */
  readonly eventsReplayed: number;
  /** Streams they came from. */
  readonly streams: number;
}

// The events that tie other streams to a customer: merges, and the deals, tickets and campaign
// memberships that name it. Their ids are never personal data, so they read without keys.
const linkTypes = [
  'CustomerMerged',
  'CustomerDuplicateAbsorbed',
  'DealOpened',
  'TicketOpened',
  'CampaignMembersAdded',
];

const field = (event: RecordedEvent, name: string): unknown =>
  typeof event.data === 'object' && event.data !== null && !Array.isArray(event.data)
    ? (event.data as Record<string, unknown>)[name]
    : undefined;

interface Links {
  readonly related: Map<string, Set<string>>;
  readonly streamsOf: Map<string, Set<string>>;
}

const readLinks = async (eventStore: EventStore): Promise<Links> => {
  const related = new Map<string, Set<string>>();
  const streamsOf = new Map<string, Set<string>>();
  const add = <TValue>(map: Map<string, Set<TValue>>, key: string, value: TValue): void => {
    const set = map.get(key) ?? new Set<TValue>();
    set.add(value);
    map.set(key, set);
  };
  let after: LogPosition = logStart;
  for (;;) {
    const page = await eventStore.readAll({
      after,
      maxCount: 5000,
      filter: { eventTypes: linkTypes },
    });
    for (const event of page) {
      const customerId = field(event, 'customerId');
      if (event.type === 'CustomerMerged' || event.type === 'CustomerDuplicateAbsorbed') {
        const other = field(event, event.type === 'CustomerMerged' ? 'survivorId' : 'duplicateId');
        if (typeof customerId === 'string' && typeof other === 'string') {
          add(related, customerId, other);
          add(related, other, customerId);
        }
      } else if (event.type === 'CampaignMembersAdded') {
        const members = field(event, 'customerIds');
        for (const member of Array.isArray(members) ? members : []) {
          if (typeof member === 'string') add(streamsOf, member, event.streamName);
        }
      } else if (typeof customerId === 'string') {
        add(streamsOf, customerId, event.streamName);
      }
    }
    const last = page[page.length - 1];
    if (last === undefined || page.length < 5000) return { related, streamsOf };
    after = last.position;
  }
};

/** The customer and every customer linked to it by a merge, however indirectly. */
const familyOf = (customerId: string, related: Map<string, Set<string>>): Set<string> => {
  const family = new Set([customerId]);
  const queue = [customerId];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const other of related.get(next) ?? []) {
      if (!family.has(other)) {
        family.add(other);
        queue.push(other);
      }
    }
  }
  return family;
};

/**
 * The customer's 360° view as it stood at an instant, rebuilt from the log — not from stored
 * snapshots of the table: the customer-360 projection runs over the events that occurred up to
 * that instant, into a scratch schema that is dropped afterwards. Only the streams that can
 * change this customer's view are replayed (its own, its merged duplicates', its deals',
 * tickets' and campaigns'), merged back into log order, so it takes a moment however long the
 * log. `CustomerNotFound` when the customer had not registered by then.
 *
 * @example
 * const { view } = await customer360AsOf({ db, eventStore, decode, settings, customerId: 'c-1',
 *   epochMillis: Date.parse('2025-06-30T23:59:59Z') });
 */
export const customer360AsOf = async <TDatabase>(
  options: Customer360AsOfOptions<TDatabase>,
): Promise<Customer360AsOf> => {
  const { db, eventStore, customerId, epochMillis } = options;
  const projection = customer360Projection(options.settings);
  let replay: Awaited<ReturnType<typeof createScratchReplay>> | undefined;
  try {
    const ownStream = `customer-${customerId}`;
    const first = await eventStore.readStream(ownStream, { maxCount: 1 });
    if (first.length === 0) {
      throw new AuditError('CustomerNotFound', `No customer ${customerId} is stored.`, 'customer');
    }
    const links = await readLinks(eventStore);
    const family = familyOf(customerId, links.related);
    const streams = new Set<string>();
    for (const member of family) {
      streams.add(`customer-${member}`);
      for (const stream of links.streamsOf.get(member) ?? []) streams.add(stream);
    }
    const occurred = (event: RecordedEvent): boolean => {
      const at = event.metadata.occurredAt;
      return typeof at === 'string' && Date.parse(at) <= epochMillis;
    };
    const relevant = (event: RecordedEvent): boolean => {
      if (event.type !== 'CampaignResponseRecorded') return true;
      const member = field(event, 'customerId');
      return typeof member === 'string' && family.has(member);
    };
    const events: RecordedEvent[] = [];
    for (const stream of streams) {
      for (const event of await eventStore.readStream(stream)) {
        if (occurred(event) && relevant(event)) events.push(event);
      }
    }
    events.sort((a, b) => comparePositions(a.position, b.position));

    replay = await createScratchReplay(db, [projection], 'as_of');
    for (let start = 0; start < events.length; start += 500) {
      let decoded: Awaited<ReturnType<typeof decodeAll>>;
      try {
        decoded = await decodeAll(options.decode, events.slice(start, start + 500));
      } catch (error) {
        throw new AuditError(
          'CorruptEvent',
          `The log does not replay: ${error instanceof Error ? error.message : String(error)}`,
          undefined,
          { cause: error },
        );
      }
      await replay.apply(decoded);
    }
    const scratch = (db as unknown as Kysely<Customer360Tables>).withSchema(
      replay.schemaOf(projection.name),
    );
    const view = await customer360ById(
      scratch,
      customerId,
      options.timelineLimit === undefined ? {} : { timelineLimit: options.timelineLimit },
    );
    if (view === undefined) {
      throw new AuditError(
        'CustomerNotFound',
        `Customer ${customerId} had not registered by ${new Date(epochMillis).toISOString()}.`,
        'at',
      );
    }
    return { view, eventsReplayed: events.length, streams: streams.size };
  } catch (error) {
    throw asAuditError(error);
  } finally {
    await replay?.drop().catch(() => undefined);
  }
};
