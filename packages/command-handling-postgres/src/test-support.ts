import { useTestDatabase } from '@crm/test-database/vitest';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll } from 'vitest';
import { type CommandHandlingTables, migrateCommandHandling } from './schema.ts';

/**
 * For a vitest file: a fresh database of its own (embedded PostgreSQL or DATABASE_URL, through
 * the shared test-database helper), a pool and Kysely on it, with command handling's tables.
 */
export const useCommandHandlingDatabase = async (prefix: string) => {
  const database = await useTestDatabase(prefix);
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  const db = new Kysely<CommandHandlingTables>({ dialect: new PostgresDialect({ pool }) });
  await migrateCommandHandling(db);
  afterAll(async () => {
    await db.destroy();
  });
  return { database, pool, db };
};
