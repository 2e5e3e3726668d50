import {
  type CampaignEvent,
  type CustomerEvent,
  customerEventCodecs,
  type DealEvent,
  type DomainEvent,
  dealEventCodecs,
  type TicketEvent,
  ticketEventCodecs,
} from '@crm/domain';
import type { ProjectedEvent, Projection, ReportingSettings } from '@crm/projections';
import type { Transaction } from 'kysely';
import { eventTypesOf, inMemoryFold, unappliedEvents, utcOf } from '../projection-kit/index.ts';
import { applyCampaignEvent } from './apply-campaign-events.ts';
import { applyCustomerEvent } from './apply-customer-events.ts';
import { applyDealEvent } from './apply-deal-events.ts';
import { applyTicketEvent } from './apply-ticket-events.ts';
import type { Entry } from './entry.ts';
import { customer360Migrations } from './migrations.ts';
import type { Customer360Tables } from './tables.ts';
import { WorkingSet } from './working-set.ts';

/** How the customer 360° projection is tuned. */
export interface Customer360Options {
  /** Timeline entries kept per customer (the latest by business time); 50 by default. */
  readonly timelineLength?: number;
}

/** Timeline entries kept per customer unless configured otherwise. */
export const defaultTimelineLength = 50;

// Campaign launches, costs and endings say nothing about a customer, so they are not read.
const campaignTypes = new Set<string>([
  'CampaignPlanned',
  'CampaignMembersAdded',
  'CampaignResponseRecorded',
]);
const ticketTypes = new Set<string>(eventTypesOf(ticketEventCodecs));
const dealTypes = new Set<string>(eventTypesOf(dealEventCodecs));
const customerTypes = new Set<string>(eventTypesOf(customerEventCodecs));

const eventTypes = [
  ...customerTypes,
  ...dealTypes,
  ...ticketTypes,
  ...campaignTypes,
] as ReadonlyArray<DomainEvent['type']>;

const isDealEvent = (event: DomainEvent): event is DealEvent => dealTypes.has(event.type);
const isTicketEvent = (event: DomainEvent): event is TicketEvent => ticketTypes.has(event.type);
const isCampaignEvent = (event: DomainEvent): event is CampaignEvent =>
  campaignTypes.has(event.type);

/** Applies events, in log order, to the rows of the working set. */
const applyEvents = (
  working: WorkingSet,
  events: ReadonlyArray<ProjectedEvent>,
  settings: ReportingSettings,
): void => {
  for (const { event, position } of events) {
    const add = (customerId: string, entry: Entry | undefined) => {
      if (entry === undefined) return;
      working.addTimelineEntry({
        customer_id: customerId,
        commit_position: position.commit,
        prepare_position: position.prepare,
        at: utcOf(event.data.at),
        kind: entry.kind,
        title: entry.title,
        summary: working.isErased(customerId) ? null : entry.summary,
        reference: entry.reference,
      });
    };
    if (isDealEvent(event)) {
      const made = applyDealEvent(working, event, settings.reportingCurrency);
      if (made !== undefined) add(made.customerId, made.entry);
    } else if (isTicketEvent(event)) {
      const made = applyTicketEvent(working, event);
      if (made !== undefined) add(made.customerId, made.entry);
    } else if (isCampaignEvent(event)) {
      for (const made of applyCampaignEvent(working, event)) add(made.customerId, made.entry);
    } else if (customerTypes.has(event.type)) {
      const customerEvent = event as CustomerEvent;
      add(customerEvent.data.customerId, applyCustomerEvent(working, customerEvent));
    }
  }
};

const apply =
  (settings: ReportingSettings, timelineLength: number) =>
  async (db: Transaction<Customer360Tables>, events: ReadonlyArray<ProjectedEvent>) => {
    const { fresh, record } = await unappliedEvents(db, events);
    const working = new WorkingSet();
    await working.load(db, fresh);
    applyEvents(working, fresh, settings);
    await working.write(db, timelineLength);
    await record();
  };

// A rebuild from zero: every row the projection has is in the working set, which is kept
// from batch to batch and written by flushes, so nothing is loaded and a customer's row is
// written once per flush, not once per batch that touches it.
const startFold = (settings: ReportingSettings, timelineLength: number) =>
  inMemoryFold<Customer360Tables, WorkingSet>({
    start: () => new WorkingSet({ holdsEverything: true }),
    apply: (working, events) => applyEvents(working, events, settings),
    write: async (db, working) => {
      await working.write(db, timelineLength);
      working.settle();
    },
    rowsHeld: (working) => working.rowsHeld(),
  });

/**
 * The customer 360° projection: everything the CRM knows about each customer in one place, for
 * the look-up while they are on the line — profile, lifecycle, orders with delivery and payment
 * status, tickets, satisfaction, campaigns, loyalty, follow-ups, the last communication and a
 * bounded recent-activity timeline.
 *
 * @example
 * const projection = customer360Projection({ reportingCurrency: 'EUR', timeZone: 'UTC' });
 */
export const customer360Projection = (
  settings: ReportingSettings,
  options: Customer360Options = {},
): Projection<Customer360Tables> => ({
  name: 'customer_360',
  version: 1,
  migrations: customer360Migrations,
  eventTypes,
  apply: apply(settings, options.timelineLength ?? defaultTimelineLength),
  startFold: startFold(settings, options.timelineLength ?? defaultTimelineLength),
});
