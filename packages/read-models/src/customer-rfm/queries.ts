import { type Kysely, sql } from 'kysely';
import { bigintOf, isoOf } from '../projection-kit/index.ts';
import type { CustomerRfmTables } from './tables.ts';

/** Which customers to score, and as of when. */
export interface RfmQuery {
  /** The instant recency is measured at; wins after it are ignored. */
  readonly asOf: string;
  /** Only customers flagged at risk of churning. */
  readonly churnRiskOnly?: boolean;
}

/** One customer's RFM figures and quintile scores (5 = best) as of an instant. */
export interface RfmScore {
  readonly customerId: string;
  readonly lastWonAt: string;
  /** Whole days from the last won deal to `asOf`. */
  readonly recencyDays: number;
  /** Won deals up to `asOf`. */
  readonly frequency: number;
  /** Won revenue up to `asOf`, reporting currency (convertible deals only). */
  readonly monetaryMinor: bigint;
  /** Won deals left out of `monetaryMinor` because they could not be converted. */
  readonly unconvertedDeals: number;
  readonly recencyScore: number;
  readonly frequencyScore: number;
  readonly monetaryScore: number;
  /** The current lifecycle stage (`null` for a customer whose registration was not seen). */
  readonly stage: string | null;
  readonly churned: boolean;
  /** Churned, or recency score ≤ 2 while frequency score ≥ 4: a good customer going quiet. */
  readonly churnRisk: boolean;
}

interface ScoreRow {
  readonly customer_id: string;
  readonly last_won_at: Date;
  readonly recency_days: string;
  readonly frequency: string;
  readonly monetary: string;
  readonly unconverted: string;
  readonly r: string;
  readonly f: string;
  readonly m: string;
  readonly stage: string | null;
  readonly churned: boolean;
  readonly churn_risk: boolean;
}

const asOfInstant = (asOf: string): Date => {
  const date = new Date(asOf);
  if (Number.isNaN(date.getTime())) throw new RangeError(`asOf: "${asOf}" is not an instant`);
  return date;
};

/*
 * Scores are computed in the query, over every customer with a win up to `asOf`: `ntile(5)` over
 * the customers ordered by the measure (ties by id, so it is deterministic), then customers with
 * equal measures share the lowest score any of them got, so a score never depends on ids.
 * Recency orders by the last win (the most recent scores 5); frequency and monetary by value.
 */
const scored = (db: Kysely<CustomerRfmTables>, query: RfmQuery) => {
  const asOf = asOfInstant(query.asOf);
  const tieFair = (measure: string, order: string) =>
    sql<string>`min(${sql.ref(`${measure}_tile`)}) over (partition by ${sql.ref(order)})`;
  return db
    .with('wins', (qb) =>
      qb
        .selectFrom('rfm_deal as d')
        .leftJoin('rfm_customer as c', 'c.customer_id', 'd.customer_id')
        // A merged-away duplicate's purchases are its survivor's.
        .select([
          sql<string>`coalesce(c.merged_into, d.customer_id)`.as('customer_id'),
          'd.won_at',
          'd.reporting_revenue_minor',
        ])
        .where('d.won_at', '<=', asOf),
    )
    .with('per_customer', (qb) =>
      qb
        .selectFrom('wins')
        .select([
          'customer_id',
          sql<Date>`max(won_at)`.as('last_won_at'),
          sql<string>`count(*)`.as('frequency'),
          sql<string>`coalesce(sum(reporting_revenue_minor), 0)`.as('monetary'),
          sql<string>`count(*) filter (where reporting_revenue_minor is null)`.as('unconverted'),
        ])
        .groupBy('customer_id'),
    )
    .with('tiled', (qb) =>
      qb
        .selectFrom('per_customer')
        .selectAll()
        .select([
          sql<string>`ntile(5) over (order by last_won_at, customer_id)`.as('r_tile'),
          sql<string>`ntile(5) over (order by frequency, customer_id)`.as('f_tile'),
          sql<string>`ntile(5) over (order by monetary, customer_id)`.as('m_tile'),
        ]),
    )
    .with('scores', (qb) =>
      qb
        .selectFrom('tiled')
        .select([
          'customer_id',
          'last_won_at',
          'frequency',
          'monetary',
          'unconverted',
          tieFair('r', 'last_won_at').as('r'),
          tieFair('f', 'frequency').as('f'),
          tieFair('m', 'monetary').as('m'),
        ]),
    )
    .selectFrom('scores as s')
    .leftJoin('rfm_customer as c', 'c.customer_id', 's.customer_id')
    .select([
      's.customer_id',
      's.last_won_at',
      sql<string>`floor(extract(epoch from (${asOf}::timestamptz - s.last_won_at)) / 86400)`.as(
        'recency_days',
      ),
      's.frequency',
      's.monetary',
      's.unconverted',
      's.r',
      's.f',
      's.m',
      'c.stage',
      sql<boolean>`coalesce(c.stage = 'churned', false)`.as('churned'),
      sql<boolean>`coalesce(c.stage = 'churned', false) or (s.r <= 2 and s.f >= 4)`.as(
        'churn_risk',
      ),
    ]);
};

const scoreOf = (row: ScoreRow): RfmScore => ({
  customerId: row.customer_id,
  lastWonAt: isoOf(row.last_won_at),
  recencyDays: Number(row.recency_days),
  frequency: Number(row.frequency),
  monetaryMinor: bigintOf(row.monetary),
  unconvertedDeals: Number(row.unconverted),
  recencyScore: Number(row.r),
  frequencyScore: Number(row.f),
  monetaryScore: Number(row.m),
  stage: row.stage,
  churned: row.churned,
  churnRisk: row.churn_risk,
});

/**
 * RFM scores of every customer with a won deal up to `asOf` (merged-away duplicates counted in
 * their survivor), by customer id; with `churnRiskOnly`, only those at risk.
 *
 * @example
 * const atRisk = await rfmScores(db, { asOf: '2025-12-31T23:59:59Z', churnRiskOnly: true });
 */
export const rfmScores = async (
  db: Kysely<CustomerRfmTables>,
  query: RfmQuery,
): Promise<ReadonlyArray<RfmScore>> => {
  const rows = await db
    .selectFrom(scored(db, query).as('scored'))
    .selectAll()
    .$if(query.churnRiskOnly === true, (qb) => qb.where('churn_risk', '=', true))
    .orderBy('customer_id')
    .execute();
  return rows.map(scoreOf);
};

/** One customer's RFM scores as of `asOf` (scored against everyone), or `undefined` if no win. */
export const rfmScoreOf = async (
  db: Kysely<CustomerRfmTables>,
  customerId: string,
  query: RfmQuery,
): Promise<RfmScore | undefined> => {
  const row = await db
    .selectFrom(scored(db, query).as('scored'))
    .selectAll()
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return row === undefined ? undefined : scoreOf(row);
};
