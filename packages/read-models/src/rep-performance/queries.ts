import { type Kysely, sql } from 'kysely';
import type { UnconvertedWins } from '../campaign-performance/queries.ts';
import type { ProfitTier, TierThresholds } from '../profit-tiers/index.ts';
import { bigintOf } from '../projection-kit/index.ts';
import { withProductGrades } from './product-grades.ts';
import type { RepPerformanceTables } from './tables.ts';

/** Commission as a percentage of line profit, per product grade (`2.5` = 2.5 %). */
export type CommissionRates = Readonly<Record<ProfitTier, number>>;

/** A 10 %, B 6 %, C 3 %, D 0 % of line profit. */
export const defaultCommissionRates: CommissionRates = { A: 10, B: 6, C: 3, D: 0 };

/** Which closed deals to count: months of the win or loss, `fromMonth`…`toMonth`, one owner. */
export interface RepPerformanceQuery {
  readonly fromMonth?: string;
  readonly toMonth?: string;
  readonly ownerId?: string;
  /** Product grade thresholds (default 80 % / 95 %, as for profit tiers). */
  readonly thresholds?: TierThresholds;
  readonly commissionRates?: CommissionRates;
}

/** What a rep achieved over the deals counted. Money in the reporting currency. */
export interface RepFigures {
  readonly dealsWon: number;
  readonly dealsLost: number;
  /** won / (won + lost); `null` when the rep closed nothing. */
  readonly winRate: number | null;
  readonly revenueMinor: bigint;
  readonly costMinor: bigint;
  readonly profitMinor: bigint;
  /** Line profit of the won deals by the current grade of each line's product. */
  readonly profitByGrade: Readonly<Record<ProfitTier, bigint>>;
  /** Σ line profit × rate(grade of the product), rounded once, half to even. */
  readonly commissionMinor: bigint;
  /** Won deals left out of the money figures because they could not be converted. */
  readonly unconverted: ReadonlyArray<UnconvertedWins>;
}

/** One owner's performance. */
export interface RepPerformance extends RepFigures {
  readonly ownerId: string;
}

/** One owner's performance in one month. */
export interface RepMonthPerformance extends RepFigures {
  readonly ownerId: string;
  readonly month: string;
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

const checkQuery = (query: RepPerformanceQuery): void => {
  for (const month of [query.fromMonth, query.toMonth]) {
    if (month !== undefined && !monthPattern.test(month)) {
      throw new RangeError(`"${month}" is not a YYYY-MM month`);
    }
  }
  for (const [grade, rate] of Object.entries(query.commissionRates ?? {})) {
    if (!(rate >= 0 && rate <= 100) || Math.abs(rate * 100 - Math.round(rate * 100)) > 1e-9) {
      throw new RangeError(
        `commission rate of grade ${grade} must be a percentage 0–100 with at most two decimals (got ${rate})`,
      );
    }
  }
};

/** `numerator / denominator` rounded half to even (`denominator` > 0). */
const divideHalfEven = (numerator: bigint, denominator: bigint): bigint => {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const twice = (magnitude % denominator) * 2n;
  const up = twice > denominator || (twice === denominator && quotient % 2n === 1n);
  const rounded = up ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
};

/**
 * Commission on line profit by grade: Σ profit × rate, exact in hundredths of a percent, rounded
 * once to the minor unit (half to even). A loss-making line of a well-graded product lowers it.
 */
export const commissionOf = (
  profitByGrade: Readonly<Record<ProfitTier, bigint>>,
  rates: CommissionRates = defaultCommissionRates,
): bigint => {
  let total = 0n;
  for (const grade of ['A', 'B', 'C', 'D'] as const) {
    total += profitByGrade[grade] * BigInt(Math.round(rates[grade] * 100));
  }
  return divideHalfEven(total, 10_000n);
};

const keyOf = (ownerId: string, month: string): string => `${ownerId}\u0000${month}`;

interface Accumulated {
  ownerId: string;
  month: string;
  dealsWon: number;
  dealsLost: number;
  revenueMinor: bigint;
  costMinor: bigint;
  profitMinor: bigint;
  profitByGrade: Record<ProfitTier, bigint>;
  unconverted: UnconvertedWins[];
}

const blank = (ownerId: string, month: string): Accumulated => ({
  ownerId,
  month,
  dealsWon: 0,
  dealsLost: 0,
  revenueMinor: 0n,
  costMinor: 0n,
  profitMinor: 0n,
  profitByGrade: { A: 0n, B: 0n, C: 0n, D: 0n },
  unconverted: [],
});

const performanceOf = async (
  db: Kysely<RepPerformanceTables>,
  query: RepPerformanceQuery,
  byMonth: boolean,
): Promise<ReadonlyArray<RepFigures & { readonly ownerId: string; readonly month: string }>> => {
  checkQuery(query);
  const { fromMonth, toMonth, ownerId } = query;
  const deals = await db
    .selectFrom('rep_deal')
    .select((eb) => [
      'owner_id',
      eb.fn.countAll<string>().filterWhere('status', '=', 'won').as('won'),
      eb.fn.countAll<string>().filterWhere('status', '=', 'lost').as('lost'),
      sql<string | null>`sum(reporting_revenue_minor)`.as('revenue'),
      sql<string | null>`sum(reporting_cost_minor)`.as('cost'),
      sql<string | null>`sum(reporting_profit_minor)`.as('profit'),
    ])
    .$if(byMonth, (qb) => qb.select('closed_month').groupBy('closed_month'))
    .where('status', '<>', 'open')
    .$if(fromMonth !== undefined, (qb) => qb.where('closed_month', '>=', fromMonth ?? ''))
    .$if(toMonth !== undefined, (qb) => qb.where('closed_month', '<=', toMonth ?? ''))
    .$if(ownerId !== undefined, (qb) => qb.where('owner_id', '=', ownerId ?? ''))
    .groupBy('owner_id')
    .execute();
  const grade = (g: ProfitTier) =>
    sql<string | null>`sum(l.reporting_profit_minor) filter (where g.grade = ${g})`;
  const lines = await withProductGrades(db, query.thresholds)
    .selectFrom('rep_deal_line as l')
    .innerJoin('product_grade as g', 'g.product_id', 'l.product_id')
    .select([
      'l.owner_id',
      grade('A').as('a'),
      grade('B').as('b'),
      grade('C').as('c'),
      grade('D').as('d'),
    ])
    .$if(byMonth, (qb) => qb.select('l.closed_month').groupBy('l.closed_month'))
    .$if(fromMonth !== undefined, (qb) => qb.where('l.closed_month', '>=', fromMonth ?? ''))
    .$if(toMonth !== undefined, (qb) => qb.where('l.closed_month', '<=', toMonth ?? ''))
    .$if(ownerId !== undefined, (qb) => qb.where('l.owner_id', '=', ownerId ?? ''))
    .groupBy('l.owner_id')
    .execute();
  const unconverted = await db
    .selectFrom('rep_deal')
    .select((eb) => [
      'owner_id',
      'currency',
      eb.fn.countAll<string>().as('deals'),
      sql<string>`sum(revenue_minor)`.as('revenue'),
      sql<string>`sum(profit_minor)`.as('profit'),
    ])
    .$if(byMonth, (qb) => qb.select('closed_month').groupBy('closed_month'))
    .where('status', '=', 'won')
    .where('reporting_revenue_minor', 'is', null)
    .$if(fromMonth !== undefined, (qb) => qb.where('closed_month', '>=', fromMonth ?? ''))
    .$if(toMonth !== undefined, (qb) => qb.where('closed_month', '<=', toMonth ?? ''))
    .$if(ownerId !== undefined, (qb) => qb.where('owner_id', '=', ownerId ?? ''))
    .groupBy(['owner_id', 'currency'])
    .orderBy('currency')
    .execute();

  const results = new Map<string, Accumulated>();
  const entry = (owner: string, month: string | null | undefined): Accumulated => {
    const key = keyOf(owner, month ?? '');
    const found = results.get(key) ?? blank(owner, month ?? '');
    results.set(key, found);
    return found;
  };
  for (const row of deals) {
    const acc = entry(row.owner_id, row.closed_month);
    acc.dealsWon = Number(row.won);
    acc.dealsLost = Number(row.lost);
    acc.revenueMinor = bigintOf(row.revenue);
    acc.costMinor = bigintOf(row.cost);
    acc.profitMinor = bigintOf(row.profit);
  }
  for (const row of lines) {
    entry(row.owner_id, row.closed_month).profitByGrade = {
      A: bigintOf(row.a),
      B: bigintOf(row.b),
      C: bigintOf(row.c),
      D: bigintOf(row.d),
    };
  }
  for (const row of unconverted) {
    entry(row.owner_id, row.closed_month).unconverted.push({
      currency: row.currency,
      deals: Number(row.deals),
      revenueMinor: bigintOf(row.revenue),
      profitMinor: bigintOf(row.profit),
    });
  }
  const rates = query.commissionRates ?? defaultCommissionRates;
  return (
    [...results.values()]
      // Code-point order, like the database's ids and `YYYY-MM` months; no locale involved.
      .sort((a, b) => {
        const left = keyOf(a.ownerId, a.month);
        const right = keyOf(b.ownerId, b.month);
        return left < right ? -1 : left > right ? 1 : 0;
      })
      .map((acc) => {
        const closed = acc.dealsWon + acc.dealsLost;
        return {
          ...acc,
          winRate: closed === 0 ? null : acc.dealsWon / closed,
          commissionMinor: commissionOf(acc.profitByGrade, rates),
        };
      })
  );
};

/**
 * Each owner's won revenue, profit, deals won and lost, win rate and commission over the closed
 * deals in the month range (all time by default), by owner.
 *
 * @example
 * const reps = await repPerformance(db, { fromMonth: '2025-01', toMonth: '2025-12' });
 */
export const repPerformance = async (
  db: Kysely<RepPerformanceTables>,
  query: RepPerformanceQuery = {},
): Promise<ReadonlyArray<RepPerformance>> =>
  (await performanceOf(db, query, false)).map(({ month: _month, ...rest }) => rest);

/** The same figures per owner and per month of the win or loss (reporting time zone). */
export const repPerformanceByMonth = async (
  db: Kysely<RepPerformanceTables>,
  query: RepPerformanceQuery = {},
): Promise<ReadonlyArray<RepMonthPerformance>> => performanceOf(db, query, true);
