export type { MemoryEventStoreOptions } from './memory-event-store.ts';
export { createMemoryEventStore } from './memory-event-store.ts';
