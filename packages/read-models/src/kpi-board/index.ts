export type { CalendarMonth } from './calendar-month.ts';
export { addMonths, isCalendarMonth, monthsFrom } from './calendar-month.ts';
export { kpiBoardMigrations } from './migrations.ts';
export { kpiBoardEventTypes, kpiBoardProjection } from './projection.ts';
export type {
  KpiMonth,
  LeadConversionMonth,
  MonthRange,
  RetentionMonth,
  SalesMonth,
  SatisfactionMonth,
  UnconvertedRevenue,
} from './queries.ts';
export {
  kpiBoard,
  leadConversionByMonth,
  retentionByMonth,
  salesGrowthByMonth,
  satisfactionByMonth,
} from './queries.ts';
export type {
  KpiActiveSpanTable,
  KpiBoardTables,
  KpiCustomerTable,
  KpiScoreTable,
  KpiWonDealTable,
} from './tables.ts';
