export type { PostgresEventCounterOptions } from './event-counter.ts';
export { postgresEventCounter } from './event-counter.ts';
export type { EventNotifications } from './event-notifications.ts';
export type { PgListenClient, PgListenPool } from './pg-notifications.ts';
export { pgNotifications } from './pg-notifications.ts';
export type { PgliteListener } from './pglite-notifications.ts';
export { pgliteNotifications } from './pglite-notifications.ts';
export type {
  EventStoreDatabase,
  PostgresEventStoreOptions,
} from './postgres-event-store.ts';
export { createPostgresEventStore } from './postgres-event-store.ts';
export type { EventStoreTables } from './schema.ts';
export { migrateEventStore } from './schema.ts';
