export type { StreamHistory } from './domain-histories.ts';
export {
  appendStreamHistories,
  sampleStreamHistories,
  streamHistoriesArbitrary,
  toNewEvent,
} from './domain-histories.ts';
export type { RunLogEntry } from './run-log.ts';
export { readRunLog, runLogTable, runLogViolations, withRunLog } from './run-log.ts';
export type { SchemaSnapshot } from './schema-snapshot.ts';
export { schemaSnapshot } from './schema-snapshot.ts';
export type {
  CategoryCountTables,
  StreamCountTables,
  TestProjectionOptions,
} from './test-projections.ts';
export { categoryCountProjection, streamCountProjection } from './test-projections.ts';
export { testProjections } from './test-registry.ts';
