export type { AuditErrorCode } from './audit-error.ts';
export { AuditError, isAuditError } from './audit-error.ts';
export type { AuditLog } from './audit-log.ts';
export { auditLog, checkStreamName } from './audit-log.ts';
export type { Customer360AsOf, Customer360AsOfOptions } from './customer-360-as-of.ts';
export { customer360AsOf } from './customer-360-as-of.ts';
export type { PointInHistory } from './point-in-history.ts';
export { parseInstant, parsePointInHistory } from './point-in-history.ts';
export { revealingDecoder } from './revealing-decoder.ts';
export type { ScratchReplay } from './scratch-replay.ts';
export { createScratchReplay } from './scratch-replay.ts';
export type { StateAt } from './state-at.ts';
export { stateAt } from './state-at.ts';
export type { HistoryEntry, StreamHistory } from './stream-history.ts';
export { streamHistory } from './stream-history.ts';
export type {
  ProjectionVerification,
  ReadModelVerification,
  ReplayProgress,
  RowDifference,
  TableDifference,
  VerifyReadModelsOptions,
} from './verify-read-models.ts';
export { verifyReadModels } from './verify-read-models.ts';
