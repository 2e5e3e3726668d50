import type { AppliedPositionTable, ColumnKinds, Int8 } from '../projection-kit/index.ts';

/** Which customer a merged-away duplicate's profit counts for. */
export interface ProfitCustomersTable {
  readonly customer_id: string;
  readonly merged_into: string | null;
}

/** Won deals, so a later correction is filed in the month of the win. */
export interface ProfitWonDealsTable {
  readonly deal_id: string;
  readonly customer_id: string;
  readonly won_month: string;
}

/** Revenue, cost and profit in the reporting currency of one customer in one calendar month. */
export interface CustomerMonthsTable {
  readonly customer_id: string;
  /** `YYYY-MM` in the reporting time zone. */
  readonly month: string;
  readonly year: number;
  readonly revenue: Int8;
  readonly cost: Int8;
  readonly profit: Int8;
  /** Won deals (orders) counted here; shown beside profit, never used to tier. */
  readonly orders: number;
}

/** Revenue, cost and profit in the reporting currency of one product in one calendar month. */
export interface ProductMonthsTable {
  readonly product_id: string;
  readonly month: string;
  readonly year: number;
  readonly revenue: Int8;
  readonly cost: Int8;
  readonly profit: Int8;
  readonly quantity: Int8;
  readonly orders: number;
}

/**
 * Amounts that could not be converted to the reporting currency (no recorded rate to it), kept
 * in the deal currency per customer or product, month and currency, and left out of the tiers.
 */
export interface UnconvertedAmountsTable {
  readonly subject: 'customer' | 'product';
  readonly subject_id: string;
  readonly month: string;
  readonly year: number;
  readonly currency: string;
  readonly revenue: Int8;
  readonly cost: Int8;
  readonly profit: Int8;
  readonly deals: number;
}

/** The tables of the `profit_tiers` schema. */
export interface ProfitTiersTables {
  readonly customers: ProfitCustomersTable;
  readonly won_deals: ProfitWonDealsTable;
  readonly customer_months: CustomerMonthsTable;
  readonly product_months: ProductMonthsTable;
  readonly unconverted_amounts: UnconvertedAmountsTable;
  readonly applied_position: AppliedPositionTable;
}

const moneyKinds = { revenue: 'int8', cost: 'int8', profit: 'int8' } as const;

/** Column types of the profit-tiers tables, for bulk writes. */
export const profitTiersColumnKinds = {
  customers: { customer_id: 'text', merged_into: 'text' },
  won_deals: { deal_id: 'text', customer_id: 'text', won_month: 'text' },
  customer_months: {
    customer_id: 'text',
    month: 'text',
    year: 'int4',
    ...moneyKinds,
    orders: 'int4',
  },
  product_months: {
    product_id: 'text',
    month: 'text',
    year: 'int4',
    ...moneyKinds,
    quantity: 'int8',
    orders: 'int4',
  },
  unconverted_amounts: {
    subject: 'text',
    subject_id: 'text',
    month: 'text',
    year: 'int4',
    currency: 'text',
    ...moneyKinds,
    deals: 'int4',
  },
} as const satisfies {
  readonly [K in Exclude<keyof ProfitTiersTables, 'applied_position'>]: ColumnKinds<
    ProfitTiersTables[K]
  >;
};
