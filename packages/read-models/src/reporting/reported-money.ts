/**
 * An amount a query reports: integer minor units as a `bigint` (sums over many deals can pass
 * `Number.MAX_SAFE_INTEGER`) and the ISO-4217 currency.
 */
export interface ReportedMoney {
  readonly amountMinor: bigint;
  readonly currency: string;
}

/** Won figures that could not be converted to the reporting currency, kept per currency. */
export interface UnconvertedTotal {
  readonly currency: string;
  readonly deals: number;
  readonly revenueMinor: bigint;
  readonly profitMinor: bigint;
}
