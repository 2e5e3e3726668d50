import { randomBytes } from 'node:crypto';
import {
  checkpointStoreContract,
  commandOutcomeStoreContract,
  keyStoreContract,
  snapshotStoreContract,
} from '@crm/command-handling/contract';
import { createPostgresCheckpointStore } from './postgres-checkpoint-store.ts';
import { createPostgresCommandOutcomeStore } from './postgres-command-outcome-store.ts';
import { createPostgresKeyStore } from './postgres-key-store.ts';
import { createPostgresSnapshotStore } from './postgres-snapshot-store.ts';
import { useCommandHandlingDatabase } from './test-support.ts';

const { db } = await useCommandHandlingDatabase('ch_contract');

keyStoreContract('postgres', async () => createPostgresKeyStore({ db }));
keyStoreContract('postgres with a master key', async () =>
  createPostgresKeyStore({ db, masterKey: randomBytes(32) }),
);
commandOutcomeStoreContract('postgres', async () => createPostgresCommandOutcomeStore({ db }));
snapshotStoreContract('postgres', async () => createPostgresSnapshotStore({ db }));
checkpointStoreContract('postgres', async () => createPostgresCheckpointStore({ db }));
