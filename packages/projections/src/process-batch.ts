import { comparePositions, type LogPosition, type RecordedEvent } from '@crm/event-store';
import { type Kysely, sql } from 'kysely';
import { applyBatch, type BatchTarget } from './apply-batch.ts';
import { recordStatus } from './checkpoints.ts';
import type { EventDecoder } from './event-decoder.ts';
import type { AnyProjection, ProjectedEvent } from './projection.ts';
import { type ProjectionPhase, ProjectionPoisoned } from './projection-poisoned.ts';
import { isProjectionRuntimeError } from './projection-runtime-error.ts';
import { isTransientFailure } from './transient-failure.ts';

/** What one batch did. */
export interface BatchOutcome {
  /** The checkpoint after the batch. */
  readonly position: LogPosition;
  /** Events applied (redelivered ones are not counted: they were skipped). */
  readonly applied: number;
}

/** Everything `processBatch` needs besides the events. */
export interface BatchContext<TDatabase> {
  readonly db: Kysely<TDatabase>;
  readonly projection: AnyProjection;
  readonly decode: EventDecoder;
  readonly target: BatchTarget;
  readonly phase: ProjectionPhase;
}

const databaseAnswers = async <TDatabase>(db: Kysely<TDatabase>): Promise<boolean> => {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
};

// A failure is the event's fault only when the database is fine and the failure is not one of
// the runtime's own (a lost checkpoint) or a transient one (a lost connection).
const isPoison = async <TDatabase>(db: Kysely<TDatabase>, error: unknown): Promise<boolean> =>
  !isTransientFailure(error) && !isProjectionRuntimeError(error) && (await databaseAnswers(db));

/** Drops events at or before the checkpoint, and any delivered twice: redelivery is harmless. */
export const freshEvents = (
  events: ReadonlyArray<RecordedEvent>,
  after: LogPosition,
): ReadonlyArray<RecordedEvent> => {
  const fresh: RecordedEvent[] = [];
  let last = after;
  for (const event of events) {
    if (comparePositions(event.position, last) > 0) {
      fresh.push(event);
      last = event.position;
    }
  }
  return fresh;
};

/**
 * Applies one batch: skips what the checkpoint already covers, decodes the rest, and applies
 * it in one transaction with the checkpoint. When that fails for a reason that is the events'
 * (not the database's), it re-applies them one at a time, each in a fresh transaction, so every
 * event before the first failing one commits and that one is named in a `ProjectionPoisoned`,
 * recorded in the checkpoint row. An event that does not decode is poison the same way.
 */
export const processBatch = async <TDatabase>(
  context: BatchContext<TDatabase>,
  events: ReadonlyArray<RecordedEvent>,
  after: LogPosition,
): Promise<BatchOutcome> => {
  const { db, projection, target, phase } = context;
  const fresh = freshEvents(events, after);
  // Decoded side by side (a decoder may look keys up), then read in log order.
  const outcomes = await Promise.allSettled(fresh.map(async (event) => context.decode(event)));
  const decoded: ProjectedEvent[] = [];
  let undecodable: { readonly event: RecordedEvent; readonly cause: unknown } | undefined;
  for (const [index, outcome] of outcomes.entries()) {
    const event = fresh[index];
    if (event === undefined) break;
    if (outcome.status === 'fulfilled') {
      decoded.push(outcome.value);
      continue;
    }
    if (isTransientFailure(outcome.reason)) throw outcome.reason;
    undecodable = { event, cause: outcome.reason };
    break;
  }
  const poisoned = async (event: RecordedEvent, cause: unknown): Promise<never> => {
    const poison = new ProjectionPoisoned({ projection: projection.name, phase, event }, cause);
    await recordStatus(db, projection.name, 'poisoned', poison.details);
    throw poison;
  };
  let position = after;
  try {
    position = await applyBatch(db, projection, target, decoded, position);
  } catch (error) {
    if (!(await isPoison(db, error))) throw error;
    for (const [index, event] of decoded.entries()) {
      try {
        position = await applyBatch(db, projection, target, [event], position);
      } catch (single) {
        if (!(await isPoison(db, single))) throw single;
        const recorded = fresh[index];
        if (recorded !== undefined) await poisoned(recorded, single);
        throw single;
      }
    }
  }
  if (undecodable !== undefined) await poisoned(undecodable.event, undecodable.cause);
  return { position, applied: decoded.length };
};
