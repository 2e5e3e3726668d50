import type {
  CurrencyCode,
  DomainEvent,
  ExchangeRate,
  LineItem,
  Money,
  WonDealFigures,
} from '@crm/domain';
import type { ProjectedEvent, Projection, ReportingSettings } from '@crm/projections';
import { type Insertable, sql, type Transaction } from 'kysely';
import {
  isEventOf,
  isoOf,
  replaceRows,
  reportingMonthOf,
  toReportingMinor,
  unappliedEvents,
  utcOf,
} from '../projection-kit/index.ts';
import { repPerformanceMigrations } from './migrations.ts';
import {
  type RepDealLineTable,
  type RepDealTable,
  type RepPerformanceTables,
  repDealKinds,
  repDealLineKinds,
} from './tables.ts';

/** The events rep performance reads: ownership and the closing of deals. */
export const repPerformanceEventTypes = [
  'DealOpened',
  'DealReassigned',
  'DealWon',
  'DealLost',
  'DealReopened',
  'WonDealCorrected',
] as const satisfies ReadonlyArray<DomainEvent['type']>;

type RepEvent = Extract<DomainEvent, { readonly type: (typeof repPerformanceEventTypes)[number] }>;

const isRepEvent = isEventOf(repPerformanceEventTypes);

type DealRow = Insertable<RepDealTable>;
type LineRow = Insertable<RepDealLineTable>;

/** Converts revenue and cost apart and subtracts, so converted figures always add up. */
const converted = (
  revenue: Money,
  cost: Money,
  rate: ExchangeRate | null,
  reporting: CurrencyCode,
): { readonly revenue: bigint; readonly cost: bigint; readonly profit: bigint } | null => {
  const r = toReportingMinor(revenue, rate, reporting);
  const c = toReportingMinor(cost, rate, reporting);
  return r === undefined || c === undefined
    ? null
    : { revenue: BigInt(r), cost: BigInt(c), profit: BigInt(r) - BigInt(c) };
};

const money = (amountMinor: bigint, currency: CurrencyCode): Money =>
  ({ amountMinor: Number(amountMinor), currency }) as Money;

const linesOf = (
  deal: DealRow,
  currency: CurrencyCode,
  lineItems: ReadonlyArray<LineItem>,
  rate: ExchangeRate | null,
  reporting: CurrencyCode,
): ReadonlyArray<LineRow> =>
  lineItems.map((line, index) => {
    const quantity = BigInt(line.quantity);
    const revenue = quantity * BigInt(line.unitPrice.amountMinor);
    const cost = quantity * BigInt(line.unitCost.amountMinor);
    const figures = converted(money(revenue, currency), money(cost, currency), rate, reporting);
    return {
      deal_id: deal.deal_id,
      line_no: index,
      product_id: line.productId,
      owner_id: deal.owner_id,
      closed_month: deal.closed_month ?? '',
      quantity,
      currency,
      profit_minor: revenue - cost,
      reporting_profit_minor: figures === null ? null : figures.profit,
    };
  });

const setFigures = (deal: DealRow, figures: WonDealFigures, reporting: CurrencyCode): void => {
  const inReporting = converted(figures.revenue, figures.cost, figures.exchangeRate, reporting);
  deal.revenue_minor = figures.revenue.amountMinor;
  deal.cost_minor = figures.cost.amountMinor;
  deal.profit_minor = figures.profit.amountMinor;
  deal.reporting_revenue_minor = inReporting?.revenue ?? null;
  deal.reporting_cost_minor = inReporting?.cost ?? null;
  deal.reporting_profit_minor = inReporting?.profit ?? null;
};

const closedDeal = (deal: DealRow, status: 'won' | 'lost', at: string, month: string): void => {
  deal.status = status;
  deal.closed_at = utcOf(at);
  deal.closed_month = month;
};

interface BatchState {
  readonly deals: Map<string, DealRow>;
  /** The lines of every won deal whose figures this batch set. */
  readonly lines: Map<string, ReadonlyArray<LineRow>>;
  readonly touched: Set<string>;
}

const evolve = (state: BatchState, event: RepEvent, settings: ReportingSettings): void => {
  const { deals, lines, touched } = state;
  const reporting = settings.reportingCurrency;
  const deal = deals.get(event.data.dealId);
  switch (event.type) {
    case 'DealOpened': {
      const { data } = event;
      if (deal !== undefined) return;
      deals.set(data.dealId, {
        deal_id: data.dealId,
        customer_id: data.customerId,
        owner_id: data.ownerId,
        status: 'open',
        closed_at: null,
        closed_month: null,
        currency: data.currency,
        revenue_minor: null,
        cost_minor: null,
        profit_minor: null,
        reporting_revenue_minor: null,
        reporting_cost_minor: null,
        reporting_profit_minor: null,
      });
      break;
    }
    case 'DealReassigned':
      if (deal === undefined) return;
      deal.owner_id = event.data.ownerId;
      break;
    case 'DealWon': {
      const { data } = event;
      const won: DealRow = deal ?? {
        deal_id: data.dealId,
        customer_id: data.customerId,
        owner_id: data.ownerId,
        status: 'open',
        currency: data.currency,
      };
      deals.set(data.dealId, won);
      // The owner who won it; a won deal cannot be reassigned afterwards.
      won.owner_id = data.ownerId;
      closedDeal(won, 'won', data.at, reportingMonthOf(data.at, settings.timeZone));
      setFigures(won, data, reporting);
      lines.set(
        data.dealId,
        linesOf(won, data.currency, data.lineItems, data.exchangeRate, reporting),
      );
      break;
    }
    case 'WonDealCorrected': {
      if (deal === undefined || deal.status !== 'won') return;
      const { corrected } = event.data;
      // A correction restates the figures in the month of the win, not the month it was made.
      setFigures(deal, corrected, reporting);
      const currency = corrected.revenue.currency;
      lines.set(
        deal.deal_id,
        linesOf(deal, currency, corrected.lineItems, corrected.exchangeRate, reporting),
      );
      break;
    }
    case 'DealLost':
      if (deal === undefined) return;
      closedDeal(deal, 'lost', event.data.at, reportingMonthOf(event.data.at, settings.timeZone));
      break;
    case 'DealReopened':
      if (deal === undefined) return;
      deal.status = 'open';
      deal.closed_at = null;
      deal.closed_month = null;
      break;
    default: {
      const _exhaustive: never = event;
      return;
    }
  }
  touched.add(event.data.dealId);
};

const apply =
  (settings: ReportingSettings) =>
  async (db: Transaction<RepPerformanceTables>, events: ReadonlyArray<ProjectedEvent>) => {
    const { fresh, record } = await unappliedEvents(db, events);
    const relevant = fresh.flatMap(({ event }) => (isRepEvent(event) ? [event] : []));
    const ids = [...new Set(relevant.map((event) => event.data.dealId))];
    const state: BatchState = { deals: new Map(), lines: new Map(), touched: new Set() };
    const stored = await db
      .selectFrom('rep_deal')
      .selectAll()
      .where('deal_id', '=', sql<string>`any(${ids}::text[])`)
      .execute();
    for (const row of stored) {
      state.deals.set(row.deal_id, {
        ...row,
        closed_at: row.closed_at === null ? null : isoOf(row.closed_at),
      });
    }
    for (const event of relevant) evolve(state, event, settings);
    const rows = [...state.touched].flatMap((id) => {
      const deal = state.deals.get(id);
      return deal === undefined ? [] : [deal];
    });
    await replaceRows(db, 'rep_deal', ['deal_id'], rows, repDealKinds);
    // A win or a correction replaces the deal's lines as a whole.
    const relined = [...state.lines.keys()];
    if (relined.length > 0) {
      await db
        .deleteFrom('rep_deal_line')
        .where('deal_id', '=', sql<string>`any(${relined}::text[])`)
        .execute();
    }
    const lineRows = [...state.lines.values()].flat();
    await replaceRows(db, 'rep_deal_line', ['deal_id', 'line_no'], lineRows, repDealLineKinds);
    await record();
  };

/**
 * The rep performance read model (schema `rep_performance`): every deal's owner and outcome,
 * the figures of won deals (reporting currency, month of the win or loss in the reporting time
 * zone) and their line items, from which queries compute win rates and commission weighted by
 * the profit grade of each product.
 *
 * @example
 * const projection = repPerformanceProjection({ reportingCurrency: 'EUR', timeZone: 'UTC' });
 */
export const repPerformanceProjection = (
  settings: ReportingSettings,
): Projection<RepPerformanceTables> => {
  // A zone Intl does not know fails here, at start-up, rather than on the first event.
  reportingMonthOf('2000-01-01T00:00:00Z', settings.timeZone);
  return {
    name: 'rep_performance',
    version: 1,
    migrations: repPerformanceMigrations,
    eventTypes: repPerformanceEventTypes,
    apply: apply(settings),
  };
};
