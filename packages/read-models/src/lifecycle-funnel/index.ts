export { lifecycleFunnelMigrations } from './migrations.ts';
export { lifecycleFunnelProjection } from './projection.ts';
export type {
  DealPipelineFunnel,
  FunnelMonthRange,
  PipelineAmount,
  PipelineStage,
  RegistrationCohort,
  StageConversion,
  StageEntries,
  StageNow,
  TimeInStage,
} from './queries.ts';
export {
  dealPipelineFunnel,
  lifecycleStagesNow,
  registrationCohorts,
  stageConversionRates,
  stageEntriesByMonth,
  timeInStage,
} from './queries.ts';
export type {
  FunnelCustomersTable,
  FunnelDealsTable,
  LifecycleFunnelTables,
  StageStaysTable,
} from './tables.ts';
