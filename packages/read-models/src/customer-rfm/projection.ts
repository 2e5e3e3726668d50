import type { DomainEvent } from '@crm/domain';
import type { ProjectedEvent, Projection, ReportingSettings } from '@crm/projections';
import type { Insertable, Transaction } from 'kysely';
import {
  anyOf,
  customerLifecycleEventTypes,
  inMemoryFold,
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

/**
 * The rows one batch touches, loaded once, changed in memory, written back once; in a rebuild's
 * fold, every customer and won deal, kept from batch to batch.
 */
interface Working {
  readonly customers: Map<string, CustomerRow>;
  readonly deals: Map<string, DealRow>;
  readonly dirtyCustomers: Set<string>;
  readonly dirtyDeals: Set<string>;
}

const emptyWorking = (): Working => ({
  customers: new Map(),
  deals: new Map(),
  dirtyCustomers: new Set(),
  dirtyDeals: new Set(),
});

/** Loads the customers the events name and the won deals they correct. */
const load = async (
  db: Transaction<CustomerRfmTables>,
  events: ReadonlyArray<RfmEvent>,
): Promise<Working> => {
  const customerIds = new Set<string>();
  const correctedIds = new Set<string>();
  for (const event of events) {
    if (!isDealEvent(event)) customerIds.add(event.data.customerId);
    else if (event.type === 'WonDealCorrected') correctedIds.add(event.data.dealId);
  }
  const working = emptyWorking();
  const storedCustomers = await db
    .selectFrom('rfm_customer')
    .selectAll()
    .where('customer_id', '=', anyOf(customerIds))
    .execute();
  for (const row of storedCustomers) {
    working.customers.set(row.customer_id, {
      ...row,
      churned_at: row.churned_at === null ? null : isoOf(row.churned_at),
    });
  }
  const storedDeals = await db
    .selectFrom('rfm_deal')
    .selectAll()
    .where('deal_id', '=', anyOf(correctedIds))
    .execute();
  for (const row of storedDeals) {
    working.deals.set(row.deal_id, { ...row, won_at: isoOf(row.won_at) });
  }
  return working;
};

/** Applies events, in log order, to the rows held; reads nothing from the database. */
const applyEvents = (
  working: Working,
  events: ReadonlyArray<RfmEvent>,
  settings: ReportingSettings,
): void => {
  for (const event of events) {
    if (isDealEvent(event)) {
      if (evolveDeal(working.deals, event, settings)) working.dirtyDeals.add(event.data.dealId);
    } else if (evolveCustomer(working.customers, event)) {
      working.dirtyCustomers.add(event.data.customerId);
    }
  }
};

const rfmEventsOf = (events: ReadonlyArray<ProjectedEvent>): ReadonlyArray<RfmEvent> =>
  events.flatMap(({ event }) => (isRfmEvent(event) ? [event] : []));

/** Writes the changed rows and forgets that they changed. */
const write = async (db: Transaction<CustomerRfmTables>, working: Working): Promise<void> => {
  const pick = <T>(ids: Set<string>, rows: Map<string, T>): T[] =>
    [...ids].flatMap((id) => {
      const row = rows.get(id);
      return row === undefined ? [] : [row];
    });
  await replaceRows(
    db,
    'rfm_customer',
    ['customer_id'],
    pick(working.dirtyCustomers, working.customers),
    rfmCustomerKinds,
  );
  await replaceRows(
    db,
    'rfm_deal',
    ['deal_id'],
    pick(working.dirtyDeals, working.deals),
    rfmDealKinds,
  );
  working.dirtyCustomers.clear();
  working.dirtyDeals.clear();
};

const apply =
  (settings: ReportingSettings) =>
  async (db: Transaction<CustomerRfmTables>, events: ReadonlyArray<ProjectedEvent>) => {
    const { fresh, record } = await unappliedEvents(db, events);
    const relevant = rfmEventsOf(fresh);
    const working = await load(db, relevant);
    applyEvents(working, relevant, settings);
    await write(db, working);
    await record();
  };

// A rebuild from zero: every customer and won deal stays in memory from batch to batch, so a
// correction finds its deal without a look-up and each row is written once per flush.
const startFold = (settings: ReportingSettings) =>
  inMemoryFold<CustomerRfmTables, Working>({
    start: emptyWorking,
    apply: (working, events) => applyEvents(working, rfmEventsOf(events), settings),
    write,
    rowsHeld: (working) => working.customers.size + working.deals.size,
  });

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
  startFold: startFold(settings),
});
