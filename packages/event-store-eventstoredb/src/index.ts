export type {
  EventStoreDbConnection,
  EventStoreDbEventStoreOptions,
} from './eventstoredb-event-store.ts';
export {
  createEventStoreDbEventStore,
  defaultEventStoreDbLimits,
  defaultMaxAppendSize,
} from './eventstoredb-event-store.ts';
export type { RetryPolicy } from './retry.ts';
export { defaultRetryPolicy } from './retry.ts';
