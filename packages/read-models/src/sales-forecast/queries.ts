import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { bigintOf, isoOf } from '../projection-kit/index.ts';
import type { ForecastDealTable, SalesForecastTables } from './tables.ts';

/** Which open deals to forecast: close months `fromMonth`…`toMonth` (inclusive), one owner. */
export interface ForecastFilter {
  readonly fromMonth?: string;
  readonly toMonth?: string;
  readonly ownerId?: string;
}

/**
 * Sums of open deals in one currency. Open deals have no exchange rate (it comes with the win),
 * so every figure stays in the deals' own currency: one line per currency.
 */
export interface ForecastFigures {
  readonly currency: string;
  readonly deals: number;
  /** Σ deal value (Σ quantity × unit price). */
  readonly valueMinor: bigint;
  /** Σ deal value × win probability, rounded once at the end (half to even). */
  readonly weightedValueMinor: bigint;
}

/** Forecast of one expected close month and one owner. */
export interface ForecastByMonthAndOwner extends ForecastFigures {
  readonly closeMonth: string;
  readonly ownerId: string;
}

/** Forecast of one expected close month, all owners. */
export interface ForecastByMonth extends ForecastFigures {
  readonly closeMonth: string;
}

/** Forecast of one owner, all close months. */
export interface ForecastByOwner extends ForecastFigures {
  readonly ownerId: string;
}

/** An open deal as the forecast counts it. */
export interface ForecastDeal {
  readonly dealId: string;
  readonly customerId: string;
  readonly ownerId: string;
  readonly title: string;
  readonly stage: string;
  readonly winProbabilityPercent: number;
  readonly expectedCloseDate: string;
  readonly currency: string;
  readonly valueMinor: bigint;
  readonly weightedValueMinor: bigint;
  readonly openedAt: string;
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Rounds hundredths of a minor unit to minor units, half to even (like the domain's rates). */
export const centiToMinor = (centi: bigint): bigint => {
  const negative = centi < 0n;
  const magnitude = negative ? -centi : centi;
  const quotient = magnitude / 100n;
  const remainder = magnitude % 100n;
  const up = remainder > 50n || (remainder === 50n && quotient % 2n === 1n);
  const rounded = up ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
};

const openDeals = (db: Kysely<SalesForecastTables>, filter: ForecastFilter) => {
  for (const month of [filter.fromMonth, filter.toMonth]) {
    if (month !== undefined && !monthPattern.test(month)) {
      throw new RangeError(`"${month}" is not a YYYY-MM month`);
    }
  }
  let query: SelectQueryBuilder<SalesForecastTables, 'forecast_deal', object> = db
    .selectFrom('forecast_deal')
    .where('status', '=', 'open');
  if (filter.fromMonth !== undefined) query = query.where('close_month', '>=', filter.fromMonth);
  if (filter.toMonth !== undefined) query = query.where('close_month', '<=', filter.toMonth);
  if (filter.ownerId !== undefined) query = query.where('owner_id', '=', filter.ownerId);
  return query;
};

const sums = [
  sql<string>`count(*)`.as('deals'),
  sql<string>`sum(value_minor)`.as('value'),
  sql<string>`sum(weighted_centi_minor)`.as('weighted'),
] as const;

const figuresOf = (row: {
  readonly currency: string;
  readonly deals: string;
  readonly value: string;
  readonly weighted: string;
}): ForecastFigures => ({
  currency: row.currency,
  deals: Number(row.deals),
  valueMinor: bigintOf(row.value),
  weightedValueMinor: centiToMinor(bigintOf(row.weighted)),
});

/**
 * The open pipeline by expected close month and owner: deal count, value and weighted value
 * (value × win probability), one line per currency, in month then owner order.
 *
 * @example
 * const rows = await forecastByCloseMonthAndOwner(db, { fromMonth: '2025-07', toMonth: '2025-09' });
 */
export const forecastByCloseMonthAndOwner = async (
  db: Kysely<SalesForecastTables>,
  filter: ForecastFilter = {},
): Promise<ReadonlyArray<ForecastByMonthAndOwner>> => {
  const rows = await openDeals(db, filter)
    .select(['close_month', 'owner_id', 'currency', ...sums])
    .groupBy(['close_month', 'owner_id', 'currency'])
    .orderBy('close_month')
    .orderBy('owner_id')
    .orderBy('currency')
    .execute();
  return rows.map((row) => ({
    closeMonth: row.close_month,
    ownerId: row.owner_id,
    ...figuresOf(row),
  }));
};

/** The open pipeline by expected close month, all owners together. */
export const forecastByCloseMonth = async (
  db: Kysely<SalesForecastTables>,
  filter: ForecastFilter = {},
): Promise<ReadonlyArray<ForecastByMonth>> => {
  const rows = await openDeals(db, filter)
    .select(['close_month', 'currency', ...sums])
    .groupBy(['close_month', 'currency'])
    .orderBy('close_month')
    .orderBy('currency')
    .execute();
  return rows.map((row) => ({ closeMonth: row.close_month, ...figuresOf(row) }));
};

/** The open pipeline by owner, all close months in the filter together. */
export const forecastByOwner = async (
  db: Kysely<SalesForecastTables>,
  filter: ForecastFilter = {},
): Promise<ReadonlyArray<ForecastByOwner>> => {
  const rows = await openDeals(db, filter)
    .select(['owner_id', 'currency', ...sums])
    .groupBy(['owner_id', 'currency'])
    .orderBy('owner_id')
    .orderBy('currency')
    .execute();
  return rows.map((row) => ({ ownerId: row.owner_id, ...figuresOf(row) }));
};

const dealOf = (row: {
  readonly deal_id: string;
  readonly customer_id: string;
  readonly owner_id: string;
  readonly title: string;
  readonly stage: string;
  readonly win_probability: number;
  readonly expected_close_date: string;
  readonly currency: string;
  readonly value_minor: string;
  readonly weighted_centi_minor: string;
  readonly opened_at: Date;
}): ForecastDeal => ({
  dealId: row.deal_id,
  customerId: row.customer_id,
  ownerId: row.owner_id,
  title: row.title,
  stage: row.stage,
  winProbabilityPercent: row.win_probability,
  expectedCloseDate: row.expected_close_date,
  currency: row.currency,
  valueMinor: bigintOf(row.value_minor),
  weightedValueMinor: centiToMinor(bigintOf(row.weighted_centi_minor)),
  openedAt: isoOf(row.opened_at),
});

/** The open deals behind a forecast line (drill-down), by close date then deal id. */
export const forecastDeals = async (
  db: Kysely<SalesForecastTables>,
  filter: ForecastFilter = {},
): Promise<ReadonlyArray<ForecastDeal>> => {
  const columns: ReadonlyArray<keyof ForecastDealTable> = [
    'deal_id',
    'customer_id',
    'owner_id',
    'title',
    'stage',
    'win_probability',
    'expected_close_date',
    'currency',
    'value_minor',
    'weighted_centi_minor',
    'opened_at',
  ];
  const rows = await openDeals(db, filter)
    .select(columns)
    .orderBy('expected_close_date')
    .orderBy('deal_id')
    .execute();
  return rows.map(dealOf);
};
