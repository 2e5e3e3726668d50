import type {
  AppliedPositionTable,
  ColumnKinds,
  Int8,
  Timestamptz,
} from '../projection-kit/index.ts';

/** One row per deal: what the forecast needs to know about it now. */
export interface ForecastDealTable {
  deal_id: string;
  customer_id: string;
  /** The current owner (reassignments move the deal between owners). */
  owner_id: string;
  title: string;
  status: 'open' | 'won' | 'lost';
  stage: string;
  /** Whole percent, 0–100: the stage default or the override set on the deal. */
  win_probability: number;
  /** `YYYY-MM-DD`; a calendar date with no zone, so its month is its first seven characters. */
  expected_close_date: string;
  close_month: string;
  currency: string;
  /** Σ quantity × unit price of the line items, in the deal currency. */
  value_minor: Int8;
  /** value × win probability (hundredths of a minor unit), exact until the final rounding. */
  weighted_centi_minor: Int8;
  opened_at: Timestamptz;
}

/** The tables of the sales forecast read model. */
export interface SalesForecastTables {
  forecast_deal: ForecastDealTable;
  applied_position: AppliedPositionTable;
}

/** The column types of `forecast_deal`, for bulk writes. */
export const forecastDealKinds: ColumnKinds<ForecastDealTable> = {
  deal_id: 'text',
  customer_id: 'text',
  owner_id: 'text',
  title: 'text',
  status: 'text',
  stage: 'text',
  win_probability: 'int2',
  expected_close_date: 'text',
  close_month: 'text',
  currency: 'text',
  value_minor: 'int8',
  weighted_centi_minor: 'int8',
  opened_at: 'timestamptz',
};
