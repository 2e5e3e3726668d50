// Shared by this folder's tests only (not exported): stored events of every aggregate, decoded by
// the aggregates' own decoders so each fixture is an event the store could really hold.
import * as E from 'fp-ts/lib/Either.js';
import { decodeCampaignEvent } from '../campaign/events.ts';
import { decodeCustomerEvent } from '../customer/events.ts';
import { decodeDealEvent } from '../deal/events.ts';
import { decodeWith } from '../kernel/decode.ts';
import type { InvalidInput } from '../kernel/domain-error.ts';
import { type EventEnvelope, EventMetadata } from '../kernel/envelope.ts';
import { decodeTicketEvent } from '../ticket/events.ts';
import type { DomainEvent } from './policy.ts';

const decoded = <A>(result: E.Either<InvalidInput, A>): A => {
  if (E.isLeft(result)) throw new Error(`invalid fixture: ${result.left.message}`);
  return result.right;
};

export const at = '2026-03-02T10:15:00Z';

/** Metadata of a stored event, with the given event id. */
export const metadataFor = (eventId: string): EventMetadata =>
  decoded(
    decodeWith(EventMetadata, {
      eventId,
      commandId: 'cmd-1',
      correlationId: 'corr-7',
      causationId: 'cmd-1',
      actor: { id: 'rep-1', role: 'sales_rep' },
      occurredAt: '2026-03-02T10:15:01Z',
    }),
  );

/** The event as the store hands it back, with metadata. */
export const stored = (event: DomainEvent, eventId = 'evt-1'): EventEnvelope<DomainEvent> => ({
  ...event,
  metadata: metadataFor(eventId),
});

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const lineItems = [{ productId: 'p-1', quantity: 2, unitPrice: eur(5000), unitCost: eur(3000) }];

export const dealOpened = decoded(
  decodeDealEvent({
    type: 'DealOpened',
    version: 1,
    data: {
      dealId: 'deal-1',
      customerId: 'customer-1',
      ownerId: 'rep-1',
      title: 'Fleet renewal',
      expectedCloseDate: '2026-06-30',
      sourceCampaignId: null,
      currency: 'EUR',
      lineItems,
      stage: 'qualification',
      winProbabilityPercent: 10,
      at,
    },
  }),
);

export const dealWon = decoded(
  decodeDealEvent({
    type: 'DealWon',
    version: 1,
    data: {
      dealId: 'deal-1',
      customerId: 'customer-1',
      ownerId: 'rep-1',
      sourceCampaignId: 'spring-promo',
      stage: 'negotiation',
      currency: 'EUR',
      lineItems,
      revenue: eur(10_000),
      cost: eur(6000),
      profit: eur(4000),
      exchangeRate: null,
      at,
    },
  }),
);

/** A member's response to campaign `spring-promo` (member `customer-2` unless told). */
export const campaignResponse = (response: string, customerId = 'customer-2') =>
  decoded(
    decodeCampaignEvent({
      type: 'CampaignResponseRecorded',
      version: 1,
      data: { campaignId: 'spring-promo', customerId, response, at },
    }),
  );

export const customerMerged = decoded(
  decodeCustomerEvent({
    type: 'CustomerMerged',
    version: 1,
    data: { customerId: 'customer-dup', survivorId: 'customer-1', at },
  }),
);

export const customerMergeReverted = decoded(
  decodeCustomerEvent({
    type: 'CustomerMergeReverted',
    version: 1,
    data: {
      customerId: 'customer-dup',
      survivorId: 'customer-1',
      reason: 'Two different people after all',
      at,
    },
  }),
);

/** Events no policy reacts to, from every aggregate, including the policies' own results. */
export const unrelatedEvents: ReadonlyArray<DomainEvent> = [
  decoded(
    decodeDealEvent({
      type: 'DealLost',
      version: 1,
      data: { dealId: 'deal-1', stage: 'proposal', reason: 'Budget cut', competitor: null, at },
    }),
  ),
  decoded(
    decodeDealEvent({
      type: 'DealStageChanged',
      version: 1,
      data: {
        dealId: 'deal-1',
        from: 'qualification',
        to: 'proposal',
        winProbabilityPercent: 50,
        at,
      },
    }),
  ),
  decoded(
    decodeCustomerEvent({
      type: 'CustomerLifecycleStageAdvanced',
      version: 1,
      data: { customerId: 'customer-1', from: 'lead', to: 'opportunity', reason: null, at },
    }),
  ),
  decoded(
    decodeCustomerEvent({
      type: 'CustomerDuplicateAbsorbed',
      version: 1,
      data: { customerId: 'customer-1', duplicateId: 'customer-dup', at },
    }),
  ),
  decoded(
    decodeCustomerEvent({
      type: 'CustomerDuplicateReleased',
      version: 1,
      data: { customerId: 'customer-1', duplicateId: 'customer-dup', at },
    }),
  ),
  decoded(
    decodeCustomerEvent({
      type: 'CustomerChurned',
      version: 1,
      data: { customerId: 'customer-1', from: 'customer', reason: 'Moved to a rival', at },
    }),
  ),
  decoded(
    decodeCampaignEvent({
      type: 'CampaignLaunched',
      version: 1,
      data: { campaignId: 'spring-promo', at },
    }),
  ),
  campaignResponse('clicked'),
  decoded(
    decodeTicketEvent({
      type: 'TicketOpened',
      version: 1,
      data: {
        ticketId: 'ticket-1',
        customerId: 'customer-1',
        subject: 'Invoice wrong',
        description: 'The March invoice lists two units, we ordered one.',
        channel: 'email',
        category: 'complaint',
        priority: 'normal',
        firstResponseDueAt: '2026-03-02T18:15:00Z',
        resolutionDueAt: '2026-03-04T10:15:00Z',
        at,
      },
    }),
  ),
];
