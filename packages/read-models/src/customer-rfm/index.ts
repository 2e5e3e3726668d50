export { customerRfmMigrations } from './migrations.ts';
export { customerRfmEventTypes, customerRfmProjection } from './projection.ts';
export type { RfmQuery, RfmScore } from './queries.ts';
export { rfmScoreOf, rfmScores } from './queries.ts';
export type { CustomerRfmTables, RfmCustomerTable, RfmDealTable } from './tables.ts';
