import {
  type ForwardStage,
  forwardStages,
  type LifecycleStage,
  type OpenDealStage,
  openDealStages,
} from '@crm/domain';
import { type Kysely, sql } from 'kysely';
import { bigintOf } from '../projection-kit/index.ts';
import type { LifecycleFunnelTables } from './tables.ts';

// Merged-away duplicates count nowhere: their survivor already stands for the same customer.

/** Where customers stand now, per stage. */
export interface StageNow {
  readonly stage: LifecycleStage;
  /** Customers whose current stage this is (churned customers count under `churned`). */
  readonly current: number;
  /** Customers whose furthest stage ever is this one; `null` for `churned` and `reactivated`. */
  readonly furthest: number | null;
  /** Customers who ever reached this stage or a later one; `null` for `churned` and `reactivated`. */
  readonly reached: number | null;
}

const allStages: ReadonlyArray<LifecycleStage> = [...forwardStages, 'churned', 'reactivated'];

/**
 * Customers per stage now, with the current stage and the furthest stage reached kept apart: a
 * churned former customer counts under `churned` now, and under `customer` only as furthest.
 *
 * @example
 * const stages = await lifecycleStagesNow(db); // [{ stage: 'lead', current: 120, furthest: 80, reached: 300 }, …]
 */
export const lifecycleStagesNow = async (
  db: Kysely<LifecycleFunnelTables>,
): Promise<ReadonlyArray<StageNow>> => {
  const rows = await db
    .selectFrom('customers')
    .select(['current_stage', 'furthest_rank', sql<string>`count(*)`.as('customers')])
    .where('merged_into', 'is', null)
    .groupBy(['current_stage', 'furthest_rank'])
    .execute();
  return allStages.map((stage) => {
    const current = rows
      .filter((row) => row.current_stage === stage)
      .reduce((sum, row) => sum + Number(row.customers), 0);
    const rank = forwardStages.indexOf(stage as ForwardStage);
    if (rank < 0) return { stage, current, furthest: null, reached: null };
    const count = (keep: (furthest: number) => boolean) =>
      rows
        .filter((row) => keep(row.furthest_rank))
        .reduce((sum, row) => sum + Number(row.customers), 0);
    return {
      stage,
      current,
      furthest: count((furthest) => furthest === rank),
      reached: count((furthest) => furthest >= rank),
    };
  });
};

/** Of the customers who reached `from`, how many reached `to` (the next forward stage). */
export interface StageConversion {
  readonly from: ForwardStage;
  readonly to: ForwardStage;
  readonly reachedFrom: number;
  readonly reachedTo: number;
  /** reachedTo / reachedFrom, or `null` when nobody reached `from`. */
  readonly rate: number | null;
}

/** An inclusive range of months (`YYYY-MM`); an open end is unbounded. */
export interface FunnelMonthRange {
  readonly fromMonth?: string;
  readonly toMonth?: string;
}

/**
 * Stage-to-stage conversion rates, optionally for the customers registered in a range of months.
 * "Reached" means the furthest stage is that one or later: a customer who skipped a stage counts
 * as having passed it, so the rates multiply up to the end-to-end rate.
 */
export const stageConversionRates = async (
  db: Kysely<LifecycleFunnelTables>,
  cohorts: FunnelMonthRange = {},
): Promise<ReadonlyArray<StageConversion>> => {
  let query = db
    .selectFrom('customers')
    .select(['furthest_rank', sql<string>`count(*)`.as('customers')])
    .where('merged_into', 'is', null);
  if (cohorts.fromMonth !== undefined) query = query.where('cohort_month', '>=', cohorts.fromMonth);
  if (cohorts.toMonth !== undefined) query = query.where('cohort_month', '<=', cohorts.toMonth);
  const rows = await query.groupBy('furthest_rank').execute();
  const reached = (rank: number) =>
    rows
      .filter((row) => row.furthest_rank >= rank)
      .reduce((sum, row) => sum + Number(row.customers), 0);
  return forwardStages.slice(0, -1).map((from, rank) => {
    const reachedFrom = reached(rank);
    const reachedTo = reached(rank + 1);
    return {
      from,
      to: forwardStages[rank + 1] as ForwardStage,
      reachedFrom,
      reachedTo,
      rate: reachedFrom === 0 ? null : reachedTo / reachedFrom,
    };
  });
};

/** How many customers entered a stage in a calendar month (reporting time zone). */
export interface StageEntries {
  readonly month: string;
  readonly stage: LifecycleStage;
  readonly entries: number;
}

/** Entries per stage per month, oldest month first, stages in lifecycle order. */
export const stageEntriesByMonth = async (
  db: Kysely<LifecycleFunnelTables>,
  months: FunnelMonthRange = {},
): Promise<ReadonlyArray<StageEntries>> => {
  let query = db
    .selectFrom('stage_stays as s')
    .innerJoin('customers as c', 'c.customer_id', 's.customer_id')
    .select(['s.entered_month', 's.stage', sql<string>`count(*)`.as('entries')])
    .where('c.merged_into', 'is', null);
  if (months.fromMonth !== undefined)
    query = query.where('s.entered_month', '>=', months.fromMonth);
  if (months.toMonth !== undefined) query = query.where('s.entered_month', '<=', months.toMonth);
  const rows = await query.groupBy(['s.entered_month', 's.stage']).execute();
  return rows
    .map((row) => ({
      month: row.entered_month,
      stage: row.stage as LifecycleStage,
      entries: Number(row.entries),
    }))
    .sort((a, b) =>
      a.month === b.month
        ? allStages.indexOf(a.stage) - allStages.indexOf(b.stage)
        : a.month < b.month
          ? -1
          : 1,
    );
};

/** Time spent in a stage, over completed stays (entered and left again). */
export interface TimeInStage {
  readonly stage: LifecycleStage;
  readonly completedStays: number;
  readonly averageDays: number;
  readonly medianDays: number;
  /** Stays still running (not counted in the figures above). */
  readonly openStays: number;
}

/** Average and median days per stage over completed stays, stages in lifecycle order. */
export const timeInStage = async (
  db: Kysely<LifecycleFunnelTables>,
): Promise<ReadonlyArray<TimeInStage>> => {
  const days = sql<number>`extract(epoch from (s.left_at - s.entered_at)) / 86400`;
  const rows = await db
    .selectFrom('stage_stays as s')
    .innerJoin('customers as c', 'c.customer_id', 's.customer_id')
    .select([
      's.stage',
      sql<string>`count(s.left_at)`.as('completed'),
      sql<string>`count(*) - count(s.left_at)`.as('open'),
      sql<string | null>`avg(${days})`.as('average_days'),
      sql<string | null>`percentile_cont(0.5) within group (order by ${days})`.as('median_days'),
    ])
    .where('c.merged_into', 'is', null)
    .groupBy('s.stage')
    .execute();
  return allStages.flatMap((stage) => {
    const row = rows.find((candidate) => candidate.stage === stage);
    return row === undefined
      ? []
      : [
          {
            stage,
            completedStays: Number(row.completed),
            averageDays: Number(row.average_days ?? 0),
            medianDays: Number(row.median_days ?? 0),
            openStays: Number(row.open),
          },
        ];
  });
};

/** One registration cohort: how many registered in the month, and how far they got. */
export interface RegistrationCohort {
  readonly cohort: string;
  readonly registered: number;
  /** Customers of the cohort who reached each forward stage (or a later one). */
  readonly reached: Readonly<Record<ForwardStage, number>>;
  /** Customers of the cohort who are churned now. */
  readonly churnedNow: number;
}

/** Cohorts by registration month, oldest first. */
export const registrationCohorts = async (
  db: Kysely<LifecycleFunnelTables>,
  months: FunnelMonthRange = {},
): Promise<ReadonlyArray<RegistrationCohort>> => {
  let query = db
    .selectFrom('customers')
    .select([
      'cohort_month',
      'furthest_rank',
      sql<boolean>`current_stage = 'churned'`.as('churned'),
      sql<string>`count(*)`.as('customers'),
    ])
    .where('merged_into', 'is', null);
  if (months.fromMonth !== undefined) query = query.where('cohort_month', '>=', months.fromMonth);
  if (months.toMonth !== undefined) query = query.where('cohort_month', '<=', months.toMonth);
  const rows = await query.groupBy(['cohort_month', 'furthest_rank', sql`3`]).execute();
  const cohorts = [...new Set(rows.map((row) => row.cohort_month))].sort();
  return cohorts.map((cohort) => {
    const mine = rows.filter((row) => row.cohort_month === cohort);
    const sum = (keep: (row: (typeof mine)[number]) => boolean) =>
      mine.filter(keep).reduce((total, row) => total + Number(row.customers), 0);
    const reached = Object.fromEntries(
      forwardStages.map((stage, rank) => [stage, sum((row) => row.furthest_rank >= rank)]),
    ) as Record<ForwardStage, number>;
    return { cohort, registered: sum(() => true), reached, churnedNow: sum((row) => row.churned) };
  });
};

/** An amount in one currency. */
export interface PipelineAmount {
  readonly currency: string;
  readonly valueMinor: bigint;
  readonly weightedMinor: bigint;
}

/** One open stage of the sales pipeline. */
export interface PipelineStage {
  readonly stage: OpenDealStage;
  /** Deals in this stage now. */
  readonly open: number;
  /** Deals that ever reached this stage or a later one (open, won or lost). */
  readonly reached: number;
  /** Value and weighted value of the open deals, per deal currency (no rate exists before a win). */
  readonly value: ReadonlyArray<PipelineAmount>;
}

/** The deal pipeline funnel shown beside the customer funnel. */
export interface DealPipelineFunnel {
  readonly stages: ReadonlyArray<PipelineStage>;
  readonly won: {
    readonly count: number;
    /** Won revenue in the reporting currency, at each deal's recorded rate. */
    readonly revenueMinor: bigint;
    /** Won deals left out of `revenueMinor`: no rate to the reporting currency was recorded. */
    readonly unconverted: number;
  };
  readonly lost: { readonly count: number };
}

/** Deals per open stage now with their value, deals that reached each stage, and won/lost counts. */
export const dealPipelineFunnel = async (
  db: Kysely<LifecycleFunnelTables>,
): Promise<DealPipelineFunnel> => {
  const rows = await db
    .selectFrom('deals')
    .select([
      'status',
      'stage',
      'furthest_rank',
      'currency',
      sql<string>`count(*)`.as('deals'),
      sql<string>`sum(value_minor)`.as('value'),
      sql<string>`sum(weighted_minor)`.as('weighted'),
      sql<string | null>`sum(won_reporting_minor)`.as('won_reporting'),
      sql<string>`count(won_reporting_minor)`.as('converted'),
    ])
    .groupBy(['status', 'stage', 'furthest_rank', 'currency'])
    .execute();
  const count = (keep: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(keep).reduce((sum, row) => sum + Number(row.deals), 0);
  const stages = openDealStages.map((stage, rank): PipelineStage => {
    const open = rows.filter((row) => row.status === 'open' && row.stage === stage);
    const currencies = [...new Set(open.map((row) => row.currency))].sort();
    return {
      stage,
      open: count((row) => row.status === 'open' && row.stage === stage),
      reached: count((row) => row.furthest_rank >= rank),
      value: currencies.map((currency) => {
        const mine = open.filter((row) => row.currency === currency);
        return {
          currency,
          valueMinor: mine.reduce((sum, row) => sum + bigintOf(row.value), 0n),
          weightedMinor: mine.reduce((sum, row) => sum + bigintOf(row.weighted), 0n),
        };
      }),
    };
  });
  const won = rows.filter((row) => row.status === 'won');
  const wonCount = count((row) => row.status === 'won');
  const converted = won.reduce((sum, row) => sum + Number(row.converted), 0);
  return {
    stages,
    won: {
      count: wonCount,
      revenueMinor: won.reduce((sum, row) => sum + bigintOf(row.won_reporting), 0n),
      unconverted: wonCount - converted,
    },
    lost: { count: count((row) => row.status === 'lost') },
  };
};
