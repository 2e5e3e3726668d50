import * as E from 'fp-ts/lib/Either.js';
import {
  type CampaignEvent,
  campaignEventCodecs,
  decodeCampaignEvent,
} from '../campaign/events.ts';
import {
  type CustomerEvent,
  customerEventCodecs,
  decodeCustomerEvent,
} from '../customer/events.ts';
import { type DealEvent, dealEventCodecs, decodeDealEvent } from '../deal/events.ts';
import type { InvalidInput } from '../kernel/domain-error.ts';
import type { StoredEvent } from '../kernel/upcaster.ts';
import { decodeTicketEvent, type TicketEvent, ticketEventCodecs } from '../ticket/events.ts';

/** Every event of the four aggregates. Event type names are unique across aggregates. */
export type DomainEvent = CustomerEvent | DealEvent | TicketEvent | CampaignEvent;

/** The aggregates, named as their stream categories (`customer-<id>`). */
export type AggregateName = 'customer' | 'deal' | 'ticket' | 'campaign';

const decoders: Readonly<
  Record<AggregateName, (stored: StoredEvent) => E.Either<InvalidInput, DomainEvent>>
> = {
  customer: decodeCustomerEvent,
  deal: decodeDealEvent,
  ticket: decodeTicketEvent,
  campaign: decodeCampaignEvent,
};

const aggregateByEventType: ReadonlyMap<string, AggregateName> = new Map([
  ...Object.keys(customerEventCodecs).map((type) => [type, 'customer'] as const),
  ...Object.keys(dealEventCodecs).map((type) => [type, 'deal'] as const),
  ...Object.keys(ticketEventCodecs).map((type) => [type, 'ticket'] as const),
  ...Object.keys(campaignEventCodecs).map((type) => [type, 'campaign'] as const),
]);

/** The aggregate an event type belongs to, or `undefined` for a type we do not define. */
export const aggregateOfEventType = (type: string): AggregateName | undefined =>
  aggregateByEventType.get(type);

/**
 * Decodes a stored event of any aggregate (`{type, version, data}`, any past schema version):
 * upcasts it to the current version and checks it against the current codec.
 */
export const decodeDomainEvent = (stored: unknown): E.Either<InvalidInput, DomainEvent> => {
  const type =
    typeof stored === 'object' && stored !== null ? (stored as { type?: unknown }).type : undefined;
  const aggregate = typeof type === 'string' ? aggregateOfEventType(type) : undefined;
  if (aggregate === undefined) {
    const message = `type: ${JSON.stringify(type) ?? 'missing'} is not an event type of the CRM domain`;
    return E.left({
      _tag: 'InvalidInput',
      field: 'type',
      issues: [{ field: 'type', message }],
      message: `Invalid input: ${message}.`,
    });
  }
  const version = (stored as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const message = `version: expected a schema version (integer ≥ 1), got ${JSON.stringify(version) ?? 'missing'}`;
    return E.left({
      _tag: 'InvalidInput',
      field: 'version',
      issues: [{ field: 'version', message }],
      message: `Invalid input: ${message}.`,
    });
  }
  return decoders[aggregate](stored as StoredEvent);
};
