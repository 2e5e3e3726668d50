import type {
  AppliedPositionTable,
  ColumnKinds,
  Int8,
  Timestamptz,
} from '../projection-kit/index.ts';

/** One customer's place in the lifecycle. */
export interface FunnelCustomersTable {
  readonly customer_id: string;
  readonly registered_at: Timestamptz;
  /** Registration month (`YYYY-MM`, reporting time zone): the customer's cohort. */
  readonly cohort_month: string;
  /** Any lifecycle stage, `churned` and `reactivated` included. */
  readonly current_stage: string;
  readonly current_since: Timestamptz;
  /** Rank (0 = lead … 5 = advocate) of the furthest forward stage ever reached. */
  readonly furthest_rank: number;
  /** How many stays the customer has had (the next stay's `seq`). */
  readonly stay_count: number;
  /** Set while the customer is a merged-away duplicate: it then counts nowhere. */
  readonly merged_into: string | null;
}

/** One stay of a customer in a stage, from entering it to leaving it (`null` while there). */
export interface StageStaysTable {
  readonly customer_id: string;
  readonly seq: number;
  readonly stage: string;
  readonly entered_at: Timestamptz;
  /** Month of entering (`YYYY-MM`, reporting time zone). */
  readonly entered_month: string;
  readonly left_at: Timestamptz | null;
}

/** One deal's place in the sales pipeline. */
export interface FunnelDealsTable {
  readonly deal_id: string;
  /** `open`, `won` or `lost`. */
  readonly status: string;
  /** The open stage it is in, or was in when it closed. */
  readonly stage: string;
  /** Rank (0 = qualification … 3 = negotiation) of the furthest open stage it reached. */
  readonly furthest_rank: number;
  readonly currency: string;
  /** Win probability (whole percent) of an open deal; 100 once won, 0 once lost. */
  readonly win_probability: number;
  /** Σ quantity × unit price of its line items, in the deal currency. */
  readonly value_minor: Int8;
  /** value × win probability, rounded half up, in the deal currency. */
  readonly weighted_minor: Int8;
  /** Won revenue in the reporting currency; `null` while open or lost, or when not convertible. */
  readonly won_reporting_minor: Int8 | null;
}

/** The tables of the `lifecycle_funnel` schema. */
export interface LifecycleFunnelTables {
  readonly customers: FunnelCustomersTable;
  readonly stage_stays: StageStaysTable;
  readonly deals: FunnelDealsTable;
  readonly applied_position: AppliedPositionTable;
}

/** Column types of the lifecycle-funnel tables, for bulk writes. */
export const lifecycleFunnelColumnKinds = {
  customers: {
    customer_id: 'text',
    registered_at: 'timestamptz',
    cohort_month: 'text',
    current_stage: 'text',
    current_since: 'timestamptz',
    furthest_rank: 'int2',
    stay_count: 'int4',
    merged_into: 'text',
  },
  stage_stays: {
    customer_id: 'text',
    seq: 'int4',
    stage: 'text',
    entered_at: 'timestamptz',
    entered_month: 'text',
    left_at: 'timestamptz',
  },
  deals: {
    deal_id: 'text',
    status: 'text',
    stage: 'text',
    furthest_rank: 'int2',
    currency: 'text',
    win_probability: 'int2',
    value_minor: 'int8',
    weighted_minor: 'int8',
    won_reporting_minor: 'int8',
  },
} as const satisfies {
  readonly [K in Exclude<keyof LifecycleFunnelTables, 'applied_position'>]: ColumnKinds<
    LifecycleFunnelTables[K]
  >;
};
