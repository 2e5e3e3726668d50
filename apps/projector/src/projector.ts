import { auditLog, revealingDecoder } from '@crm/audit';
import { createPostgresKeyStore, migrateCommandHandling } from '@crm/command-handling-postgres';
import {
  createPostgresEventStore,
  type EventStoreTables,
  migrateEventStore,
  pgNotifications,
  postgresEventCounter,
} from '@crm/event-store-postgres';
import { createProjectionHost, type OwnedTask } from '@crm/projections';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { loadProjections } from './load-projections.ts';
import { policyTask } from './policy-task.ts';
import type { ProjectorConfig } from './projector-config.ts';

const poolOf = (url: string, max: number, logger: Logger): pg.Pool => {
  const pool = new pg.Pool({ connectionString: url, max });
  // A connection that dies while checked out (a database restart, a killed session) fails its
  // next query, which the runtime handles; its `error` event must not end the process.
  pool.on('connect', (client) => {
    client.on('error', (error) => logger.warn({ error: error.message }, 'connection lost'));
  });
  pool.on('error', (error) => logger.warn({ error: error.message }, 'idle connection lost'));
  return pool;
};

/**
 * Runs the projector until `signal` aborts: opens the event store and the read-model
 * database, runs every projection of the registry (and the policy runner) under single
 * ownership, logs each projection's lag every `lagIntervalMs`, and on abort lets each task
 * finish its batch, releases the locks and closes the connections.
 */
export const runProjector = async (
  config: ProjectorConfig,
  signal: AbortSignal,
  logger: Logger,
): Promise<void> => {
  const projections = await loadProjections(config.projections, config.settings);
  const taskCount = projections.length + (config.policies ? 1 : 0);
  // The store: its reads, its LISTEN connection, the key store and the policy runner's work.
  const storePool = poolOf(config.eventStoreUrl, 6, logger);
  const storeDb = new Kysely<EventStoreTables>({
    dialect: new PostgresDialect({ pool: storePool }),
  });
  // One connection per owned task (its lock and its writes), plus heartbeats and lag counts.
  const readPool = poolOf(config.databaseUrl, taskCount + 3, logger);
  const readDb = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: readPool }) });
  try {
    if (config.migrate) {
      await migrateEventStore(storeDb);
      await migrateCommandHandling(storeDb);
    }
    const eventStore = createPostgresEventStore({
      db: storeDb,
      notifications: pgNotifications(storePool),
    });
    const keyStore = createPostgresKeyStore({
      db: storeDb,
      ...(config.masterKey === undefined ? {} : { masterKey: config.masterKey }),
    });
    const tasks: Array<OwnedTask<unknown>> = config.policies
      ? [policyTask({ eventStore, storeDb, keyStore, logger })]
      : [];
    const host = createProjectionHost({
      db: readDb,
      eventStore,
      projections,
      tasks,
      // Command handling's stored events, decrypted (erased fields as `ErasedValue`); a key store
      // outage is `Unavailable` (retried), a corrupt event poison.
      decode: revealingDecoder(auditLog({ eventStore, keyStore }).reader),
      // Capped: past ten million, "very far behind" is all a lag log line needs.
      counter: postgresEventCounter(storeDb, { cap: 10_000_000 }),
      batchSize: config.batchSize,
      // Given always: the host would otherwise rebuild in `batchSize` (500) batches too.
      rebuildBatchSize: config.rebuildBatchSize,
      logger,
      rebuild: config.rebuild,
      ownership: { acquireIntervalMs: config.acquireIntervalMs },
      onProgress: (progress) => logger.debug({ progress }, 'rebuild progress'),
      ...(config.instanceId === undefined ? {} : { instanceId: config.instanceId }),
    });
    const reportLag = async (): Promise<void> => {
      try {
        const standby: string[] = [];
        for (const lag of await host.lag()) {
          if (!lag.owned) standby.push(lag.name);
          else
            logger.info(
              {
                projection: lag.name,
                state: lag.state,
                behind: lag.behind,
                position: lag.position,
              },
              'lag',
            );
        }
        for (const status of host.statuses()) {
          if (status.kind === 'projection' && status.projection?.rebuild !== undefined) {
            logger.info(
              { projection: status.name, rebuild: status.projection.rebuild },
              'rebuilding',
            );
          }
        }
        if (standby.length > 0) logger.info({ standby }, 'owned by other instances');
      } catch (error) {
        logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'lag unknown',
        );
      }
    };
    const timer = setInterval(() => void reportLag(), config.lagIntervalMs);
    try {
      await host.run(signal);
    } finally {
      clearInterval(timer);
      await eventStore.close();
    }
  } finally {
    await readDb.destroy();
    await storeDb.destroy();
  }
};
