export { repPerformanceMigrations } from './migrations.ts';
export type { ProductGrade } from './product-grades.ts';
export { productProfitGrades } from './product-grades.ts';
export { repPerformanceEventTypes, repPerformanceProjection } from './projection.ts';
export type {
  CommissionRates,
  RepFigures,
  RepMonthPerformance,
  RepPerformance,
  RepPerformanceQuery,
} from './queries.ts';
export {
  commissionOf,
  defaultCommissionRates,
  repPerformance,
  repPerformanceByMonth,
} from './queries.ts';
export type { RepDealLineTable, RepDealTable, RepPerformanceTables } from './tables.ts';
