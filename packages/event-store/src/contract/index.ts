export type { EventStoreContractOptions } from './contract-options.ts';
export { eventStoreContract } from './event-store-contract.ts';
