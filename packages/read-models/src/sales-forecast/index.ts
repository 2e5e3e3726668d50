export { salesForecastMigrations } from './migrations.ts';
export { salesForecastEventTypes, salesForecastProjection } from './projection.ts';
export type {
  ForecastByMonth,
  ForecastByMonthAndOwner,
  ForecastByOwner,
  ForecastDeal,
  ForecastFigures,
  ForecastFilter,
} from './queries.ts';
export {
  centiToMinor,
  forecastByCloseMonth,
  forecastByCloseMonthAndOwner,
  forecastByOwner,
  forecastDeals,
} from './queries.ts';
export type { ForecastDealTable, SalesForecastTables } from './tables.ts';
