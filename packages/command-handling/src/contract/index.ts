export { checkpointStoreContract } from './checkpoint-store-contract.ts';
export { commandOutcomeStoreContract } from './command-outcome-store-contract.ts';
export { keyStoreContract } from './key-store-contract.ts';
export { snapshotStoreContract } from './snapshot-store-contract.ts';
