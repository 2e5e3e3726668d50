import type { DomainEvent } from '@crm/domain';
import type { ProjectedEvent, Projection, ReportingSettings } from '@crm/projections';
import { type Insertable, sql, type Transaction } from 'kysely';
import {
  customerLifecycleEventTypes,
  isEventOf,
  isoOf,
  replaceRows,
  reportingMonthOf,
  toReportingMinor,
  unappliedEvents,
  utcOf,
  wonDealEventTypes,
} from '../projection-kit/index.ts';
import { kpiBoardMigrations } from './migrations.ts';
import {
  type KpiActiveSpanTable,
  type KpiBoardTables,
  type KpiCustomerTable,
  type KpiScoreTable,
  type KpiWonDealTable,
  kpiCustomerKinds,
  kpiScoreKinds,
  kpiSpanKinds,
  kpiWonDealKinds,
} from './tables.ts';

/** The events the KPI board reads. */
export const kpiBoardEventTypes = [
  ...customerLifecycleEventTypes,
  'SatisfactionScoreRecorded',
  'TicketRated',
  ...wonDealEventTypes,
] as const satisfies ReadonlyArray<DomainEvent['type']>;

type KpiEvent = Extract<DomainEvent, { readonly type: (typeof kpiBoardEventTypes)[number] }>;
type CustomerEvent = Extract<
  KpiEvent,
  { readonly type: (typeof customerLifecycleEventTypes)[number] }
>;

const isKpiEvent = isEventOf(kpiBoardEventTypes);

const isCustomerEvent = (event: KpiEvent): event is CustomerEvent =>
  event.type.startsWith('Customer');

type CustomerRow = Insertable<KpiCustomerTable> & {
  churned: boolean;
  merged: boolean;
  active: boolean;
  spans: number;
};

interface Batch {
  readonly customers: Map<string, CustomerRow>;
  readonly touchedCustomers: Set<string>;
  /** Spans opened or closed in this batch, by `customer/span`. */
  readonly spans: Map<string, Insertable<KpiActiveSpanTable>>;
  /** Answers by source, so one answer is one row however often it is delivered. */
  readonly scores: Map<string, Insertable<KpiScoreTable>>;
  readonly deals: Map<string, Insertable<KpiWonDealTable>>;
}

/** Opens or closes the customer's active span when its `active` flag flips at `at`. */
const settleActivity = (batch: Batch, customer: CustomerRow, at: string, month: string): void => {
  const active =
    customer.became_customer_at !== null &&
    customer.became_customer_at !== undefined &&
    !customer.churned &&
    !customer.merged;
  if (active === customer.active) return;
  customer.active = active;
  if (active) {
    customer.spans += 1;
    customer.active_since = utcOf(at);
    customer.active_since_month = month;
    batch.spans.set(`${customer.customer_id}/${customer.spans}`, {
      customer_id: customer.customer_id,
      span_no: customer.spans,
      from_at: utcOf(at),
      from_month: month,
      to_at: null,
      to_month: null,
    });
    return;
  }
  batch.spans.set(`${customer.customer_id}/${customer.spans}`, {
    customer_id: customer.customer_id,
    span_no: customer.spans,
    from_at: customer.active_since ?? utcOf(at),
    from_month: customer.active_since_month ?? month,
    to_at: utcOf(at),
    to_month: month,
  });
  customer.active_since = null;
  customer.active_since_month = null;
};

const evolveCustomer = (batch: Batch, event: CustomerEvent, month: string): void => {
  const { customerId, at } = event.data;
  if (event.type === 'CustomerRegistered') {
    if (batch.customers.has(customerId)) return;
    batch.customers.set(customerId, {
      customer_id: customerId,
      registered_at: utcOf(at),
      registered_month: month,
      became_customer_at: null,
      became_customer_month: null,
      churned: false,
      merged: false,
      active: false,
      spans: 0,
      active_since: null,
      active_since_month: null,
    });
    batch.touchedCustomers.add(customerId);
    return;
  }
  const customer = batch.customers.get(customerId);
  if (customer === undefined) return;
  switch (event.type) {
    case 'CustomerLifecycleStageAdvanced':
      if (event.data.to !== 'customer' && event.data.to !== 'advocate') return;
      if (customer.became_customer_at != null) return;
      customer.became_customer_at = utcOf(at);
      customer.became_customer_month = month;
      break;
    case 'CustomerChurned':
      customer.churned = true;
      break;
    case 'CustomerReactivated':
      customer.churned = false;
      break;
    case 'CustomerMerged':
      customer.merged = true;
      break;
    case 'CustomerMergeReverted':
      customer.merged = false;
      break;
    default: {
      const _exhaustive: never = event;
      return;
    }
  }
  settleActivity(batch, customer, at, month);
  batch.touchedCustomers.add(customerId);
};

const evolve = (batch: Batch, event: KpiEvent, settings: ReportingSettings): void => {
  const month = reportingMonthOf(event.data.at, settings.timeZone);
  if (isCustomerEvent(event)) {
    evolveCustomer(batch, event, month);
    return;
  }
  switch (event.type) {
    case 'SatisfactionScoreRecorded': {
      const sourceId = `survey:${event.data.customerId}:${event.data.surveyId}`;
      batch.scores.set(sourceId, {
        source_id: sourceId,
        kind: event.data.score.kind,
        value: event.data.score.value,
        answered_at: utcOf(event.data.at),
        month,
      });
      return;
    }
    case 'TicketRated': {
      const sourceId = `ticket:${event.data.ticketId}`;
      batch.scores.set(sourceId, {
        source_id: sourceId,
        kind: 'csat',
        value: event.data.score,
        answered_at: utcOf(event.data.at),
        month,
      });
      return;
    }
    case 'DealWon': {
      const { data } = event;
      batch.deals.set(data.dealId, {
        deal_id: data.dealId,
        customer_id: data.customerId,
        won_at: utcOf(data.at),
        month,
        currency: data.currency,
        revenue_minor: data.revenue.amountMinor,
        reporting_revenue_minor:
          toReportingMinor(data.revenue, data.exchangeRate, settings.reportingCurrency) ?? null,
      });
      return;
    }
    case 'WonDealCorrected': {
      // A correction restates the month of the win, where the deal row already sits.
      const deal = batch.deals.get(event.data.dealId);
      if (deal === undefined) return;
      const { revenue, exchangeRate } = event.data.corrected;
      deal.revenue_minor = revenue.amountMinor;
      deal.reporting_revenue_minor =
        toReportingMinor(revenue, exchangeRate, settings.reportingCurrency) ?? null;
      return;
    }
    default: {
      const _exhaustive: never = event;
      return;
    }
  }
};

const load = async (db: Transaction<KpiBoardTables>, relevant: ReadonlyArray<KpiEvent>) => {
  const customerIds = new Set<string>();
  const correctedIds = new Set<string>();
  for (const event of relevant) {
    if (isCustomerEvent(event)) customerIds.add(event.data.customerId);
    else if (event.type === 'WonDealCorrected') correctedIds.add(event.data.dealId);
  }
  const customers = new Map<string, CustomerRow>();
  const storedCustomers = await db
    .selectFrom('kpi_customer')
    .selectAll()
    .where('customer_id', '=', sql<string>`any(${[...customerIds]}::text[])`)
    .execute();
  for (const row of storedCustomers) {
    customers.set(row.customer_id, {
      ...row,
      registered_at: isoOf(row.registered_at),
      became_customer_at: row.became_customer_at === null ? null : isoOf(row.became_customer_at),
      active_since: row.active_since === null ? null : isoOf(row.active_since),
    });
  }
  const deals = new Map<string, Insertable<KpiWonDealTable>>();
  const storedDeals = await db
    .selectFrom('kpi_won_deal')
    .selectAll()
    .where('deal_id', '=', sql<string>`any(${[...correctedIds]}::text[])`)
    .execute();
  for (const row of storedDeals) deals.set(row.deal_id, { ...row, won_at: isoOf(row.won_at) });
  return { customers, deals };
};

const apply =
  (settings: ReportingSettings) =>
  async (db: Transaction<KpiBoardTables>, events: ReadonlyArray<ProjectedEvent>) => {
    const { fresh, record } = await unappliedEvents(db, events);
    const relevant = fresh.flatMap(({ event }) => (isKpiEvent(event) ? [event] : []));
    const { customers, deals } = await load(db, relevant);
    const batch: Batch = {
      customers,
      touchedCustomers: new Set(),
      spans: new Map(),
      scores: new Map(),
      deals,
    };
    const dealIds = new Set<string>();
    for (const event of relevant) {
      evolve(batch, event, settings);
      if (event.type === 'DealWon' || event.type === 'WonDealCorrected')
        dealIds.add(event.data.dealId);
    }
    const touched = [...batch.touchedCustomers].flatMap((id) => {
      const customer = customers.get(id);
      return customer === undefined ? [] : [customer];
    });
    await replaceRows(db, 'kpi_customer', ['customer_id'], touched, kpiCustomerKinds);
    const spans = [...batch.spans.values()];
    await replaceRows(db, 'kpi_active_span', ['customer_id', 'span_no'], spans, kpiSpanKinds);
    await replaceRows(db, 'kpi_score', ['source_id'], [...batch.scores.values()], kpiScoreKinds);
    const wonRows = [...dealIds].flatMap((id) => {
      const deal = deals.get(id);
      return deal === undefined ? [] : [deal];
    });
    await replaceRows(db, 'kpi_won_deal', ['deal_id'], wonRows, kpiWonDealKinds);
    await record();
  };

/**
 * The KPI board read model (schema `kpi_board`): customers' registration, conversion and
 * active spans, satisfaction answers, and won revenue by month (reporting currency and time
 * zone), from which queries compute retention, CSAT, NPS, sales growth and lead conversion.
 *
 * @example
 * const projection = kpiBoardProjection({ reportingCurrency: 'EUR', timeZone: 'Europe/Berlin' });
 */
export const kpiBoardProjection = (settings: ReportingSettings): Projection<KpiBoardTables> => {
  // A zone Intl does not know fails here, at start-up, rather than on the first event.
  reportingMonthOf('2000-01-01T00:00:00Z', settings.timeZone);
  return {
    name: 'kpi_board',
    version: 1,
    migrations: kpiBoardMigrations,
    eventTypes: kpiBoardEventTypes,
    apply: apply(settings),
  };
};
