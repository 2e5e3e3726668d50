import type { DomainEvent } from '@crm/domain';
import type { ProjectedEvent, Projection, ReportingSettings } from '@crm/projections';
import { type Insertable, sql, type Transaction } from 'kysely';
import {
  customerLifecycleEventTypes,
  isEventOf,
  isoOf,
  replaceRows,
  toReportingMinor,
  unappliedEvents,
  utcOf,
  wonDealEventTypes,
} from '../projection-kit/index.ts';
import { customerRfmMigrations } from './migrations.ts';
import {
  type CustomerRfmTables,
  type RfmCustomerTable,
  type RfmDealTable,
  rfmCustomerKinds,
  rfmDealKinds,
} from './tables.ts';

/** The events RFM reads: wins and their corrections, lifecycle stage, merges. */
export const customerRfmEventTypes = [
  ...customerLifecycleEventTypes,
  ...wonDealEventTypes,
] as const satisfies ReadonlyArray<DomainEvent['type']>;

type RfmEvent = Extract<DomainEvent, { readonly type: (typeof customerRfmEventTypes)[number] }>;
type CustomerEvent = Exclude<RfmEvent, { readonly type: 'DealWon' | 'WonDealCorrected' }>;
type DealEvent = Extract<RfmEvent, { readonly type: 'DealWon' | 'WonDealCorrected' }>;

const isRfmEvent = isEventOf(customerRfmEventTypes);

const isDealEvent = (event: RfmEvent): event is DealEvent =>
  event.type === 'DealWon' || event.type === 'WonDealCorrected';

type CustomerRow = Insertable<RfmCustomerTable>;
type DealRow = Insertable<RfmDealTable>;

const evolveCustomer = (customers: Map<string, CustomerRow>, event: CustomerEvent): boolean => {
  const { customerId } = event.data;
  if (event.type === 'CustomerRegistered') {
    if (customers.has(customerId)) return false;
    customers.set(customerId, {
      customer_id: customerId,
      stage: 'lead',
      churned_at: null,
      merged_into: null,
    });
    return true;
  }
  const customer = customers.get(customerId);
  if (customer === undefined) return false;
  switch (event.type) {
    case 'CustomerLifecycleStageAdvanced':
      customer.stage = event.data.to;
      return true;
    case 'CustomerChurned':
      customer.stage = 'churned';
      customer.churned_at = utcOf(event.data.at);
      return true;
    case 'CustomerReactivated':
      customer.stage = 'reactivated';
      customer.churned_at = null;
      return true;
    case 'CustomerMerged':
      customer.merged_into = event.data.survivorId;
      return true;
    case 'CustomerMergeReverted':
      customer.merged_into = null;
      return true;
    default: {
      const _exhaustive: never = event;
      return false;
    }
  }
};

const evolveDeal = (
  deals: Map<string, DealRow>,
  event: DealEvent,
  settings: ReportingSettings,
): boolean => {
  if (event.type === 'DealWon') {
    const { data } = event;
    const reporting = toReportingMinor(data.revenue, data.exchangeRate, settings.reportingCurrency);
    deals.set(data.dealId, {
      deal_id: data.dealId,
      customer_id: data.customerId,
      won_at: utcOf(data.at),
      currency: data.currency,
      revenue_minor: data.revenue.amountMinor,
      reporting_revenue_minor: reporting ?? null,
    });
    return true;
  }
  const deal = deals.get(event.data.dealId);
  if (deal === undefined) return false;
  const { revenue, exchangeRate } = event.data.corrected;
  deal.revenue_minor = revenue.amountMinor;
  deal.reporting_revenue_minor =
    toReportingMinor(revenue, exchangeRate, settings.reportingCurrency) ?? null;
  return true;
};

const apply =
  (settings: ReportingSettings) =>
  async (db: Transaction<CustomerRfmTables>, events: ReadonlyArray<ProjectedEvent>) => {
    const { fresh, record } = await unappliedEvents(db, events);
    const relevant = fresh.flatMap(({ event }) => (isRfmEvent(event) ? [event] : []));
    const customerIds = new Set<string>();
    const correctedIds = new Set<string>();
    for (const event of relevant) {
      if (!isDealEvent(event)) customerIds.add(event.data.customerId);
      else if (event.type === 'WonDealCorrected') correctedIds.add(event.data.dealId);
    }
    const customers = new Map<string, CustomerRow>();
    const storedCustomers = await db
      .selectFrom('rfm_customer')
      .selectAll()
      .where('customer_id', '=', sql<string>`any(${[...customerIds]}::text[])`)
      .execute();
    for (const row of storedCustomers) {
      customers.set(row.customer_id, {
        ...row,
        churned_at: row.churned_at === null ? null : isoOf(row.churned_at),
      });
    }
    const deals = new Map<string, DealRow>();
    const storedDeals = await db
      .selectFrom('rfm_deal')
      .selectAll()
      .where('deal_id', '=', sql<string>`any(${[...correctedIds]}::text[])`)
      .execute();
    for (const row of storedDeals) deals.set(row.deal_id, { ...row, won_at: isoOf(row.won_at) });
    const touchedCustomers = new Set<string>();
    const touchedDeals = new Set<string>();
    for (const event of relevant) {
      if (isDealEvent(event)) {
        if (evolveDeal(deals, event, settings)) touchedDeals.add(event.data.dealId);
      } else if (evolveCustomer(customers, event)) touchedCustomers.add(event.data.customerId);
    }
    const pick = <T>(ids: Set<string>, rows: Map<string, T>): T[] =>
      [...ids].flatMap((id) => {
        const row = rows.get(id);
        return row === undefined ? [] : [row];
      });
    await replaceRows(
      db,
      'rfm_customer',
      ['customer_id'],
      pick(touchedCustomers, customers),
      rfmCustomerKinds,
    );
    await replaceRows(db, 'rfm_deal', ['deal_id'], pick(touchedDeals, deals), rfmDealKinds);
    await record();
  };

/**
 * The RFM read model (schema `customer_rfm`): every won deal (when, for which customer, its
 * revenue in the reporting currency) and each customer's lifecycle stage and merges; queries
 * score recency, frequency and monetary value as of a given instant.
 *
 * @example
 * const projection = customerRfmProjection({ reportingCurrency: 'EUR', timeZone: 'UTC' });
 */
export const customerRfmProjection = (
  settings: ReportingSettings,
): Projection<CustomerRfmTables> => ({
  name: 'customer_rfm',
  version: 1,
  migrations: customerRfmMigrations,
  eventTypes: customerRfmEventTypes,
  apply: apply(settings),
});
