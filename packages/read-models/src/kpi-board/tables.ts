import type {
  AppliedPositionTable,
  ColumnKinds,
  Int8,
  Timestamptz,
} from '../projection-kit/index.ts';

/** One row per registered customer: registration, conversion and whether it is active now. */
export interface KpiCustomerTable {
  customer_id: string;
  registered_at: Timestamptz;
  registered_month: string;
  /** First time the customer reached `customer` (or `advocate`): its conversion from lead. */
  became_customer_at: Timestamptz | null;
  became_customer_month: string | null;
  churned: boolean;
  merged: boolean;
  /** Active = has become a customer, and is neither churned nor merged into another. */
  active: boolean;
  /** How many active spans the customer has had (the open one is the last). */
  spans: number;
  /** Start of the open span, while active. */
  active_since: Timestamptz | null;
  active_since_month: string | null;
}

/** One row per stretch of time a customer was active, `[from, to)`; `to` null while it lasts. */
export interface KpiActiveSpanTable {
  customer_id: string;
  span_no: number;
  from_at: Timestamptz;
  from_month: string;
  to_at: Timestamptz | null;
  to_month: string | null;
}

/** One row per satisfaction answer: a survey (CSAT or NPS) or a ticket rating (CSAT). */
export interface KpiScoreTable {
  /** `survey:<customerId>:<surveyId>` or `ticket:<ticketId>`: one answer, counted once. */
  source_id: string;
  kind: 'csat' | 'nps';
  value: number;
  answered_at: Timestamptz;
  month: string;
}

/** One row per won deal: its month and revenue. */
export interface KpiWonDealTable {
  deal_id: string;
  customer_id: string;
  won_at: Timestamptz;
  month: string;
  currency: string;
  revenue_minor: Int8;
  /** `null` when the revenue cannot be converted to the reporting currency. */
  reporting_revenue_minor: Int8 | null;
}

/** The tables of the KPI board. */
export interface KpiBoardTables {
  kpi_customer: KpiCustomerTable;
  kpi_active_span: KpiActiveSpanTable;
  kpi_score: KpiScoreTable;
  kpi_won_deal: KpiWonDealTable;
  applied_position: AppliedPositionTable;
}

/** The column types of `kpi_customer`, for bulk writes. */
export const kpiCustomerKinds: ColumnKinds<KpiCustomerTable> = {
  customer_id: 'text',
  registered_at: 'timestamptz',
  registered_month: 'text',
  became_customer_at: 'timestamptz',
  became_customer_month: 'text',
  churned: 'bool',
  merged: 'bool',
  active: 'bool',
  spans: 'int4',
  active_since: 'timestamptz',
  active_since_month: 'text',
};

/** The column types of `kpi_active_span`, for bulk writes. */
export const kpiSpanKinds: ColumnKinds<KpiActiveSpanTable> = {
  customer_id: 'text',
  span_no: 'int4',
  from_at: 'timestamptz',
  from_month: 'text',
  to_at: 'timestamptz',
  to_month: 'text',
};

/** The column types of `kpi_score`, for bulk writes. */
export const kpiScoreKinds: ColumnKinds<KpiScoreTable> = {
  source_id: 'text',
  kind: 'text',
  value: 'int2',
  answered_at: 'timestamptz',
  month: 'text',
};

/** The column types of `kpi_won_deal`, for bulk writes. */
export const kpiWonDealKinds: ColumnKinds<KpiWonDealTable> = {
  deal_id: 'text',
  customer_id: 'text',
  won_at: 'timestamptz',
  month: 'text',
  currency: 'text',
  revenue_minor: 'int8',
  reporting_revenue_minor: 'int8',
};
