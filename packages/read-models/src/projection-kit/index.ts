export { anyOf } from './any-of.ts';
export type { AppliedPositionTable, AppliedPositionTables } from './applied-position.ts';
export {
  createAppliedPositionTable,
  recordAppliedPosition,
  unappliedEvents,
} from './applied-position.ts';
export { chunksOf } from './chunks.ts';
export type { Int8, Jsonb, Timestamptz } from './column-types.ts';
export { bigintOf, isoOf, isoOrNull, safeNumberOf, utcOf } from './column-types.ts';
export { pipelineValueOf, weightedValueOf } from './deal-values.ts';
export {
  customerLifecycleEventTypes,
  eventTypesOf,
  isEventOf,
  wonDealEventTypes,
} from './event-types.ts';
export type { InMemoryFoldOptions } from './fold.ts';
export { inMemoryFold } from './fold.ts';
export { reportingMonthOf, yearOfMonth } from './reporting-calendar.ts';
export { toReportingMinor } from './reporting-money.ts';
export type { ColumnKind, ColumnKinds } from './upsert.ts';
export { addToRows, replaceRows } from './upsert.ts';
