export type { Amounts, Bucket, Contribution, WonFigures } from './contributions.ts';
export { profitTiersMigrations } from './migrations.ts';
export type { ProfitPeriod, ProfitTier, TierThresholds } from './period.ts';
export { defaultTierThresholds } from './period.ts';
export { profitTiersProjection } from './projection.ts';
export type {
  Granularity,
  PeriodProfit,
  ProfitFigures,
  TieredProduct,
  TieredSubject,
  TierSummary,
  UnconvertedAmount,
} from './queries.ts';
export {
  customerProfitHistory,
  customerProfitTiers,
  productProfitHistory,
  productProfitTiers,
  profitByPeriod,
  summariseTiers,
  unconvertedAmounts,
} from './queries.ts';
export type {
  CustomerMonthsTable,
  ProductMonthsTable,
  ProfitCustomersTable,
  ProfitTiersTables,
  ProfitWonDealsTable,
  UnconvertedAmountsTable,
} from './tables.ts';
