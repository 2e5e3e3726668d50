export type { Forbidden } from './authorisation/forbidden.ts';
export { forbidden } from './authorisation/forbidden.ts';
export type { Grant, RoleTable } from './authorisation/role-table.ts';
export { scopeOf } from './authorisation/role-table.ts';
export { campaignRoute } from './crm/campaign-route.ts';
export { crmPolicies, crmPolicyEventTypes } from './crm/crm-policies.ts';
export { crmRoleTable } from './crm/crm-role-table.ts';
export { crmRoutingTable } from './crm/crm-routing-table.ts';
export { customerRoute } from './crm/customer-route.ts';
export { dealRoute } from './crm/deal-route.ts';
export { ticketRoute } from './crm/ticket-route.ts';
export type { CommandContext } from './handling/command-context.ts';
export type { CommandHandler, CommandHandlerOptions } from './handling/command-handler.ts';
export { createCommandHandler } from './handling/command-handler.ts';
export type {
  CommandHandlingError,
  CommandHandlingErrorCode,
} from './handling/command-handling-error.ts';
export type { CommandLogger } from './handling/command-logger.ts';
export { silentLogger } from './handling/command-logger.ts';
export type {
  CommandAccepted,
  CommandFailed,
  CommandRejected,
  CommandResult,
  HandledEvent,
} from './handling/command-result.ts';
export type {
  CommandRoute,
  ErasureRule,
  PersonalDataRule,
  RouteDefinition,
  SnapshotRule,
} from './handling/command-route.ts';
export { defineRoute } from './handling/command-route.ts';
export type { DomainEventReader } from './handling/domain-event-reader.ts';
export { createDomainEventReader } from './handling/domain-event-reader.ts';
export { eventIdFor, eventIdNamespace, uuidV5 } from './handling/event-ids.ts';
export type { DomainRecordedEvent } from './handling/event-reader.ts';
export type { RetryPolicy } from './handling/retry-policy.ts';
export { backoffDelay, defaultRetryPolicy } from './handling/retry-policy.ts';
export type { ErrorOfRoute, EventOfRoute, RoutingTable } from './handling/routing-table.ts';
export { routingTable } from './handling/routing-table.ts';
export type { CommandMetadata, PreparedEvents } from './handling/stored-event.ts';
export { prepareEvents } from './handling/stored-event.ts';
export type {
  CommandOutcomeStore,
  OutcomeClaim,
  RecordedOutcome,
} from './idempotency/command-outcome-store.ts';
export { createInMemoryCommandOutcomeStore } from './idempotency/in-memory-command-outcome-store.ts';
export { canonicalJson } from './integrity/canonical-json.ts';
export type { HashedEventContent } from './integrity/event-hash.ts';
export { eventHash, genesisHash } from './integrity/event-hash.ts';
export type {
  HashChainBreak,
  HashChainBreakReason,
  HashChainReport,
  HashChainScope,
} from './integrity/verify-hash-chain.ts';
export { verifyHashChain } from './integrity/verify-hash-chain.ts';
export type { CheckpointStore } from './policies/checkpoint-store.ts';
export { createInMemoryCheckpointStore } from './policies/in-memory-checkpoint-store.ts';
export type {
  PolicyFunction,
  PolicyReaction,
  PolicyRunner,
  PolicyRunnerOptions,
} from './policies/policy-runner.ts';
export { createPolicyRunner } from './policies/policy-runner.ts';
export type { ErasedValue } from './privacy/erased-value.ts';
export { isErasedValue } from './privacy/erased-value.ts';
export type { EncryptedValue } from './privacy/field-cipher.ts';
export { isEncryptedValue } from './privacy/field-cipher.ts';
export { createInMemoryKeyStore } from './privacy/in-memory-key-store.ts';
export type { KeyRing } from './privacy/key-ring.ts';
export { keyRingOf } from './privacy/key-ring.ts';
export type { KeyLookup, KeyStore, KeyStoreErrorCode } from './privacy/key-store.ts';
export { isKeyStoreError, KeyStoreError } from './privacy/key-store.ts';
export type { PersonalFieldPaths } from './privacy/personal-data.ts';
export { createInMemorySnapshotStore } from './snapshots/in-memory-snapshot-store.ts';
export type { Snapshot, SnapshotStore } from './snapshots/snapshot-store.ts';
