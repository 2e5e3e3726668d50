import { type Kysely, sql } from 'kysely';
import { bigintOf } from '../projection-kit/index.ts';
import { addMonths, type CalendarMonth, isCalendarMonth, monthsFrom } from './calendar-month.ts';
import type { KpiBoardTables } from './tables.ts';

/** The months a KPI query covers, both included (`YYYY-MM`, reporting time zone). */
export interface MonthRange {
  readonly fromMonth: CalendarMonth;
  readonly toMonth: CalendarMonth;
}

/**
 * Retention of month P: of the customers active at the start of P (that is, at the end of
 * P − 1), the share still active at the end of P. Active = has reached the `customer` stage
 * (or `advocate`) and is neither churned nor merged into another customer. A customer who
 * churns and is won back within P counts as retained; one who first becomes a customer in P is
 * not in P's base (it is in P + 1's).
 */
export interface RetentionMonth {
  readonly month: CalendarMonth;
  readonly activeAtStart: number;
  readonly retained: number;
  /** retained / activeAtStart; `null` when nobody was active at the start. */
  readonly rate: number | null;
}

/** Satisfaction answers of a month (surveys and ticket ratings alike). */
export interface SatisfactionMonth {
  readonly month: CalendarMonth;
  readonly csatResponses: number;
  /** Mean CSAT (1–5) of survey answers and ticket ratings; `null` without answers. */
  readonly averageCsat: number | null;
  readonly npsResponses: number;
  /** Answers 9–10. */
  readonly promoters: number;
  /** Answers 7–8. */
  readonly passives: number;
  /** Answers 0–6. */
  readonly detractors: number;
  /** % promoters − % detractors, from −100 to 100; `null` without answers. */
  readonly nps: number | null;
}

/** Won revenue that could not be converted to the reporting currency, per currency. */
export interface UnconvertedRevenue {
  readonly currency: string;
  readonly deals: number;
  readonly revenueMinor: bigint;
}

/** Won revenue of a month, and its growth. */
export interface SalesMonth {
  readonly month: CalendarMonth;
  /** Σ revenue of the deals won in the month, reporting currency (convertible deals only). */
  readonly revenueMinor: bigint;
  readonly deals: number;
  readonly buyingCustomers: number;
  /** (revenue − previous month's) / previous month's; `null` when the previous month had none. */
  readonly monthOverMonth: number | null;
  /** (revenue − same month a year earlier) / that month's; `null` when that month had none. */
  readonly yearOverYear: number | null;
  readonly unconverted: ReadonlyArray<UnconvertedRevenue>;
}

/** Lead → customer conversion of a month. */
export interface LeadConversionMonth {
  readonly month: CalendarMonth;
  /** Customers registered (as leads) in the month; merged-away duplicates are left out. */
  readonly registered: number;
  /** Of those, the ones that have reached the `customer` stage (or `advocate`) since. */
  readonly converted: number;
  /** converted / registered; `null` when nobody registered. */
  readonly rate: number | null;
  /** Customers, registered in any month, who reached the `customer` stage in this month. */
  readonly conversionsInMonth: number;
}

/** The KPI board line of one month. */
export interface KpiMonth {
  readonly month: CalendarMonth;
  readonly retention: RetentionMonth;
  readonly satisfaction: SatisfactionMonth;
  readonly sales: SalesMonth;
  readonly leadConversion: LeadConversionMonth;
}

const maxMonths = 1200;

const monthsOf = (range: MonthRange): ReadonlyArray<CalendarMonth> => {
  for (const month of [range.fromMonth, range.toMonth]) {
    if (!isCalendarMonth(month)) throw new RangeError(`"${month}" is not a YYYY-MM month`);
  }
  if (range.toMonth < range.fromMonth) {
    throw new RangeError(`toMonth ${range.toMonth} is before fromMonth ${range.fromMonth}`);
  }
  if (range.toMonth > addMonths(range.fromMonth, maxMonths - 1)) {
    throw new RangeError(`a KPI range covers at most ${maxMonths} months`);
  }
  return monthsFrom(range.fromMonth, range.toMonth);
};

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const growth = (now: bigint, before: bigint | undefined): number | null =>
  before === undefined || before === 0n ? null : Number(now - before) / Number(before);

/**
 * Retention rate per month (see `RetentionMonth` for the exact definition).
 *
 * @example
 * const rows = await retentionByMonth(db, { fromMonth: '2025-01', toMonth: '2025-06' });
 */
export const retentionByMonth = async (
  db: Kysely<KpiBoardTables>,
  range: MonthRange,
): Promise<ReadonlyArray<RetentionMonth>> => {
  const months = monthsOf(range);
  // Active at the start of P: a span from before P that ends in P or later (or not at all).
  // Active at the end of P: a span from P or before that ends after P (or not at all).
  const rows = await db
    // Kysely writes a raw common table expression as it is: the parentheses are ours.
    .with('months', () => sql<{ month: string }>`(select unnest(${[...months]}::text[]) as month)`)
    .selectFrom('months as m')
    .innerJoin('kpi_active_span as s', (join) =>
      join
        .onRef('s.from_month', '<', 'm.month')
        .on((eb) =>
          eb.or([eb('s.to_month', 'is', null), eb('s.to_month', '>=', eb.ref('m.month'))]),
        ),
    )
    .select((eb) => [
      'm.month',
      eb.fn.countAll<string>().as('base'),
      eb.fn
        .countAll<string>()
        .filterWhere(
          eb.exists(
            eb
              .selectFrom('kpi_active_span as e')
              .select('e.span_no')
              .whereRef('e.customer_id', '=', 's.customer_id')
              .whereRef('e.from_month', '<=', 'm.month')
              .where((w) =>
                w.or([w('e.to_month', 'is', null), w('e.to_month', '>', w.ref('m.month'))]),
              ),
          ),
        )
        .as('retained'),
    ])
    .groupBy('m.month')
    .execute();
  return months.map((month) => {
    const row = rows.find((r) => r.month === month);
    const activeAtStart = Number(row?.base ?? 0);
    const retained = Number(row?.retained ?? 0);
    return { month, activeAtStart, retained, rate: ratio(retained, activeAtStart) };
  });
};

/** Average CSAT and NPS per month. */
export const satisfactionByMonth = async (
  db: Kysely<KpiBoardTables>,
  range: MonthRange,
): Promise<ReadonlyArray<SatisfactionMonth>> => {
  const months = monthsOf(range);
  const rows = await db
    .selectFrom('kpi_score')
    .select([
      'month',
      sql<string>`count(*) filter (where kind = 'csat')`.as('csat_n'),
      sql<string | null>`avg(value) filter (where kind = 'csat')`.as('csat_avg'),
      sql<string>`count(*) filter (where kind = 'nps')`.as('nps_n'),
      sql<string>`count(*) filter (where kind = 'nps' and value >= 9)`.as('promoters'),
      sql<string>`count(*) filter (where kind = 'nps' and value between 7 and 8)`.as('passives'),
      sql<string>`count(*) filter (where kind = 'nps' and value <= 6)`.as('detractors'),
    ])
    .where('month', '>=', range.fromMonth)
    .where('month', '<=', range.toMonth)
    .groupBy('month')
    .execute();
  return months.map((month) => {
    const row = rows.find((r) => r.month === month);
    const npsResponses = Number(row?.nps_n ?? 0);
    const promoters = Number(row?.promoters ?? 0);
    const detractors = Number(row?.detractors ?? 0);
    return {
      month,
      csatResponses: Number(row?.csat_n ?? 0),
      averageCsat: row?.csat_avg == null ? null : Number(row.csat_avg),
      npsResponses,
      promoters,
      passives: Number(row?.passives ?? 0),
      detractors,
      nps: npsResponses === 0 ? null : ((promoters - detractors) * 100) / npsResponses,
    };
  });
};

/** Won revenue per month with its growth month over month and year over year. */
export const salesGrowthByMonth = async (
  db: Kysely<KpiBoardTables>,
  range: MonthRange,
): Promise<ReadonlyArray<SalesMonth>> => {
  const months = monthsOf(range);
  const from = addMonths(range.fromMonth, -12);
  const rows = await db
    .selectFrom('kpi_won_deal')
    .select([
      'month',
      sql<string | null>`sum(reporting_revenue_minor)`.as('revenue'),
      sql<string>`count(reporting_revenue_minor)`.as('deals'),
      sql<string>`count(distinct customer_id) filter (where reporting_revenue_minor is not null)`.as(
        'customers',
      ),
    ])
    .where('month', '>=', from)
    .where('month', '<=', range.toMonth)
    .groupBy('month')
    .execute();
  const unconverted = await db
    .selectFrom('kpi_won_deal')
    .select([
      'month',
      'currency',
      sql<string>`count(*)`.as('deals'),
      sql<string>`sum(revenue_minor)`.as('revenue'),
    ])
    .where('reporting_revenue_minor', 'is', null)
    .where('month', '>=', range.fromMonth)
    .where('month', '<=', range.toMonth)
    .groupBy(['month', 'currency'])
    .orderBy('currency')
    .execute();
  const revenueOf = (month: string): bigint | undefined => {
    const row = rows.find((r) => r.month === month);
    return row === undefined ? undefined : bigintOf(row.revenue);
  };
  return months.map((month) => {
    const row = rows.find((r) => r.month === month);
    const revenue = revenueOf(month) ?? 0n;
    return {
      month,
      revenueMinor: revenue,
      deals: Number(row?.deals ?? 0),
      buyingCustomers: Number(row?.customers ?? 0),
      monthOverMonth: growth(revenue, revenueOf(addMonths(month, -1))),
      yearOverYear: growth(revenue, revenueOf(addMonths(month, -12))),
      unconverted: unconverted
        .filter((u) => u.month === month)
        .map((u) => ({
          currency: u.currency,
          deals: Number(u.deals),
          revenueMinor: bigintOf(u.revenue),
        })),
    };
  });
};

/** Lead → customer conversion per registration month, and conversions per month. */
export const leadConversionByMonth = async (
  db: Kysely<KpiBoardTables>,
  range: MonthRange,
): Promise<ReadonlyArray<LeadConversionMonth>> => {
  const months = monthsOf(range);
  const cohorts = await db
    .selectFrom('kpi_customer')
    .select([
      'registered_month',
      sql<string>`count(*)`.as('registered'),
      sql<string>`count(became_customer_at)`.as('converted'),
    ])
    .where('merged', '=', false)
    .where('registered_month', '>=', range.fromMonth)
    .where('registered_month', '<=', range.toMonth)
    .groupBy('registered_month')
    .execute();
  const conversions = await db
    .selectFrom('kpi_customer')
    .select(['became_customer_month', sql<string>`count(*)`.as('conversions')])
    .where('merged', '=', false)
    .where('became_customer_month', '>=', range.fromMonth)
    .where('became_customer_month', '<=', range.toMonth)
    .groupBy('became_customer_month')
    .execute();
  return months.map((month) => {
    const cohort = cohorts.find((c) => c.registered_month === month);
    const registered = Number(cohort?.registered ?? 0);
    const converted = Number(cohort?.converted ?? 0);
    return {
      month,
      registered,
      converted,
      rate: ratio(converted, registered),
      conversionsInMonth: Number(
        conversions.find((c) => c.became_customer_month === month)?.conversions ?? 0,
      ),
    };
  });
};

/**
 * The whole KPI board, one line per month: retention, satisfaction (CSAT, NPS), won revenue
 * with its growth, and lead conversion.
 *
 * @example
 * const board = await kpiBoard(db, { fromMonth: '2025-01', toMonth: '2025-12' });
 * board[0]?.sales.yearOverYear; // 0.25 = a quarter more than January 2024
 */
export const kpiBoard = async (
  db: Kysely<KpiBoardTables>,
  range: MonthRange,
): Promise<ReadonlyArray<KpiMonth>> => {
  const retention = await retentionByMonth(db, range);
  const satisfaction = await satisfactionByMonth(db, range);
  const sales = await salesGrowthByMonth(db, range);
  const leadConversion = await leadConversionByMonth(db, range);
  return retention.map((line, index) => {
    const s = satisfaction[index];
    const g = sales[index];
    const c = leadConversion[index];
    if (s === undefined || g === undefined || c === undefined)
      throw new Error('KPI months out of step');
    return { month: line.month, retention: line, satisfaction: s, sales: g, leadConversion: c };
  });
};
