import type { DomainEvent } from '@crm/domain';
import type { ProjectedEvent, Projection, ReportingSettings } from '@crm/projections';
import type { Insertable, Transaction } from 'kysely';
import {
  anyOf,
  customerLifecycleEventTypes,
  inMemoryFold,
  isEventOf,
  isoOf,
  isoOrNull,
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

/**
 * The rows one batch touches, loaded once, changed in memory, written back once; in a rebuild's
 * fold, every customer and won deal, kept from batch to batch.
 */
interface Working {
  readonly customers: Map<string, CustomerRow>;
  readonly dirtyCustomers: Set<string>;
  /**
   * Spans opened or closed since the last write, by `customer/span`. Never read back: the
   * customer row holds the open span's start, so a written span is forgotten.
   */
  readonly spans: Map<string, Insertable<KpiActiveSpanTable>>;
  /**
   * Answers since the last write, by source, so one answer is one row however often it is
   * delivered. Never read back either.
   */
  readonly scores: Map<string, Insertable<KpiScoreTable>>;
  /** Won deals, kept for the corrections that restate them. */
  readonly deals: Map<string, Insertable<KpiWonDealTable>>;
  readonly dirtyDeals: Set<string>;
}

const emptyWorking = (): Working => ({
  customers: new Map(),
  dirtyCustomers: new Set(),
  spans: new Map(),
  scores: new Map(),
  deals: new Map(),
  dirtyDeals: new Set(),
});

/** Opens or closes the customer's active span when its `active` flag flips at `at`. */
const settleActivity = (
  working: Working,
  customer: CustomerRow,
  at: string,
  month: string,
): void => {
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
    working.spans.set(`${customer.customer_id}/${customer.spans}`, {
      customer_id: customer.customer_id,
      span_no: customer.spans,
      from_at: utcOf(at),
      from_month: month,
      to_at: null,
      to_month: null,
    });
    return;
  }
  working.spans.set(`${customer.customer_id}/${customer.spans}`, {
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

const evolveCustomer = (working: Working, event: CustomerEvent, month: string): void => {
  const { customerId, at } = event.data;
  if (event.type === 'CustomerRegistered') {
    if (working.customers.has(customerId)) return;
    working.customers.set(customerId, {
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
    working.dirtyCustomers.add(customerId);
    return;
  }
  const customer = working.customers.get(customerId);
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
  settleActivity(working, customer, at, month);
  working.dirtyCustomers.add(customerId);
};

const evolve = (working: Working, event: KpiEvent, settings: ReportingSettings): void => {
  const month = reportingMonthOf(event.data.at, settings.timeZone);
  if (isCustomerEvent(event)) {
    evolveCustomer(working, event, month);
    return;
  }
  switch (event.type) {
    case 'SatisfactionScoreRecorded': {
      const sourceId = `survey:${event.data.customerId}:${event.data.surveyId}`;
      working.scores.set(sourceId, {
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
      working.scores.set(sourceId, {
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
      working.deals.set(data.dealId, {
        deal_id: data.dealId,
        customer_id: data.customerId,
        won_at: utcOf(data.at),
        month,
        currency: data.currency,
        revenue_minor: data.revenue.amountMinor,
        reporting_revenue_minor:
          toReportingMinor(data.revenue, data.exchangeRate, settings.reportingCurrency) ?? null,
      });
      working.dirtyDeals.add(data.dealId);
      return;
    }
    case 'WonDealCorrected': {
      // A correction restates the month of the win, where the deal row already sits.
      const deal = working.deals.get(event.data.dealId);
      if (deal === undefined) return;
      const { revenue, exchangeRate } = event.data.corrected;
      deal.revenue_minor = revenue.amountMinor;
      deal.reporting_revenue_minor =
        toReportingMinor(revenue, exchangeRate, settings.reportingCurrency) ?? null;
      working.dirtyDeals.add(deal.deal_id);
      return;
    }
    default: {
      const _exhaustive: never = event;
      return;
    }
  }
};

const applyEvents = (
  working: Working,
  events: ReadonlyArray<ProjectedEvent>,
  settings: ReportingSettings,
): void => {
  for (const { event } of events) if (isKpiEvent(event)) evolve(working, event, settings);
};

const load = async (
  db: Transaction<KpiBoardTables>,
  events: ReadonlyArray<ProjectedEvent>,
): Promise<Working> => {
  const customerIds = new Set<string>();
  const correctedIds = new Set<string>();
  for (const { event } of events) {
    if (!isKpiEvent(event)) continue;
    if (isCustomerEvent(event)) customerIds.add(event.data.customerId);
    else if (event.type === 'WonDealCorrected') correctedIds.add(event.data.dealId);
  }
  const working = emptyWorking();
  const storedCustomers = await db
    .selectFrom('kpi_customer')
    .selectAll()
    .where('customer_id', '=', anyOf(customerIds))
    .execute();
  for (const row of storedCustomers) {
    working.customers.set(row.customer_id, {
      ...row,
      registered_at: isoOf(row.registered_at),
      became_customer_at: isoOrNull(row.became_customer_at),
      active_since: isoOrNull(row.active_since),
    });
  }
  const storedDeals = await db
    .selectFrom('kpi_won_deal')
    .selectAll()
    .where('deal_id', '=', anyOf(correctedIds))
    .execute();
  for (const row of storedDeals)
    working.deals.set(row.deal_id, { ...row, won_at: isoOf(row.won_at) });
  return working;
};

const rowsOf = <TRow>(rows: ReadonlyMap<string, TRow>, ids: ReadonlySet<string>): TRow[] =>
  [...ids].flatMap((id) => {
    const row = rows.get(id);
    return row === undefined ? [] : [row];
  });

/** Writes the rows changed since the last write and forgets that they changed. */
const write = async (db: Transaction<KpiBoardTables>, working: Working): Promise<void> => {
  const customers = rowsOf(working.customers, working.dirtyCustomers);
  await replaceRows(db, 'kpi_customer', ['customer_id'], customers, kpiCustomerKinds);
  const spans = [...working.spans.values()];
  await replaceRows(db, 'kpi_active_span', ['customer_id', 'span_no'], spans, kpiSpanKinds);
  const scores = [...working.scores.values()];
  await replaceRows(db, 'kpi_score', ['source_id'], scores, kpiScoreKinds);
  const deals = rowsOf(working.deals, working.dirtyDeals);
  await replaceRows(db, 'kpi_won_deal', ['deal_id'], deals, kpiWonDealKinds);
  working.dirtyCustomers.clear();
  working.spans.clear();
  working.scores.clear();
  working.dirtyDeals.clear();
};

const apply =
  (settings: ReportingSettings) =>
  async (db: Transaction<KpiBoardTables>, events: ReadonlyArray<ProjectedEvent>) => {
    const { fresh, record } = await unappliedEvents(db, events);
    const working = await load(db, fresh);
    applyEvents(working, fresh, settings);
    await write(db, working);
    await record();
  };

// A rebuild from zero: every customer and won deal stays in memory from batch to batch; spans
// and answers only until they are written.
const startFold = (settings: ReportingSettings) =>
  inMemoryFold<KpiBoardTables, Working>({
    start: emptyWorking,
    apply: (working, events) => applyEvents(working, events, settings),
    write,
    rowsHeld: (working) =>
      working.customers.size + working.spans.size + working.scores.size + working.deals.size,
  });

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
    startFold: startFold(settings),
  };
};
