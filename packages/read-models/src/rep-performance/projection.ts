import type {
  CurrencyCode,
  DomainEvent,
  ExchangeRate,
  LineItem,
  Money,
  WonDealFigures,
} from '@crm/domain';
import type { ProjectedEvent, Projection, ReportingSettings } from '@crm/projections';
import type { Insertable, Transaction } from 'kysely';
import {
  anyOf,
  inMemoryFold,
  isEventOf,
  isoOrNull,
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

/**
 * The deals one batch touches, loaded once, changed in memory, written back once; in a
 * rebuild's fold, every deal, kept from batch to batch.
 */
interface Working {
  readonly deals: Map<string, DealRow>;
  readonly dirtyDeals: Set<string>;
  /** The new lines of every won deal whose figures were set since the last write. */
  readonly lines: Map<string, ReadonlyArray<LineRow>>;
  /**
   * The deals whose lines the table holds: known in a fold (those an earlier write wrote),
   * unknown (`undefined`) in a batch, where any deal loaded may have lines stored.
   */
  readonly linesStored: Set<string> | undefined;
}

const emptyWorking = (linesStored?: Set<string>): Working => ({
  deals: new Map(),
  dirtyDeals: new Set(),
  lines: new Map(),
  linesStored,
});

const load = async (
  db: Transaction<RepPerformanceTables>,
  events: ReadonlyArray<RepEvent>,
): Promise<Working> => {
  const working = emptyWorking();
  const ids = [...new Set(events.map((event) => event.data.dealId))];
  if (ids.length === 0) return working;
  const stored = await db
    .selectFrom('rep_deal')
    .selectAll()
    .where('deal_id', '=', anyOf(ids))
    .execute();
  for (const row of stored) {
    working.deals.set(row.deal_id, {
      ...row,
      closed_at: isoOrNull(row.closed_at),
    });
  }
  return working;
};

const evolve = (working: Working, event: RepEvent, settings: ReportingSettings): void => {
  const { deals, lines, dirtyDeals } = working;
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
  dirtyDeals.add(event.data.dealId);
};

const applyEvents = (
  working: Working,
  events: ReadonlyArray<ProjectedEvent>,
  settings: ReportingSettings,
): void => {
  for (const { event } of events) if (isRepEvent(event)) evolve(working, event, settings);
};

/** Writes the changed deals and their new lines, and forgets that they changed. */
const write = async (db: Transaction<RepPerformanceTables>, working: Working): Promise<void> => {
  const rows = [...working.dirtyDeals].flatMap((id) => {
    const deal = working.deals.get(id);
    return deal === undefined ? [] : [deal];
  });
  await replaceRows(db, 'rep_deal', ['deal_id'], rows, repDealKinds);
  // A win or a correction replaces the deal's lines as a whole: a restatement with fewer lines
  // must not leave the old ones behind.
  const relined = [...working.lines.keys()].filter(
    (id) => working.linesStored === undefined || working.linesStored.has(id),
  );
  if (relined.length > 0) {
    await db.deleteFrom('rep_deal_line').where('deal_id', '=', anyOf(relined)).execute();
  }
  const lineRows = [...working.lines.values()].flat();
  await replaceRows(db, 'rep_deal_line', ['deal_id', 'line_no'], lineRows, repDealLineKinds);
  for (const id of working.lines.keys()) working.linesStored?.add(id);
  working.dirtyDeals.clear();
  working.lines.clear();
};

const apply =
  (settings: ReportingSettings) =>
  async (db: Transaction<RepPerformanceTables>, events: ReadonlyArray<ProjectedEvent>) => {
    const { fresh, record } = await unappliedEvents(db, events);
    const working = await load(
      db,
      fresh.flatMap(({ event }) => (isRepEvent(event) ? [event] : [])),
    );
    applyEvents(working, fresh, settings);
    await write(db, working);
    await record();
  };

// A rebuild from zero: every deal stays in memory from batch to batch; a won deal's lines only
// until they are flushed (the fold never reads them back), and then just the deal's id, so a
// correction's delete is sent only for lines an earlier flush wrote.
const startFold = (settings: ReportingSettings) =>
  inMemoryFold<RepPerformanceTables, Working>({
    start: () => emptyWorking(new Set()),
    apply: (working, events) => applyEvents(working, events, settings),
    write,
    rowsHeld: (working) => {
      let lines = 0;
      for (const dealLines of working.lines.values()) lines += dealLines.length;
      return working.deals.size + lines;
    },
  });

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
    startFold: startFold(settings),
  };
};
