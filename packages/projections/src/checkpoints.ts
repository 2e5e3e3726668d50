import { type LogPosition, logStart } from '@crm/event-store';
import { type Kysely, sql } from 'kysely';
import type { ProjectionPoisonedDetails } from './projection-poisoned.ts';
import type { ProjectionRunStatus } from './runtime-schema.ts';

/** A projection's checkpoint row (`projection_runtime.checkpoints`). */
export interface ProjectionCheckpoint {
  readonly name: string;
  readonly version: number;
  /** The last event applied to the live schema; `logStart` when none. */
  readonly position: LogPosition;
  readonly status: ProjectionRunStatus;
  /** Set while poisoned. */
  readonly error: ProjectionPoisonedDetails | null;
  readonly eventsApplied: number;
  readonly owner: string | null;
  readonly updatedAt: Date;
}

/** A rebuild under way (`projection_runtime.rebuilds`): how far its scratch schema got. */
export interface RebuildCheckpoint {
  readonly name: string;
  readonly version: number;
  readonly position: LogPosition;
  readonly eventsApplied: number;
}

/** Which checkpoint a batch advances: the live schema's or a rebuild's scratch schema's. */
export type CheckpointTable = 'checkpoints' | 'rebuilds';

interface PositionColumns {
  readonly commit_position: string;
  readonly prepare_position: string;
  readonly events_applied: string;
}

const positionOf = (row: PositionColumns): LogPosition => ({
  commit: BigInt(row.commit_position),
  prepare: BigInt(row.prepare_position),
});

const table = (name: CheckpointTable) => sql.table(`projection_runtime.${name}`);

/** Reads a projection's checkpoint row, if it has one. */
export const loadCheckpoint = async <TDatabase>(
  db: Kysely<TDatabase>,
  name: string,
): Promise<ProjectionCheckpoint | undefined> => {
  const { rows } = await sql<
    PositionColumns & {
      readonly version: number;
      readonly status: ProjectionRunStatus;
      readonly error: ProjectionPoisonedDetails | null;
      readonly owner: string | null;
      readonly updated_at: Date;
    }
  >`
    SELECT version, commit_position::text, prepare_position::text, status, error,
      events_applied::text, owner, updated_at
    FROM projection_runtime.checkpoints WHERE name = ${name}`.execute(db);
  const row = rows[0];
  return row === undefined
    ? undefined
    : {
        name,
        version: row.version,
        position: positionOf(row),
        status: row.status,
        error: row.error,
        eventsApplied: Number(row.events_applied),
        owner: row.owner,
        updatedAt: row.updated_at,
      };
};

/** Reads a rebuild's checkpoint, if one is under way. */
export const loadRebuild = async <TDatabase>(
  db: Kysely<TDatabase>,
  name: string,
): Promise<RebuildCheckpoint | undefined> => {
  const { rows } = await sql<PositionColumns & { readonly version: number }>`
    SELECT version, commit_position::text, prepare_position::text, events_applied::text
    FROM projection_runtime.rebuilds WHERE name = ${name}`.execute(db);
  const row = rows[0];
  return row === undefined
    ? undefined
    : {
        name,
        version: row.version,
        position: positionOf(row),
        eventsApplied: Number(row.events_applied),
      };
};

/** Sets a projection's checkpoint to the start of the log at `version` (a fresh live schema). */
export const resetCheckpoint = async <TDatabase>(
  db: Kysely<TDatabase>,
  input: { readonly name: string; readonly version: number; readonly owner: string | null },
): Promise<void> => {
  await sql`
    INSERT INTO projection_runtime.checkpoints
      (name, version, commit_position, prepare_position, status, error, events_applied, owner,
       owned_since)
    VALUES (${input.name}, ${input.version}, ${logStart.commit}, ${logStart.prepare}, 'running',
      NULL, 0, ${input.owner}, now())
    ON CONFLICT (name) DO UPDATE SET version = excluded.version,
      commit_position = excluded.commit_position, prepare_position = excluded.prepare_position,
      status = excluded.status, error = NULL, events_applied = 0, owner = excluded.owner,
      owned_since = excluded.owned_since, updated_at = now()`.execute(db);
};

/** Starts (or restarts from zero) a rebuild's checkpoint at `version`. */
export const resetRebuild = async <TDatabase>(
  db: Kysely<TDatabase>,
  input: { readonly name: string; readonly version: number },
): Promise<void> => {
  await sql`
    INSERT INTO projection_runtime.rebuilds
      (name, version, commit_position, prepare_position, events_applied)
    VALUES (${input.name}, ${input.version}, ${logStart.commit}, ${logStart.prepare}, 0)
    ON CONFLICT (name) DO UPDATE SET version = excluded.version,
      commit_position = excluded.commit_position, prepare_position = excluded.prepare_position,
      events_applied = 0, started_at = now(), updated_at = now()`.execute(db);
};

/** Records the instance that owns the projection now, and optionally a new status. */
export const recordOwner = async <TDatabase>(
  db: Kysely<TDatabase>,
  name: string,
  owner: string | null,
): Promise<void> => {
  await sql`
    UPDATE projection_runtime.checkpoints SET owner = ${owner}, owned_since = now(),
      updated_at = now()
    WHERE name = ${name}`.execute(db);
};

/** Records what the projection is doing; `error` only with `poisoned`. */
export const recordStatus = async <TDatabase>(
  db: Kysely<TDatabase>,
  name: string,
  status: ProjectionRunStatus,
  error: ProjectionPoisonedDetails | null = null,
): Promise<void> => {
  await sql`
    UPDATE projection_runtime.checkpoints
    SET status = ${status}, error = ${error === null ? null : JSON.stringify(error)}::jsonb,
      updated_at = now()
    WHERE name = ${name}`.execute(db);
};

/**
 * Locks a checkpoint row for the rest of the transaction and returns its position: the fence
 * that makes a batch commit only where its runner left the checkpoint.
 */
export const lockCheckpoint = async <TDatabase>(
  trx: Kysely<TDatabase>,
  checkpoint: CheckpointTable,
  name: string,
): Promise<LogPosition | undefined> => {
  const { rows } = await sql<PositionColumns>`
    SELECT commit_position::text, prepare_position::text, events_applied::text
    FROM ${table(checkpoint)} WHERE name = ${name} FOR UPDATE`.execute(trx);
  const row = rows[0];
  return row === undefined ? undefined : positionOf(row);
};

/** Moves a checkpoint to `position` after `applied` more events (inside the batch's transaction). */
export const advanceCheckpoint = async <TDatabase>(
  trx: Kysely<TDatabase>,
  checkpoint: CheckpointTable,
  name: string,
  position: LogPosition,
  applied: number,
): Promise<void> => {
  const statusUpdate =
    checkpoint === 'checkpoints' ? sql`, status = 'running', error = NULL` : sql``;
  await sql`
    UPDATE ${table(checkpoint)}
    SET commit_position = ${position.commit}, prepare_position = ${position.prepare},
      events_applied = events_applied + ${applied}, updated_at = now()${statusUpdate}
    WHERE name = ${name}`.execute(trx);
};

/** Forgets a rebuild (its scratch schema is dropped separately). */
export const forgetRebuild = async <TDatabase>(
  db: Kysely<TDatabase>,
  name: string,
): Promise<void> => {
  await sql`DELETE FROM projection_runtime.rebuilds WHERE name = ${name}`.execute(db);
};
