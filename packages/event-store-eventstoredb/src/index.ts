export { createEventStoreDbEventStore } from './eventstoredb-event-store.ts';
export type { EventStoreDbConnection, EventStoreDbEventStoreOptions } from './options.ts';
export { defaultEventStoreDbLimits, defaultMaxAppendSize } from './options.ts';
export type { RetryPolicy } from './retry.ts';
export { defaultRetryPolicy } from './retry.ts';
