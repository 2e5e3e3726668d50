import { type EventStore, type LogPosition, positionToString } from '@crm/event-store';
import type { Kysely } from 'kysely';
import {
  forgetRebuild,
  loadCheckpoint,
  loadRebuild,
  recordOwner,
  recordStatus,
  resetCheckpoint,
} from './checkpoints.ts';
import { eventBatches } from './event-batches.ts';
import { countEventsByReading, type EventCounter } from './event-counter.ts';
import { decodeRecordedEvent, type EventDecoder } from './event-decoder.ts';
import { processBatch } from './process-batch.ts';
import type { AnyProjection } from './projection.ts';
import { isProjectionPoisoned } from './projection-poisoned.ts';
import { ProjectionRuntimeError } from './projection-runtime-error.ts';
import {
  checkProjection,
  dropSchema,
  migrateProjectionSchema,
  rebuildSuffix,
  schemaExists,
} from './projection-schema.ts';
import type { ProjectionStatus, RebuildProgress } from './projection-status.ts';
import { rebuildProjection } from './rebuild-projection.ts';
import type { RunnerContext } from './runner-context.ts';
import { type RuntimeLogger, silentRuntimeLogger } from './runtime-logger.ts';
import { migrateProjectionRuntime } from './runtime-schema.ts';

/**
 * Events per rebuild transaction unless configured: big batches let a read model that loads
 * and writes its rows per batch touch each row once per batch rather than once per event.
 */
export const defaultRebuildBatchSize = 10_000;

/** What a projection runner is built from. */
export interface ProjectionRunnerOptions<TDatabase> {
  /**
   * The read-model database. The projection host hands each runner the one connection that
   * holds the projection's advisory lock, so the lock and the writes live and die together.
   */
  readonly db: Kysely<TDatabase>;
  readonly eventStore: EventStore;
  readonly projection: AnyProjection;
  /** Stored event → projected event. Defaults to `decodeRecordedEvent`. */
  readonly decode?: EventDecoder;
  /** Most events per transaction. Defaults to 500. */
  readonly batchSize?: number;
  /**
   * Most events per transaction while rebuilding into the scratch schema, which nobody reads:
   * larger batches mean fewer statements per event. Defaults to `batchSize` when that is
   * given, else `defaultRebuildBatchSize`.
   */
  readonly rebuildBatchSize?: number;
  /** Counts what a rebuild has to do. Defaults to `countEventsByReading(eventStore)`. */
  readonly counter?: EventCounter;
  readonly logger?: RuntimeLogger;
  /** This instance's name, recorded in the checkpoint row as the owner. */
  readonly owner?: string;
  /** Called after every rebuild batch (progress bars). */
  readonly onProgress?: (progress: RebuildProgress) => void;
}

/** Runs one projection; see `createProjectionRunner`. */
export interface ProjectionRunner {
  readonly name: string;
  readonly status: () => ProjectionStatus;
  /**
   * Prepares the projection (below), then applies every event in the log now, in batches, and
   * returns the checkpoint. Rejects with `ProjectionPoisoned` at a poison event.
   */
  readonly catchUp: (signal?: AbortSignal) => Promise<LogPosition | undefined>;
  /**
   * Prepares the projection, then follows the log (catch-up, then live) until `signal`
   * aborts; the batch in hand finishes first. Rejects with `ProjectionPoisoned` at a poison
   * event, with `ProjectionRuntimeError` or a database error otherwise.
   */
  readonly run: (signal: AbortSignal) => Promise<void>;
  /**
   * Builds a fresh copy from the whole log in the scratch schema and swaps it in, while queries
   * keep reading the old copy. Resolves `false` when `signal` interrupted it (it resumes on the
   * next rebuild of the same version).
   */
  readonly rebuild: (signal?: AbortSignal) => Promise<boolean>;
}

/** The runner's resolved settings, its defaults filled in; `update` receives status changes. */
export const createRunnerContext = <TDatabase>(
  options: ProjectionRunnerOptions<TDatabase>,
  update: (patch: Partial<ProjectionStatus>) => void,
): RunnerContext<TDatabase> => {
  const { db, projection, eventStore } = options;
  return {
    db,
    eventStore,
    projection,
    decode: options.decode ?? decodeRecordedEvent,
    batchSize: options.batchSize ?? 500,
    rebuildBatchSize: options.rebuildBatchSize ?? options.batchSize ?? defaultRebuildBatchSize,
    counter: options.counter ?? countEventsByReading(eventStore),
    logger: (options.logger ?? silentRuntimeLogger).child({ projection: projection.name }),
    owner: options.owner ?? null,
    filter: projection.eventTypes === undefined ? undefined : { eventTypes: projection.eventTypes },
    update,
    onProgress: options.onProgress,
  };
};

/**
 * Creates the runner of one projection. Preparing it creates the runtime's tables, then:
 * a projection never seen (or whose schema is gone) gets its schema, migrations and a
 * checkpoint at the start of the log; one whose recorded version is older than the code's is
 * rebuilt (scratch schema, then swap); one whose recorded version is newer is refused
 * (`VersionAhead`: a newer instance owns it); otherwise pending migrations run and it goes on
 * from its checkpoint — after a poison event, that retries the poison event once.
 *
 * @example
 * const runner = createProjectionRunner({ db, eventStore, projection: customer360Projection(settings) });
 * await runner.catchUp();
 */
export const createProjectionRunner = <TDatabase>(
  options: ProjectionRunnerOptions<TDatabase>,
): ProjectionRunner => {
  const { db, projection, eventStore } = options;
  const { name, version } = projection;
  let status: ProjectionStatus = {
    name,
    version,
    state: 'standby',
    position: undefined,
    eventsApplied: 0,
    rebuild: undefined,
    poison: undefined,
    failure: undefined,
  };
  const context = createRunnerContext(options, (patch) => {
    status = { ...status, ...patch };
  });
  const { logger } = context;
  const batchContext = {
    db,
    projection,
    decode: context.decode,
    target: { schema: name, checkpoint: 'checkpoints' },
    phase: 'live',
  } as const;

  /** Brings the live schema to a usable state; the checkpoint to go on from. */
  const prepare = async (signal: AbortSignal | undefined): Promise<LogPosition | undefined> => {
    checkProjection(projection);
    if (projection.eventTypes?.length === 0) {
      throw new ProjectionRuntimeError('InvalidProjection', `${name} lists no event types.`, name);
    }
    context.update({ state: 'starting', failure: undefined, poison: undefined });
    await migrateProjectionRuntime(db);
    const checkpoint = await loadCheckpoint(db, name);
    if (checkpoint !== undefined && checkpoint.version > version) {
      throw new ProjectionRuntimeError(
        'VersionAhead',
        `${name} is at version ${checkpoint.version} in the database; this code has ${version}.`,
        name,
      );
    }
    const live = await schemaExists(db, name);
    if (checkpoint === undefined || !live) {
      // A fresh start: whatever tables exist have no checkpoint to match them.
      await dropSchema(db, name);
      await migrateProjectionSchema(db, projection, name);
      await resetCheckpoint(db, { name, version, owner: context.owner });
      logger.info({ version }, 'projection created');
    } else if (checkpoint.version < version) {
      logger.info({ from: checkpoint.version, to: version }, 'version changed: rebuilding');
      if (!(await rebuildProjection(context, signal))) return undefined;
    } else {
      if (checkpoint.status === 'poisoned') {
        logger.warn({ poison: checkpoint.error }, 'retrying after a poison event');
      }
      await migrateProjectionSchema(db, projection, name);
      await recordOwner(db, name, context.owner);
      await recordStatus(db, name, 'running');
    }
    // A rebuild that never swapped in and is not resuming now is of no further use.
    if ((await loadRebuild(db, name)) !== undefined) {
      await dropSchema(db, `${name}${rebuildSuffix}`);
      await forgetRebuild(db, name);
    }
    const position = (await loadCheckpoint(db, name))?.position;
    context.update({ state: 'running', position });
    return position;
  };

  /** Marks the status after a failure, and rethrows it. */
  const failed = (error: unknown): never => {
    if (isProjectionPoisoned(error)) {
      context.update({ state: 'poisoned', poison: error.details, rebuild: undefined });
      logger.error({ poison: error.details }, error.message);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      context.update({ state: 'failed', failure: message });
    }
    throw error;
  };

  const applied = (position: LogPosition, count: number): void => {
    context.update({ position, eventsApplied: status.eventsApplied + count });
  };

  return {
    name,
    status: () => status,
    catchUp: async (signal) => {
      try {
        const start = await prepare(signal);
        if (start === undefined) return undefined;
        let position: LogPosition = start;
        for (;;) {
          if (signal?.aborted === true) break;
          const page = await eventStore.readAll({
            after: position,
            maxCount: context.batchSize,
            ...(context.filter === undefined ? {} : { filter: context.filter }),
          });
          if (page.length === 0) break;
          const outcome = await processBatch(batchContext, page, position);
          position = outcome.position;
          applied(position, outcome.applied);
          if (page.length < context.batchSize) break;
        }
        return position;
      } catch (error) {
        return failed(error);
      }
    },
    run: async (signal) => {
      try {
        const start = await prepare(signal);
        if (start === undefined) return;
        let position: LogPosition = start;
        logger.info({ after: positionToString(position) }, 'projection running');
        const subscription = eventStore.subscribeToAll({
          after: position,
          signal,
          ...(context.filter === undefined ? {} : { filter: context.filter }),
        });
        for await (const batch of eventBatches(subscription, context.batchSize)) {
          const outcome = await processBatch(batchContext, batch, position);
          position = outcome.position;
          applied(position, outcome.applied);
        }
        context.update({ state: 'stopped' });
      } catch (error) {
        failed(error);
      }
    },
    rebuild: async (signal) => {
      try {
        await migrateProjectionRuntime(db);
        checkProjection(projection);
        const done = await rebuildProjection(context, signal);
        context.update({ state: done ? 'running' : 'stopped' });
        return done;
      } catch (error) {
        return failed(error);
      }
    },
  };
};
