import {
  checkpointStoreContract,
  commandOutcomeStoreContract,
  keyStoreContract,
  snapshotStoreContract,
} from './contract/index.ts';
import { createInMemoryCommandOutcomeStore } from './idempotency/in-memory-command-outcome-store.ts';
import { createInMemoryCheckpointStore } from './policies/in-memory-checkpoint-store.ts';
import { createInMemoryKeyStore } from './privacy/in-memory-key-store.ts';
import { createInMemorySnapshotStore } from './snapshots/in-memory-snapshot-store.ts';

keyStoreContract('in-memory', async () => createInMemoryKeyStore());
commandOutcomeStoreContract('in-memory', async () => createInMemoryCommandOutcomeStore());
snapshotStoreContract('in-memory', async () => createInMemorySnapshotStore());
checkpointStoreContract('in-memory', async () => createInMemoryCheckpointStore());
