import { comparePositions, type LogPosition, positionToString } from '@crm/event-store';
import type { Kysely, Transaction } from 'kysely';
import { advanceCheckpoint, type CheckpointTable, lockCheckpoint } from './checkpoints.ts';
import type { AnyProjection, ProjectedEvent } from './projection.ts';
import { ProjectionRuntimeError } from './projection-runtime-error.ts';
import { useSchemaLocally } from './projection-schema.ts';

/** Where a batch goes: the schema its writes land in and the checkpoint that moves with them. */
export interface BatchTarget {
  readonly schema: string;
  readonly checkpoint: CheckpointTable;
}

/**
 * Runs `write` in one transaction together with the checkpoint: the checkpoint row is locked
 * first and must still be at `expected` (where this runner left it), then `write` gets a `db`
 * bound to the target schema (its search path too), then the checkpoint moves to `last`,
 * counting `events` more. Either all of it commits or none, so a crash never leaves writes
 * without their checkpoint or the reverse: exactly-once in effect.
 */
export const writeWithCheckpoint = async <TDatabase>(
  db: Kysely<TDatabase>,
  projection: AnyProjection,
  target: BatchTarget,
  expected: LogPosition,
  advance: { readonly last: LogPosition; readonly events: number },
  write: (db: Transaction<TDatabase>) => Promise<void>,
): Promise<void> => {
  await db.transaction().execute(async (trx) => {
    const current = await lockCheckpoint(trx, target.checkpoint, projection.name);
    if (current === undefined || comparePositions(current, expected) !== 0) {
      throw new ProjectionRuntimeError(
        'CheckpointMoved',
        `The ${target.checkpoint} row of ${projection.name} is at ` +
          `${current === undefined ? 'nothing' : positionToString(current)}, not at ` +
          `${positionToString(expected)} where this runner left it: another instance wrote it.`,
        projection.name,
      );
    }
    await useSchemaLocally(trx, target.schema);
    await write(trx.withSchema(target.schema));
    await advanceCheckpoint(trx, target.checkpoint, projection.name, advance.last, advance.events);
  });
};

/**
 * Applies events with `projection.apply` in one transaction together with the checkpoint (see
 * `writeWithCheckpoint`); returns the new checkpoint.
 */
export const applyBatch = async <TDatabase>(
  db: Kysely<TDatabase>,
  projection: AnyProjection,
  target: BatchTarget,
  events: ReadonlyArray<ProjectedEvent>,
  expected: LogPosition,
): Promise<LogPosition> => {
  const last = events[events.length - 1];
  if (last === undefined) return expected;
  // Every projection is a `Projection<T>` for its own tables T; the runtime does not know T.
  const apply = projection.apply as (
    db: Transaction<TDatabase>,
    events: ReadonlyArray<ProjectedEvent>,
  ) => Promise<void>;
  await writeWithCheckpoint(
    db,
    projection,
    target,
    expected,
    { last: last.position, events: events.length },
    (trx) => apply.call(projection, trx, events),
  );
  return last.position;
};
