import {
  createCommandHandler,
  createDomainEventReader,
  crmRoleTable,
  crmRoutingTable,
} from '@crm/command-handling';
import type { ScenarioStep } from '@crm/command-handling/testing';
import {
  createPostgresEventStore,
  type EventStoreTables,
  migrateEventStore,
  pgNotifications,
} from '@crm/event-store-postgres';
import { useTestDatabase } from '@crm/test-database/vitest';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll } from 'vitest';
import { createPostgresCheckpointStore } from './postgres-checkpoint-store.ts';
import { createPostgresCommandOutcomeStore } from './postgres-command-outcome-store.ts';
import { createPostgresKeyStore } from './postgres-key-store.ts';
import { createPostgresSnapshotStore } from './postgres-snapshot-store.ts';
import { type CommandHandlingTables, migrateCommandHandling } from './schema.ts';

/**
 * For a vitest file: a fresh database of its own (embedded PostgreSQL or DATABASE_URL, through
 * the shared test-database helper), a pool and Kysely on it, with the event store's and
 * command handling's tables.
 */
export const useCommandHandlingDatabase = async (prefix: string) => {
  const database = await useTestDatabase(prefix);
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  const db = new Kysely<CommandHandlingTables & EventStoreTables>({
    dialect: new PostgresDialect({ pool }),
  });
  await migrateEventStore(db);
  await migrateCommandHandling(db);
  afterAll(async () => {
    await db.destroy();
  });
  return { database, pool, db };
};

/**
 * The whole CRM command side on one PostgreSQL database: event store, keys, outcomes,
 * snapshots and checkpoints. Each call is a separate "process" over the same database.
 */
export const postgresCrm = (
  { db, pool }: Awaited<ReturnType<typeof useCommandHandlingDatabase>>,
  options: { readonly leaseMs?: number } = {},
) => {
  const eventStore = createPostgresEventStore({ db, notifications: pgNotifications(pool) });
  // Registered after the database's own afterAll, so it runs first: the LISTEN client goes back.
  afterAll(() => eventStore.close());
  const keyStore = createPostgresKeyStore({ db });
  const outcomes = createPostgresCommandOutcomeStore({ db });
  const snapshots = createPostgresSnapshotStore({ db });
  const checkpoints = createPostgresCheckpointStore({ db });
  const handler = createCommandHandler({
    eventStore,
    routes: crmRoutingTable,
    roles: crmRoleTable,
    keyStore,
    outcomes,
    snapshots,
    retry: { maxAttempts: 30, baseDelayMs: 2, maxDelayMs: 50 },
    ...options,
  });
  const reader = createDomainEventReader({ eventStore, keyStore, routes: crmRoutingTable });
  const run = async (steps: ReadonlyArray<ScenarioStep>) => {
    const results = [];
    for (const { command, context } of steps) results.push(await handler.handle(command, context));
    return results;
  };
  return { ...handler, eventStore, keyStore, outcomes, snapshots, checkpoints, reader, run };
};
