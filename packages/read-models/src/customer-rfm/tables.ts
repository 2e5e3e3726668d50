import type {
  AppliedPositionTable,
  ColumnKinds,
  Int8,
  Timestamptz,
} from '../projection-kit/index.ts';

/** One row per registered customer: what the churn-risk flag and merges need. */
export interface RfmCustomerTable {
  customer_id: string;
  /** The current lifecycle stage (`churned` while churned). */
  stage: string;
  churned_at: Timestamptz | null;
  /** The survivor this duplicate was merged into; its purchases count for the survivor. */
  merged_into: string | null;
}

/** One row per won deal: when, for whom, and what it brought in. */
export interface RfmDealTable {
  deal_id: string;
  customer_id: string;
  won_at: Timestamptz;
  currency: string;
  revenue_minor: Int8;
  /** Revenue in the reporting currency; `null` when it cannot be converted. */
  reporting_revenue_minor: Int8 | null;
}

/** The tables of the RFM read model. */
export interface CustomerRfmTables {
  rfm_customer: RfmCustomerTable;
  rfm_deal: RfmDealTable;
  applied_position: AppliedPositionTable;
}

/** The column types of `rfm_customer`, for bulk writes. */
export const rfmCustomerKinds: ColumnKinds<RfmCustomerTable> = {
  customer_id: 'text',
  stage: 'text',
  churned_at: 'timestamptz',
  merged_into: 'text',
};

/** The column types of `rfm_deal`, for bulk writes. */
export const rfmDealKinds: ColumnKinds<RfmDealTable> = {
  deal_id: 'text',
  customer_id: 'text',
  won_at: 'timestamptz',
  currency: 'text',
  revenue_minor: 'int8',
  reporting_revenue_minor: 'int8',
};
