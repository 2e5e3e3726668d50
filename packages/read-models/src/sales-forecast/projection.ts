import type { DomainEvent } from '@crm/domain';
import type { ProjectedEvent, Projection, ReportingSettings } from '@crm/projections';
import type { Insertable, Transaction } from 'kysely';
import {
  anyOf,
  bigintOf,
  inMemoryFold,
  isEventOf,
  isoOf,
  pipelineValueOf,
  replaceRows,
  unappliedEvents,
  utcOf,
} from '../projection-kit/index.ts';
import { salesForecastMigrations } from './migrations.ts';
import { type ForecastDealTable, forecastDealKinds, type SalesForecastTables } from './tables.ts';

/** The events the sales forecast reads: every change to an open deal, and its closing. */
export const salesForecastEventTypes = [
  'DealOpened',
  'DealStageChanged',
  'DealWinProbabilitySet',
  'DealLineItemsRevised',
  'DealExpectedCloseDateMoved',
  'DealReassigned',
  'DealWon',
  'DealLost',
  'DealReopened',
] as const satisfies ReadonlyArray<DomainEvent['type']>;

type ForecastEvent = Extract<
  DomainEvent,
  { readonly type: (typeof salesForecastEventTypes)[number] }
>;

const isForecastEvent = isEventOf(salesForecastEventTypes);

type DealRow = Insertable<ForecastDealTable> & {
  value_minor: bigint;
  win_probability: number;
  weighted_centi_minor: bigint;
};

/**
 * The deals one batch touches, loaded once, changed in memory, written back once; in a
 * rebuild's fold, every deal, kept from batch to batch.
 */
interface Working {
  readonly deals: Map<string, DealRow>;
  readonly dirtyDeals: Set<string>;
}

const emptyWorking = (): Working => ({ deals: new Map(), dirtyDeals: new Set() });

const weigh = (deal: DealRow): void => {
  deal.weighted_centi_minor = deal.value_minor * BigInt(deal.win_probability);
};

const closeDate = (deal: DealRow, date: string): void => {
  deal.expected_close_date = date;
  deal.close_month = date.slice(0, 7);
};

/** Folds one deal event into the deal's row; false when it changes nothing. */
const evolve = (deals: Map<string, DealRow>, event: ForecastEvent): boolean => {
  if (event.type === 'DealOpened') {
    const { data } = event;
    if (deals.has(data.dealId)) return false;
    const deal: DealRow = {
      deal_id: data.dealId,
      customer_id: data.customerId,
      owner_id: data.ownerId,
      title: data.title,
      status: 'open',
      stage: data.stage,
      win_probability: data.winProbabilityPercent,
      expected_close_date: data.expectedCloseDate,
      close_month: data.expectedCloseDate.slice(0, 7),
      currency: data.currency,
      value_minor: pipelineValueOf(data.lineItems),
      weighted_centi_minor: 0n,
      opened_at: utcOf(data.at),
    };
    weigh(deal);
    deals.set(data.dealId, deal);
    return true;
  }
  const deal = deals.get(event.data.dealId);
  if (deal === undefined) return false;
  switch (event.type) {
    case 'DealStageChanged':
      deal.stage = event.data.to;
      deal.win_probability = event.data.winProbabilityPercent;
      break;
    case 'DealWinProbabilitySet':
      deal.win_probability = event.data.to;
      break;
    case 'DealLineItemsRevised':
      deal.value_minor = pipelineValueOf(event.data.lineItems);
      break;
    case 'DealExpectedCloseDateMoved':
      closeDate(deal, event.data.to);
      break;
    case 'DealReassigned':
      deal.owner_id = event.data.ownerId;
      break;
    case 'DealWon':
      deal.status = 'won';
      deal.stage = event.data.stage;
      deal.value_minor = pipelineValueOf(event.data.lineItems);
      break;
    case 'DealLost':
      deal.status = 'lost';
      break;
    case 'DealReopened':
      deal.status = 'open';
      deal.stage = event.data.stage;
      deal.win_probability = event.data.winProbabilityPercent;
      break;
    default: {
      const _exhaustive: never = event;
      return false;
    }
  }
  weigh(deal);
  return true;
};

const load = async (
  db: Transaction<SalesForecastTables>,
  events: ReadonlyArray<ProjectedEvent>,
): Promise<Working> => {
  const ids = [
    ...new Set(events.flatMap(({ event }) => (isForecastEvent(event) ? [event.data.dealId] : []))),
  ];
  const working = emptyWorking();
  const stored = await db
    .selectFrom('forecast_deal')
    .selectAll()
    .where('deal_id', '=', anyOf(ids))
    .execute();
  for (const row of stored) {
    working.deals.set(row.deal_id, {
      ...row,
      value_minor: bigintOf(row.value_minor),
      weighted_centi_minor: bigintOf(row.weighted_centi_minor),
      opened_at: isoOf(row.opened_at),
    });
  }
  return working;
};

const applyEvents = (working: Working, events: ReadonlyArray<ProjectedEvent>): void => {
  for (const { event } of events) {
    if (isForecastEvent(event) && evolve(working.deals, event)) {
      working.dirtyDeals.add(event.data.dealId);
    }
  }
};

/** Writes the changed deals and forgets that they changed. */
const write = async (db: Transaction<SalesForecastTables>, working: Working): Promise<void> => {
  const rows = [...working.dirtyDeals].flatMap((id) => {
    const deal = working.deals.get(id);
    return deal === undefined ? [] : [deal];
  });
  await replaceRows(db, 'forecast_deal', ['deal_id'], rows, forecastDealKinds);
  working.dirtyDeals.clear();
};

const apply = async (
  db: Transaction<SalesForecastTables>,
  events: ReadonlyArray<ProjectedEvent>,
): Promise<void> => {
  const { fresh, record } = await unappliedEvents(db, events);
  const working = await load(db, fresh);
  applyEvents(working, fresh);
  await write(db, working);
  await record();
};

// A rebuild from zero: every deal stays in memory from batch to batch. Each row holds values
// as they stand, not increments, so a deal written by two flushes ends the same.
const startFold = inMemoryFold<SalesForecastTables, Working>({
  start: emptyWorking,
  apply: applyEvents,
  write,
  rowsHeld: (working) => working.deals.size,
});

/**
 * The sales forecast read model (schema `sales_forecast`): every deal's value, win probability,
 * expected close month and owner as they stand now, so queries can sum the open pipeline,
 * weighted and unweighted, by close month and by owner.
 *
 * Open deals have no exchange rate yet (the rate comes with the win), so the forecast stays in
 * each deal's own currency and the settings are taken only for a uniform factory signature.
 *
 * @example
 * const projection = salesForecastProjection({ reportingCurrency: 'EUR', timeZone: 'UTC' });
 */
export const salesForecastProjection = (
  _settings: ReportingSettings,
): Projection<SalesForecastTables> => ({
  name: 'sales_forecast',
  version: 1,
  migrations: salesForecastMigrations,
  eventTypes: salesForecastEventTypes,
  apply,
  startFold,
});
