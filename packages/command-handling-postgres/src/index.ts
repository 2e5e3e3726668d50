export { createPostgresCheckpointStore } from './postgres-checkpoint-store.ts';
export { createPostgresCommandOutcomeStore } from './postgres-command-outcome-store.ts';
export type { PostgresKeyStoreOptions } from './postgres-key-store.ts';
export { createPostgresKeyStore } from './postgres-key-store.ts';
export { createPostgresSnapshotStore } from './postgres-snapshot-store.ts';
export type { CommandHandlingTables } from './schema.ts';
export { migrateCommandHandling } from './schema.ts';
