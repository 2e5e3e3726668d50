import { comparePositions, type LogPosition, logStart, positionToString } from '@crm/event-store';
import { sql } from 'kysely';
import { loadRebuild, lockCheckpoint, recordStatus, resetRebuild } from './checkpoints.ts';
import type { EventDecoder } from './event-decoder.ts';
import type { BatchContext } from './process-batch.ts';
import { ProjectionRuntimeError } from './projection-runtime-error.ts';
import {
  dropSchema,
  migrateProjectionSchema,
  rebuildSuffix,
  schemaExists,
} from './projection-schema.ts';
import type { RebuildProgress } from './projection-status.ts';
import { RebuildFeed } from './rebuild-feed.ts';
import type { RunnerContext } from './runner-context.ts';

/** How long the swap waits for queries holding the live tables before it tries again. */
const swapLockTimeout = '5s';

/**
 * In one transaction: drops the live schema, renames the scratch schema to the live name and
 * sets the live checkpoint to where the rebuild got. Queries running on the old tables finish
 * first (the drop waits for them, at most `swapLockTimeout`, then the swap is retried from the
 * top); queries after the commit read the new tables.
 */
const swapIn = async <TDatabase>(
  context: RunnerContext<TDatabase>,
  position: LogPosition,
  applied: number,
): Promise<void> => {
  const { db, projection, owner } = context;
  const { name, version } = projection;
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = ${sql.lit(swapLockTimeout)}`.execute(trx);
    const reached = await lockCheckpoint(trx, 'rebuilds', name);
    if (reached === undefined || comparePositions(reached, position) !== 0) {
      throw new ProjectionRuntimeError(
        'CheckpointMoved',
        `The rebuild of ${name} is not at ${positionToString(position)} where this runner left it.`,
        name,
      );
    }
    await sql`DROP SCHEMA IF EXISTS ${sql.id(name)} CASCADE`.execute(trx);
    await sql`ALTER SCHEMA ${sql.id(`${name}${rebuildSuffix}`)} RENAME TO ${sql.id(name)}`.execute(
      trx,
    );
    await sql`
      INSERT INTO projection_runtime.checkpoints
        (name, version, commit_position, prepare_position, status, error, events_applied, owner,
         owned_since)
      VALUES (${name}, ${version}, ${position.commit}, ${position.prepare}, 'running', NULL,
        ${applied}, ${owner}, now())
      ON CONFLICT (name) DO UPDATE SET version = excluded.version,
        commit_position = excluded.commit_position, prepare_position = excluded.prepare_position,
        status = 'running', error = NULL, events_applied = excluded.events_applied,
        owner = excluded.owner, updated_at = now()`.execute(trx);
    await sql`DELETE FROM projection_runtime.rebuilds WHERE name = ${name}`.execute(trx);
  });
};

/** Where a rebuild of one projection has got: its scratch checkpoint and progress. */
export interface RebuildCursor {
  position: LogPosition;
  done: number;
  readonly total: number;
}

/**
 * Prepares the scratch schema (`<name>__rebuild`) of a rebuild: resumes the interrupted
 * rebuild of the same version where it stopped, else starts one from the start of the log.
 */
export const beginRebuild = async <TDatabase>(
  context: RunnerContext<TDatabase>,
): Promise<RebuildCursor> => {
  const { db, projection, filter, logger } = context;
  const { name, version } = projection;
  const scratch = `${name}${rebuildSuffix}`;
  const previous = await loadRebuild(db, name);
  const resume = previous?.version === version && (await schemaExists(db, scratch));
  if (!resume) {
    await dropSchema(db, scratch);
    await resetRebuild(db, { name, version });
  }
  await migrateProjectionSchema(db, projection, scratch);
  await recordStatus(db, name, 'rebuilding');
  const position = resume && previous !== undefined ? previous.position : logStart;
  const done = resume && previous !== undefined ? previous.eventsApplied : 0;
  const cursor = { position, done, total: done + (await context.counter(position, filter)) };
  logger.info({ version, resume, done, total: cursor.total }, 'rebuild started');
  context.update({ state: 'rebuilding' });
  reportRebuild(context, cursor);
  return cursor;
};

/** Tells the runner's status and progress callback how far a rebuild got. */
export const reportRebuild = <TDatabase>(
  context: RunnerContext<TDatabase>,
  cursor: RebuildCursor,
): void => {
  const { done, total } = cursor;
  const progress: RebuildProgress = {
    projection: context.projection.name,
    done,
    total: Math.max(total, done),
  };
  context.update({ rebuild: progress });
  context.onProgress?.(progress);
};

/** What `processBatch` needs to write a rebuild's batches into its scratch schema. */
export const rebuildBatchContext = <TDatabase>(
  context: RunnerContext<TDatabase>,
  decode: EventDecoder = context.decode,
): BatchContext<TDatabase> => ({
  db: context.db,
  projection: context.projection,
  decode,
  target: { schema: `${context.projection.name}${rebuildSuffix}`, checkpoint: 'rebuilds' },
  phase: 'rebuild',
});

/** Swaps the finished scratch copy in (see `swapIn`) and says so. */
export const finishRebuild = async <TDatabase>(
  context: RunnerContext<TDatabase>,
  cursor: RebuildCursor,
): Promise<void> => {
  await swapIn(context, cursor.position, cursor.done);
  context.update({ position: cursor.position, rebuild: undefined });
  context.logger.info(
    {
      version: context.projection.version,
      done: cursor.done,
      position: positionToString(cursor.position),
    },
    'rebuild swapped in',
  );
};

/**
 * Builds a fresh copy of a projection from the whole log in its scratch schema
 * (`<name>__rebuild`), batch by batch with the scratch checkpoint in each batch's transaction
 * (from zero, through the projection's fold when it has one: see `RebuildFeed`),
 * then swaps it in (see `swapIn`). Queries keep reading the live schema until the swap. An
 * interrupted rebuild of the same version resumes where it stopped. Returns `false` when
 * `signal` aborted it before the swap.
 */
export const rebuildProjection = async <TDatabase>(
  context: RunnerContext<TDatabase>,
  signal: AbortSignal | undefined,
): Promise<boolean> => {
  const { eventStore, filter, logger } = context;
  const batchSize = context.rebuildBatchSize;
  const cursor = await beginRebuild(context);
  const feed = new RebuildFeed(context, cursor);
  for (;;) {
    if (signal?.aborted === true) {
      await feed.flush();
      logger.info(
        { done: cursor.done, total: cursor.total },
        'rebuild interrupted; it resumes from here',
      );
      return false;
    }
    const page = await eventStore.readAll({
      after: feed.position,
      maxCount: batchSize,
      ...(filter === undefined ? {} : { filter }),
    });
    if (page.length === 0) break;
    await feed.take(page, context.decode);
    reportRebuild(context, feed.progress);
    if (page.length < batchSize) break;
  }
  await feed.flush();
  await finishRebuild(context, cursor);
  return true;
};
