import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import { bigintOf } from '../projection-kit/index.ts';
import {
  checkPeriod,
  checkThresholds,
  defaultTierThresholds,
  type ProfitPeriod,
  type ProfitTier,
  type TierThresholds,
} from './period.ts';
import type { ProfitTiersTables } from './tables.ts';

/** Revenue, cost and profit in minor units of the reporting currency. */
export interface ProfitFigures {
  readonly revenueMinor: bigint;
  readonly costMinor: bigint;
  readonly profitMinor: bigint;
  /** Won deals counted (shown beside profit; tiering never looks at it). */
  readonly orders: number;
}

/** One customer's or product's place in the profit ranking of a period. */
export interface TieredSubject extends ProfitFigures {
  readonly id: string;
  /** 1 = most profitable; ties broken by id. */
  readonly rank: number;
  readonly tier: ProfitTier;
  /** This subject's profit over the total of all positive profits (0 when it made none). */
  readonly shareOfProfit: number;
  /** The share of the subjects ranked up to and including this one. */
  readonly cumulativeShare: number;
}

/** A product's tier, with the units sold. */
export interface TieredProduct extends TieredSubject {
  readonly quantity: bigint;
}

/** Figures of one period (`YYYY-MM` or `YYYY`). */
export interface PeriodProfit extends ProfitFigures {
  readonly period: string;
}

const inPeriod = (alias: string, period: ProfitPeriod): RawBuilder<boolean> => {
  checkPeriod(period);
  if ('month' in period) return sql<boolean>`${sql.ref(`${alias}.month`)} = ${period.month}`;
  if ('year' in period) return sql<boolean>`${sql.ref(`${alias}.year`)} = ${period.year}`;
  return sql<boolean>`${sql.ref(`${alias}.month`)} between ${period.fromMonth} and ${period.toMonth}`;
};

// Revenue, cost, profit and orders summed over the rows of `m`.
const figureSums = [
  sql<string>`sum(m.revenue)`.as('revenue'),
  sql<string>`sum(m.cost)`.as('cost'),
  sql<string>`sum(m.profit)`.as('profit'),
  sql<string>`sum(m.orders)`.as('orders'),
] as const;

const figuresOf = (row: {
  readonly revenue: string;
  readonly cost: string;
  readonly profit: string;
  readonly orders: string;
}): ProfitFigures => ({
  revenueMinor: bigintOf(row.revenue),
  costMinor: bigintOf(row.cost),
  profitMinor: bigintOf(row.profit),
  orders: Number(row.orders),
});

// The customer a row counts for: a merged-away duplicate's profit is its survivor's.
const owner = sql<string>`coalesce(c.merged_into, m.customer_id)`;

interface TotalsRow {
  readonly subject_id: string;
  readonly revenue: string;
  readonly cost: string;
  readonly profit: string;
  readonly orders: string;
  readonly quantity: string;
}

/**
 * The columns that rank rows by `profit` (descending, ties by `id`): `rank`, `positive_total`
 * (the sum of all positive profits) and `before` (the positive profit of those ranked above).
 */
export const profitRanking = (id: string) =>
  [
    sql<string>`row_number() over (order by profit desc, ${sql.ref(id)})`.as('rank'),
    sql<string>`sum(greatest(profit, 0)) over ()`.as('positive_total'),
    sql<string>`coalesce(sum(greatest(profit, 0)) over (order by profit desc, ${sql.ref(id)} rows between unbounded preceding and 1 preceding), 0)`.as(
      'before',
    ),
  ] as const;

/** The A/B/C/D tier of a row ranked by `profitRanking`, by the rule explained at `tiered`. */
export const tierOf = (thresholds: TierThresholds): RawBuilder<ProfitTier> =>
  sql<ProfitTier>`case
    when profit < 0 then 'D'
    when profit = 0 then 'C'
    when before < ${String(thresholds.a)}::numeric * positive_total then 'A'
    when before < ${String(thresholds.b)}::numeric * positive_total then 'B'
    else 'C' end`;

/** A ranked row's share of the positive profit, alone and with those ranked above it. */
export const profitShares = (row: {
  readonly profit: string;
  readonly before: string;
  readonly positive_total: string;
}): { readonly shareOfProfit: number; readonly cumulativeShare: number } => {
  const total = Number(row.positive_total);
  const profit = bigintOf(row.profit);
  const positive = profit > 0n ? Number(profit) : 0;
  return {
    shareOfProfit: total > 0 ? positive / total : 0,
    cumulativeShare: total > 0 ? (Number(row.before) + positive) / total : 0,
  };
};

/*
 * The tier is computed in the query, over the totals of the period, so thresholds are a query
 * parameter: rank by profit (descending, ties by id); `before` is the positive profit of those
 * ranked above. A subject is A while `before` is under a × total — A is the smallest top group
 * whose profit reaches a × total — B while under b × total, otherwise C. Profit < 0 is D;
 * profit = 0 is C (it contributes nothing, but loses nothing either).
 */
const tiered = async (
  db: Kysely<ProfitTiersTables>,
  totals: Expression<TotalsRow>,
  thresholds: TierThresholds,
): Promise<ReadonlyArray<TieredProduct>> => {
  checkThresholds(thresholds);
  const rows = await db
    .with('totals', () => totals)
    .with('ranked', (qb) => qb.selectFrom('totals').selectAll().select(profitRanking('subject_id')))
    .selectFrom('ranked')
    .selectAll()
    .select(tierOf(thresholds).as('tier'))
    .orderBy('rank')
    .execute();
  return rows.map((row) => ({
    id: row.subject_id,
    ...figuresOf(row),
    quantity: bigintOf(row.quantity),
    rank: Number(row.rank),
    tier: row.tier,
    ...profitShares(row),
  }));
};

/**
 * Customers graded A/B/C/D by their cumulative share of the period's profit (reporting
 * currency), most profitable first. Tiering is by profit only: a customer with many small
 * low-margin orders ranks below one with a single high-profit order.
 *
 * @example
 * const tiers = await customerProfitTiers(db, { year: 2025 }, { a: 0.8, b: 0.95 });
 */
export const customerProfitTiers = async (
  db: Kysely<ProfitTiersTables>,
  period: ProfitPeriod,
  thresholds: TierThresholds = defaultTierThresholds,
): Promise<ReadonlyArray<TieredSubject>> => {
  const totals = db
    .selectFrom('customer_months as m')
    .leftJoin('customers as c', 'c.customer_id', 'm.customer_id')
    .select([owner.as('subject_id'), ...figureSums, sql<string>`0`.as('quantity')])
    .where(inPeriod('m', period))
    .groupBy(owner);
  const rows = await tiered(db, totals, thresholds);
  return rows.map(({ quantity: _quantity, ...row }) => row);
};

/** Products graded A/B/C/D by their cumulative share of the period's profit, like customers. */
export const productProfitTiers = async (
  db: Kysely<ProfitTiersTables>,
  period: ProfitPeriod,
  thresholds: TierThresholds = defaultTierThresholds,
): Promise<ReadonlyArray<TieredProduct>> => {
  const totals = db
    .selectFrom('product_months as m')
    .select([
      sql<string>`m.product_id`.as('subject_id'),
      ...figureSums,
      sql<string>`sum(m.quantity)`.as('quantity'),
    ])
    .where(inPeriod('m', period))
    .groupBy('m.product_id');
  return tiered(db, totals, thresholds);
};

/** How many subjects and how much profit each tier holds. */
export type TierSummary = Readonly<
  Record<ProfitTier, { readonly count: number; readonly profitMinor: bigint }>
>;

/** Sums a tier list per tier. */
export const summariseTiers = (rows: ReadonlyArray<TieredSubject>): TierSummary => {
  const summary = {
    A: { count: 0, profitMinor: 0n },
    B: { count: 0, profitMinor: 0n },
    C: { count: 0, profitMinor: 0n },
    D: { count: 0, profitMinor: 0n },
  };
  for (const row of rows) {
    summary[row.tier].count += 1;
    summary[row.tier].profitMinor += row.profitMinor;
  }
  return summary;
};

/** Per month or per year. */
export type Granularity = 'month' | 'year';

// The period a row of `m` falls in, as `YYYY-MM` or `YYYY`.
const periodOf = (granularity: Granularity): RawBuilder<string> =>
  granularity === 'month' ? sql<string>`m.month` : sql<string>`m.year::text`;

/**
 * One customer's revenue, cost and profit per month or per year (reporting currency), oldest
 * first, including duplicates merged into it. Months and years are calendar periods in the
 * reporting time zone, so figures compare across periods.
 */
export const customerProfitHistory = async (
  db: Kysely<ProfitTiersTables>,
  customerId: string,
  granularity: Granularity,
): Promise<ReadonlyArray<PeriodProfit>> => {
  const period = periodOf(granularity);
  const rows = await db
    .selectFrom('customer_months as m')
    .leftJoin('customers as c', 'c.customer_id', 'm.customer_id')
    .select([period.as('period'), ...figureSums])
    .where(sql<boolean>`${owner} = ${customerId}`)
    .groupBy(period)
    .orderBy(period)
    .execute();
  return rows.map((row) => ({ period: row.period, ...figuresOf(row) }));
};

/** One product's revenue, cost and profit per month or per year (reporting currency), oldest first. */
export const productProfitHistory = async (
  db: Kysely<ProfitTiersTables>,
  productId: string,
  granularity: Granularity,
): Promise<ReadonlyArray<PeriodProfit & { readonly quantity: bigint }>> => {
  const period = periodOf(granularity);
  const rows = await db
    .selectFrom('product_months as m')
    .select([period.as('period'), ...figureSums, sql<string>`sum(m.quantity)`.as('quantity')])
    .where('m.product_id', '=', productId)
    .groupBy(period)
    .orderBy(period)
    .execute();
  return rows.map((row) => ({
    period: row.period,
    ...figuresOf(row),
    quantity: bigintOf(row.quantity),
  }));
};

/** Revenue, cost and profit of all customers per month or per year, oldest first. */
export const profitByPeriod = async (
  db: Kysely<ProfitTiersTables>,
  granularity: Granularity,
): Promise<ReadonlyArray<PeriodProfit>> => {
  const period = periodOf(granularity);
  const rows = await db
    .selectFrom('customer_months as m')
    .select([period.as('period'), ...figureSums])
    .groupBy(period)
    .orderBy(period)
    .execute();
  return rows.map((row) => ({ period: row.period, ...figuresOf(row) }));
};

/** Amounts of a period left out of the tiers because no rate to the reporting currency was recorded. */
export interface UnconvertedAmount {
  readonly subject: 'customer' | 'product';
  readonly id: string;
  readonly currency: string;
  readonly revenueMinor: bigint;
  readonly costMinor: bigint;
  readonly profitMinor: bigint;
  readonly deals: number;
}

/** The flag beside the tiers: what could not be converted in the period, per subject and currency. */
export const unconvertedAmounts = async (
  db: Kysely<ProfitTiersTables>,
  period: ProfitPeriod,
): Promise<ReadonlyArray<UnconvertedAmount>> => {
  const rows = await db
    .selectFrom('unconverted_amounts as m')
    .select([
      'm.subject',
      'm.subject_id',
      'm.currency',
      sql<string>`sum(m.revenue)`.as('revenue'),
      sql<string>`sum(m.cost)`.as('cost'),
      sql<string>`sum(m.profit)`.as('profit'),
      sql<string>`sum(m.deals)`.as('deals'),
    ])
    .where(inPeriod('m', period))
    .groupBy(['m.subject', 'm.subject_id', 'm.currency'])
    .having(sql<boolean>`sum(m.deals) <> 0 or sum(m.revenue) <> 0 or sum(m.cost) <> 0`)
    .orderBy('m.subject')
    .orderBy('m.subject_id')
    .orderBy('m.currency')
    .execute();
  return rows.map((row) => ({
    subject: row.subject,
    id: row.subject_id,
    currency: row.currency,
    revenueMinor: bigintOf(row.revenue),
    costMinor: bigintOf(row.cost),
    profitMinor: bigintOf(row.profit),
    deals: Number(row.deals),
  }));
};
