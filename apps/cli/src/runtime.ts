import { type AuditLog, auditLog, revealingDecoder } from '@crm/audit';
import {
  type CommandContext,
  type CommandResult,
  createCommandHandler,
  crmRoleTable,
  crmRoutingTable,
  type KeyStore,
  routingTable,
} from '@crm/command-handling';
import {
  type CommandHandlingTables,
  createPostgresCommandOutcomeStore,
  createPostgresKeyStore,
  createPostgresSnapshotStore,
  migrateCommandHandling,
} from '@crm/command-handling-postgres';
import type { EventStore } from '@crm/event-store';
import {
  createPostgresEventStore,
  type EventStoreTables,
  migrateEventStore,
  pgNotifications,
  postgresEventCounter,
} from '@crm/event-store-postgres';
import {
  type AnyProjection,
  countEventsByReading,
  type EventCounter,
  type EventDecoder,
} from '@crm/projections';
import { allProjections } from '@crm/read-models';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { CliError } from './cli-error.ts';
import { cachingKeyStore } from './demo/caching-key-store.ts';
import { writeThroughSnapshots } from './demo/write-through-snapshots.ts';
import type { GlobalOptions } from './global-options.ts';
import { type CliLogger, createLogger } from './logger.ts';

/** The CRM's routes with aggregates snapshotted every `every` events. */
const snapshotEvery = (every: number) =>
  routingTable(
    crmRoutingTable.routes.map((route) =>
      route.snapshots === undefined
        ? route
        : { ...route, snapshots: { ...route.snapshots, every } },
    ),
  );

/** Command handling's `handle`, with the CRM's routes and roles. */
export type Handle = (command: unknown, context: CommandContext) => Promise<CommandResult>;

/** The tables the CLI's own database holds besides the read models. */
export type CrmTables = EventStoreTables & CommandHandlingTables;

/** Everything a command talks to, opened once and closed at the end. */
export interface Runtime {
  readonly options: GlobalOptions;
  readonly logger: CliLogger;
  readonly db: Kysely<CrmTables>;
  readonly eventStore: EventStore;
  readonly keyStore: KeyStore;
  readonly audit: AuditLog;
  /** Stored events as projections see them: decrypted, upcast. */
  readonly decode: EventDecoder;
  readonly projections: ReadonlyArray<AnyProjection>;
  /** Counts events after a position (SQL on PostgreSQL, reading on EventStoreDB). */
  readonly countEvents: EventCounter;
  /** The read-model database bound to one projection's schema. */
  readonly readModel: <TTables>(schema: string) => Kysely<TTables>;
  /** Runs a command through command handling on these stores (built on first use). */
  readonly handle: Handle;
  readonly close: () => Promise<void>;
}

/** How a command opens the runtime. */
export interface OpenOptions {
  /** Create or upgrade the event store and command-handling tables (commands that write). */
  readonly migrate?: boolean;
  /** Pool size (10). */
  readonly connections?: number;
  /**
   * This process is the database's only writer (the demo on its own database): keys and
   * snapshots are kept in memory as well, and aggregates snapshot every 20 events instead
   * of 100, which saves a query and most of the decoding per command.
   */
  readonly singleWriter?: boolean;
}

const describeUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the database';
  }
};

/**
 * Opens the stores: a pg pool on `--database-url`, the PostgreSQL event store on it (or
 * EventStoreDB with `--eventstore`), the key store, the projections registry. Checks the
 * servers answer before anything else, so an unreachable one is one clear line.
 */
export const openRuntime = async (
  options: GlobalOptions,
  open: OpenOptions = {},
): Promise<Runtime> => {
  const url = options.databaseUrl;
  if (url === undefined) {
    throw new CliError(
      'usage',
      '--database-url (or DATABASE_URL) is required: the CRM’s PostgreSQL database. `crm demo` starts one of its own.',
    );
  }
  try {
    new URL(url);
  } catch {
    throw new CliError(
      'usage',
      `--database-url: "${url}" is not a URL (postgres://user:password@host:5432/database).`,
    );
  }
  const logger = createLogger(options.logLevel, options.logFile);
  const pool = new pg.Pool({
    connectionString: url,
    max: open.connections ?? 10,
    connectionTimeoutMillis: 5_000,
  });
  // A connection that dies (a server shutting down on Ctrl-C) emits an error; unheard, it
  // would end the process with a stack trace. The query in flight rejects and reports it.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  pool.on('connect', (client) => {
    client.on('error', (error) => logger.debug({ err: error }, 'database connection failed'));
  });
  const db = new Kysely<CrmTables>({ dialect: new PostgresDialect({ pool }) });
  let eventStore: EventStore | undefined;
  const close = async (): Promise<void> => {
    await eventStore?.close().catch(() => undefined);
    await db.destroy().catch(() => undefined);
  };
  try {
    try {
      await sql`SELECT 1`.execute(db);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new CliError(
        'unavailable',
        `Cannot reach PostgreSQL at ${describeUrl(url)}: ${message || String((error as { code?: unknown }).code)}.`,
        {
          cause: error,
        },
      );
    }
    if (open.migrate === true) {
      if (options.eventstore === undefined) await migrateEventStore(db);
      await migrateCommandHandling(db);
    }
    eventStore =
      options.eventstore === undefined
        ? createPostgresEventStore({ db, notifications: pgNotifications(pool) })
        : // Loaded on use: the gRPC client is heavy to load and only --eventstore needs it.
          (await import('@crm/event-store-eventstoredb')).createEventStoreDbEventStore({
            connectionString: options.eventstore,
            timeoutMs: 5_000,
            retry: { attempts: 2 },
          });
    if (options.eventstore !== undefined) {
      try {
        await eventStore.readAll({ maxCount: 1 });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new CliError(
          'unavailable',
          `Cannot reach EventStoreDB at ${options.eventstore}: ${message}`,
          {
            cause: error,
          },
        );
      }
    }
    const store = eventStore;
    const postgresKeys = createPostgresKeyStore({
      db,
      ...(options.masterKey === undefined ? {} : { masterKey: options.masterKey }),
    });
    const keyStore = open.singleWriter === true ? cachingKeyStore(postgresKeys) : postgresKeys;
    const snapshots =
      open.singleWriter === true
        ? writeThroughSnapshots(createPostgresSnapshotStore({ db }))
        : createPostgresSnapshotStore({ db });
    const routes = open.singleWriter === true ? snapshotEvery(20) : crmRoutingTable;
    const audit = auditLog({ eventStore: store, keyStore });
    let handle: Handle | undefined;
    return {
      options,
      logger,
      db,
      eventStore: store,
      keyStore,
      audit,
      decode: revealingDecoder(audit.reader),
      projections: allProjections(options.settings),
      countEvents:
        options.eventstore === undefined ? postgresEventCounter(db) : countEventsByReading(store),
      readModel: <TTables>(schema: string) => db.withSchema(schema) as unknown as Kysely<TTables>,
      handle: (command, context) => {
        handle ??= createCommandHandler({
          eventStore: store,
          routes,
          roles: crmRoleTable,
          keyStore,
          outcomes: createPostgresCommandOutcomeStore({ db }),
          snapshots,
          // A silent pino still builds a child logger per command; none costs nothing.
          ...(options.logLevel === 'silent' ? {} : { logger }),
        }).handle as Handle;
        return handle(command, context);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
};
