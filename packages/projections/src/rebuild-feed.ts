import {
  comparePositions,
  type LogPosition,
  logStart,
  positionToString,
  type RecordedEvent,
} from '@crm/event-store';
import { writeWithCheckpoint } from './apply-batch.ts';
import type { EventDecoder } from './event-decoder.ts';
import { freshEvents, processBatch } from './process-batch.ts';
import type { AnyProjection, ProjectedEvent } from './projection.ts';
import { type RebuildCursor, rebuildBatchContext } from './rebuild-projection.ts';
import type { RunnerContext } from './runner-context.ts';
import { isTransientFailure } from './transient-failure.ts';

/** When a rebuild flushes a projection's fold (see `Projection.startFold`), and when it drops it. */
export interface FoldLimits {
  /**
   * Events folded between two flushes. Each flush moves the scratch checkpoint, so an
   * interrupted rebuild resumes from the last one (batch by batch: a fold starts only from zero).
   */
  readonly flushEvery: number;
  /**
   * Rows a fold may hold in memory; past it, it is flushed and the rebuild goes on batch by
   * batch. 0: no folds at all.
   */
  readonly rowLimit: number;
}

/**
 * Flush every million events; drop a fold holding more than two million rows (each a few
 * hundred bytes of heap: a joint rebuild holds every member's fold at once).
 */
export const defaultFoldLimits: FoldLimits = { flushEvery: 1_000_000, rowLimit: 2_000_000 };

type Fold = ReturnType<NonNullable<AnyProjection['startFold']>>;

/**
 * Takes one projection's events during a rebuild. From zero, and when the projection has a
 * fold, the events are folded in memory and written by flushes, each in one transaction with
 * the scratch checkpoint; otherwise (or once the fold is dropped) batch by batch with
 * `processBatch`. An event that does not decode or that the fold cannot apply drops the fold
 * with its unflushed rows, and the events since the last flush are applied again batch by
 * batch — which commits every event before the poison and names it, as a rebuild without a
 * fold does.
 */
export class RebuildFeed<TDatabase> {
  readonly #context: RunnerContext<TDatabase>;
  readonly #cursor: RebuildCursor;
  readonly #limits: FoldLimits;
  #fold: Fold | undefined;
  /** The last event taken: the checkpoint, or beyond it by what the fold has not flushed. */
  #taken: LogPosition;
  #unflushed = 0;

  constructor(
    context: RunnerContext<TDatabase>,
    cursor: RebuildCursor,
    limits: FoldLimits = defaultFoldLimits,
  ) {
    this.#context = context;
    this.#cursor = cursor;
    this.#limits = limits;
    const fromZero = cursor.done === 0 && comparePositions(cursor.position, logStart) === 0;
    this.#fold = fromZero && limits.rowLimit > 0 ? context.projection.startFold?.() : undefined;
    this.#taken = cursor.position;
  }

  /** The last event taken: pass only later ones to `take`. */
  get position(): LogPosition {
    return this.#taken;
  }

  /** Where the rebuild stands, counting the events the fold holds unflushed. */
  get progress(): RebuildCursor {
    return { ...this.#cursor, position: this.#taken, done: this.#cursor.done + this.#unflushed };
  }

  /** Takes the projection's events of a page (its types, in log order), decoded by `decode`. */
  async take(events: ReadonlyArray<RecordedEvent>, decode: EventDecoder): Promise<void> {
    const fresh = freshEvents(events, this.#taken);
    const last = fresh[fresh.length - 1];
    if (last === undefined) return;
    const fold = this.#fold;
    if (fold === undefined) {
      const cursor = this.#cursor;
      const outcome = await processBatch(
        rebuildBatchContext(this.#context, decode),
        fresh,
        cursor.position,
      );
      cursor.position = outcome.position;
      cursor.done += outcome.applied;
      this.#taken = outcome.position;
      return;
    }
    const outcomes = await Promise.allSettled(fresh.map(async (event) => decode(event)));
    const decoded: ProjectedEvent[] = [];
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') {
        decoded.push(outcome.value);
        continue;
      }
      if (isTransientFailure(outcome.reason)) throw outcome.reason;
      return this.#againWithoutFold(last.position);
    }
    try {
      fold.apply(decoded);
    } catch {
      return this.#againWithoutFold(last.position);
    }
    this.#taken = last.position;
    this.#unflushed += decoded.length;
    if (this.#unflushed >= this.#limits.flushEvery) await this.flush();
    if (fold.rowsHeld() > this.#limits.rowLimit) {
      await this.flush();
      this.#fold = undefined;
      this.#context.logger.info(
        { rows: fold.rowsHeld(), limit: this.#limits.rowLimit },
        'rebuild fold dropped: it holds too many rows; going on batch by batch',
      );
    }
  }

  /** Writes what the fold holds unflushed, and moves the scratch checkpoint past it. */
  async flush(): Promise<void> {
    const fold = this.#fold;
    if (fold === undefined || this.#unflushed === 0) return;
    const { db, projection } = this.#context;
    const cursor = this.#cursor;
    const { target } = rebuildBatchContext(this.#context);
    await writeWithCheckpoint(
      db,
      projection,
      target,
      cursor.position,
      { last: this.#taken, events: this.#unflushed },
      (trx) => fold.flush(trx as never),
    );
    cursor.position = this.#taken;
    cursor.done += this.#unflushed;
    this.#unflushed = 0;
  }

  // The fold's unflushed rows are dropped; the events from the checkpoint to `until` are read
  // again and applied batch by batch, which finds and names the poison event.
  async #againWithoutFold(until: LogPosition): Promise<void> {
    const { eventStore, filter, rebuildBatchSize, logger } = this.#context;
    logger.info(
      { after: positionToString(this.#cursor.position) },
      'rebuild fold dropped: an event did not apply; going on batch by batch',
    );
    this.#fold = undefined;
    this.#unflushed = 0;
    const cursor = this.#cursor;
    this.#taken = cursor.position;
    const batch = rebuildBatchContext(this.#context);
    for (;;) {
      const page = await eventStore.readAll({
        after: cursor.position,
        maxCount: rebuildBatchSize,
        ...(filter === undefined ? {} : { filter }),
      });
      const upTo = page.filter((event) => comparePositions(event.position, until) <= 0);
      if (upTo.length === 0) return;
      const outcome = await processBatch(batch, upTo, cursor.position);
      cursor.position = outcome.position;
      cursor.done += outcome.applied;
      this.#taken = outcome.position;
      if (upTo.length < page.length || page.length < rebuildBatchSize) return;
    }
  }
}
