import type { ProjectedEvent, Projection } from '@crm/projections';
import { useTestDatabase } from '@crm/test-database/vitest';
import { Kysely, type Migration, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, expect } from 'vitest';

// Test support: a real PostgreSQL database per test file, the projection's migrations run into
// its own schema, and `apply` called the way the runtime calls it (one transaction per batch,
// the transaction bound to the schema).

/** What a read-model test drives. */
export interface ProjectionHarness<TTables> {
  /** The read-model database bound to the projection's schema, as queries receive it. */
  readonly db: Kysely<TTables>;
  /** Drops and recreates the schema, then runs the migrations. */
  readonly reset: () => Promise<void>;
  /** Applies events in batches of `batchSize` (all at once by default), one transaction each. */
  readonly apply: (events: ReadonlyArray<ProjectedEvent>, batchSize?: number) => Promise<void>;
  /**
   * Builds through the projection's fold (`startFold`), as a rebuild from empty tables does:
   * events applied `flushEvery` at a time, each time flushed in a transaction of its own.
   * False when the projection has no fold.
   */
  readonly fold: (events: ReadonlyArray<ProjectedEvent>, flushEvery: number) => Promise<boolean>;
  /** Every row of every table of the schema, sorted, for comparing two builds. */
  readonly dump: () => Promise<Record<string, ReadonlyArray<string>>>;
}

/** Opens the harness for one projection; call at the top level of a test file. */
export const projectionHarness = async <TTables>(
  projection: Projection<TTables>,
): Promise<ProjectionHarness<TTables>> => {
  const database = await useTestDatabase(projection.name);
  const root = new Kysely<TTables>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: database.url, max: 2 }),
    }),
  });
  afterAll(async () => {
    await root.destroy();
  });
  const schema = projection.name;
  const db = root.withSchema(schema);
  const reset = async (): Promise<void> => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(root);
    await sql`create schema ${sql.id(schema)}`.execute(root);
    const migrations: Record<string, Migration> = { ...projection.migrations };
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      migrationTableSchema: schema,
    });
    const { error } = await migrator.migrateToLatest();
    if (error !== undefined) throw error;
  };
  const selectedOf = (events: ReadonlyArray<ProjectedEvent>) => {
    const wanted = projection.eventTypes;
    return wanted === undefined ? events : events.filter((e) => wanted.includes(e.event.type));
  };
  const apply = async (events: ReadonlyArray<ProjectedEvent>, batchSize = events.length) => {
    const selected = selectedOf(events);
    for (let start = 0; start < selected.length; start += Math.max(1, batchSize)) {
      const batch = selected.slice(start, start + Math.max(1, batchSize));
      await root.transaction().execute((trx) => projection.apply(trx.withSchema(schema), batch));
    }
  };
  const fold = async (events: ReadonlyArray<ProjectedEvent>, flushEvery: number) => {
    const folding = projection.startFold?.();
    if (folding === undefined) return false;
    const selected = selectedOf(events);
    for (let start = 0; start < selected.length; start += Math.max(1, flushEvery)) {
      folding.apply(selected.slice(start, start + Math.max(1, flushEvery)));
      await root.transaction().execute((trx) => folding.flush(trx.withSchema(schema)));
    }
    return true;
  };
  const dump = async (): Promise<Record<string, ReadonlyArray<string>>> => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = ${schema} and table_name not like 'kysely_%'
      order by table_name`.execute(root);
    const result: Record<string, ReadonlyArray<string>> = {};
    for (const { table_name } of tables.rows) {
      const rows = await sql<
        Record<string, unknown>
      >`select * from ${sql.table(`${schema}.${table_name}`)}`.execute(root);
      result[table_name] = rows.rows.map((row) => JSON.stringify(row)).sort();
    }
    return result;
  };
  await reset();
  return { db, reset, apply, fold, dump };
};

/**
 * Checks that rebuilding gives `built` (the tables after a first build of `events`): once one
 * event at a time, and once with every event delivered twice in batches of `batchSize`, followed
 * by `redelivered` (events delivered yet again); for a projection with a fold, also through the
 * fold, flushed every `batchSize` events and once at the end.
 */
export const expectRebuildsToMatch = async <TTables>(
  harness: ProjectionHarness<TTables>,
  events: ReadonlyArray<ProjectedEvent>,
  built: Record<string, ReadonlyArray<string>>,
  batchSize: number,
  redelivered: ReadonlyArray<ProjectedEvent> = [],
): Promise<void> => {
  await harness.reset();
  await harness.apply(events, 1);
  expect(await harness.dump()).toEqual(built);
  await harness.reset();
  await harness.apply(
    events.flatMap((event) => [event, event]),
    batchSize,
  );
  if (redelivered.length > 0) await harness.apply(redelivered);
  expect(await harness.dump()).toEqual(built);
  for (const flushEvery of [batchSize, events.length]) {
    await harness.reset();
    if (!(await harness.fold(events, flushEvery))) break;
    expect(await harness.dump()).toEqual(built);
  }
};

/**
 * Builds the tables from `events` in one batch, then checks that every other way of delivering
 * them builds the same tables (see `expectRebuildsToMatch`).
 */
export const expectSameTablesHoweverDelivered = async <TTables>(
  harness: ProjectionHarness<TTables>,
  events: ReadonlyArray<ProjectedEvent>,
  batchSize: number,
  redelivered: ReadonlyArray<ProjectedEvent> = [],
): Promise<void> => {
  await harness.apply(events);
  await expectRebuildsToMatch(harness, events, await harness.dump(), batchSize, redelivered);
};
