import type {
  AppliedPositionTable,
  ColumnKinds,
  Int8,
  Timestamptz,
} from '../projection-kit/index.ts';

/** One row per deal: its owner and, once closed, its outcome and figures. */
export interface RepDealTable {
  deal_id: string;
  customer_id: string;
  /** The current owner; a won deal's owner is the one it was won by (frozen with the deal). */
  owner_id: string;
  status: 'open' | 'won' | 'lost';
  closed_at: Timestamptz | null;
  /** Calendar month of the win or loss in the reporting time zone (`YYYY-MM`). */
  closed_month: string | null;
  currency: string;
  /** Deal-currency figures of a won deal (after corrections). */
  revenue_minor: Int8 | null;
  cost_minor: Int8 | null;
  profit_minor: Int8 | null;
  /** Reporting-currency figures; `null` unless won and convertible. */
  reporting_revenue_minor: Int8 | null;
  reporting_cost_minor: Int8 | null;
  reporting_profit_minor: Int8 | null;
}

/** One row per line item of a won deal (after corrections): what commission is paid on. */
export interface RepDealLineTable {
  deal_id: string;
  line_no: number;
  product_id: string;
  owner_id: string;
  closed_month: string;
  quantity: Int8;
  currency: string;
  /** quantity × unit price − quantity × unit cost, deal currency. */
  profit_minor: Int8;
  /** The line's revenue and cost converted separately, then subtracted; `null` if unconvertible. */
  reporting_profit_minor: Int8 | null;
}

/** The tables of the rep performance read model. */
export interface RepPerformanceTables {
  rep_deal: RepDealTable;
  rep_deal_line: RepDealLineTable;
  applied_position: AppliedPositionTable;
}

/** The column types of `rep_deal`, for bulk writes. */
export const repDealKinds: ColumnKinds<RepDealTable> = {
  deal_id: 'text',
  customer_id: 'text',
  owner_id: 'text',
  status: 'text',
  closed_at: 'timestamptz',
  closed_month: 'text',
  currency: 'text',
  revenue_minor: 'int8',
  cost_minor: 'int8',
  profit_minor: 'int8',
  reporting_revenue_minor: 'int8',
  reporting_cost_minor: 'int8',
  reporting_profit_minor: 'int8',
};

/** The column types of `rep_deal_line`, for bulk writes. */
export const repDealLineKinds: ColumnKinds<RepDealLineTable> = {
  deal_id: 'text',
  line_no: 'int4',
  product_id: 'text',
  owner_id: 'text',
  closed_month: 'text',
  quantity: 'int8',
  currency: 'text',
  profit_minor: 'int8',
  reporting_profit_minor: 'int8',
};
