import { type Kysely, sql } from 'kysely';
import {
  defaultTierThresholds,
  type ProfitTier,
  type TierThresholds,
} from '../profit-tiers/index.ts';
import { checkThresholds } from '../profit-tiers/period.ts';
import { profitRanking, profitShares, tierOf } from '../profit-tiers/queries.ts';
import { bigintOf } from '../projection-kit/index.ts';
import type { RepPerformanceTables } from './tables.ts';

/** A product's grade by its share of all product profit. */
export interface ProductGrade {
  readonly productId: string;
  /** Σ line profit of won deals, reporting currency (convertible lines only), all time. */
  readonly profitMinor: bigint;
  /** 1 = most profitable; ties broken by product id. */
  readonly rank: number;
  readonly grade: ProfitTier;
  /** The positive profit of the products ranked up to and including this one, over the total. */
  readonly cumulativeShare: number;
}

/**
 * The query that grades every product sold, as a common table expression `product_grade`
 * (`product_id`, `profit`, `rank`, `before`, `positive_total`, `grade`), with the same rule as
 * the profit tiers: rank by profit (descending, ties by id); a product is A while the positive
 * profit of those ranked above it is under `a` × the total positive profit (so A is the smallest
 * top group reaching `a`), B while under `b`, C otherwise; zero profit is C, a loss is D.
 * Grades are computed at query time over all won deals so far, so they follow current profit.
 */
export const withProductGrades = (
  db: Kysely<RepPerformanceTables>,
  thresholds: TierThresholds = defaultTierThresholds,
) => {
  checkThresholds(thresholds);
  return db
    .with('product_profit', (qb) =>
      qb
        .selectFrom('rep_deal_line')
        .select(['product_id', sql<string>`sum(reporting_profit_minor)`.as('profit')])
        .where('reporting_profit_minor', 'is not', null)
        .groupBy('product_id'),
    )
    .with('product_ranked', (qb) =>
      qb
        .selectFrom('product_profit')
        .select(['product_id', 'profit', ...profitRanking('product_id')]),
    )
    .with('product_grade', (qb) =>
      qb
        .selectFrom('product_ranked')
        .select([
          'product_id',
          'profit',
          'rank',
          'before',
          'positive_total',
          tierOf(thresholds).as('grade'),
        ]),
    );
};

/**
 * Every product sold, graded A/B/C/D by its cumulative share of product profit (default
 * thresholds 80 % / 95 %), most profitable first: the grades commission is weighted by.
 *
 * @example
 * const grades = await productProfitGrades(db); // [{ productId: 'p-1', grade: 'A', ... }, ...]
 */
export const productProfitGrades = async (
  db: Kysely<RepPerformanceTables>,
  thresholds: TierThresholds = defaultTierThresholds,
): Promise<ReadonlyArray<ProductGrade>> => {
  const rows = await withProductGrades(db, thresholds)
    .selectFrom('product_grade')
    .selectAll()
    .orderBy('rank')
    .execute();
  return rows.map((row) => ({
    productId: row.product_id,
    profitMinor: bigintOf(row.profit),
    rank: Number(row.rank),
    grade: row.grade,
    cumulativeShare: profitShares(row).cumulativeShare,
  }));
};
