export { abortableSleep } from './abortable-sleep.ts';
export type { BatchTarget } from './apply-batch.ts';
export { applyBatch, writeWithCheckpoint } from './apply-batch.ts';
export type { CheckpointTable, ProjectionCheckpoint, RebuildCheckpoint } from './checkpoints.ts';
export { loadCheckpoint, loadRebuild } from './checkpoints.ts';
export type { DecodingWorker, WorkerLog } from './decoding-worker.ts';
export {
  defaultDecodeHereShare,
  serveDecodedPages,
  startDecodingWorker,
} from './decoding-worker.ts';
export { eventBatches } from './event-batches.ts';
export type { EventCounter } from './event-counter.ts';
export { countEventsByReading } from './event-counter.ts';
export type { EventDecoder } from './event-decoder.ts';
export { decodeRecordedEvent, schemaVersionKey } from './event-decoder.ts';
export type { OwnedTask, OwnershipEvents, OwnershipSettings } from './owned-task.ts';
export { ownTask } from './owned-task.ts';
export {
  ownerPidOf,
  ownershipLockKey,
  ownershipLockNamespace,
  releaseOwnership,
  tryAcquireOwnership,
} from './ownership.ts';
export type { BatchContext, BatchOutcome } from './process-batch.ts';
export { processBatch } from './process-batch.ts';
export type {
  AnyProjection,
  ProjectedEvent,
  Projection,
  ProjectionFold,
  ReadModelDatabase,
  ReportingSettings,
} from './projection.ts';
export type {
  HostedStatus,
  ProjectionHost,
  ProjectionHostOptions,
  ProjectionLag,
} from './projection-host.ts';
export { createProjectionHost } from './projection-host.ts';
export type {
  PoisonCause,
  ProjectionPhase,
  ProjectionPoisonedDetails,
} from './projection-poisoned.ts';
export { isProjectionPoisoned, ProjectionPoisoned } from './projection-poisoned.ts';
export type { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner.ts';
export { createProjectionRunner, defaultRebuildBatchSize } from './projection-runner.ts';
export type { ProjectionRuntimeErrorCode } from './projection-runtime-error.ts';
export { isProjectionRuntimeError, ProjectionRuntimeError } from './projection-runtime-error.ts';
export {
  checkProjection,
  migrateProjectionSchema,
  projectionMigrationTable,
  rebuildSuffix,
} from './projection-schema.ts';
export type { ProjectionState, ProjectionStatus, RebuildProgress } from './projection-status.ts';
export type { FoldLimits } from './rebuild-feed.ts';
export { defaultFoldLimits } from './rebuild-feed.ts';
export type {
  DecodedPage,
  DecodedPageSource,
  JointRebuildOptions,
  JointRebuildOutcome,
  RebuildMember,
} from './rebuild-together.ts';
export { rebuildProjectionsTogether } from './rebuild-together.ts';
export type { RuntimeLogger } from './runtime-logger.ts';
export { silentRuntimeLogger } from './runtime-logger.ts';
export type { ProjectionRunStatus, ProjectionRuntimeTables } from './runtime-schema.ts';
export { migrateProjectionRuntime, runtimeSchema } from './runtime-schema.ts';
export { isTransientFailure } from './transient-failure.ts';
