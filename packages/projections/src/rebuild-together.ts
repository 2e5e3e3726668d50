import {
  comparePositions,
  type EventFilter,
  type EventStore,
  type LogPosition,
  type RecordedEvent,
} from '@crm/event-store';
import type { Kysely } from 'kysely';
import type { EventCounter } from './event-counter.ts';
import { decodeRecordedEvent, type EventDecoder } from './event-decoder.ts';
import type { AnyProjection, ProjectedEvent } from './projection.ts';
import { isProjectionPoisoned, type ProjectionPoisoned } from './projection-poisoned.ts';
import { createRunnerContext, defaultRebuildBatchSize } from './projection-runner.ts';
import { checkProjection } from './projection-schema.ts';
import type { RebuildProgress } from './projection-status.ts';
import { type FoldLimits, RebuildFeed } from './rebuild-feed.ts';
import {
  beginRebuild,
  finishRebuild,
  type RebuildCursor,
  reportRebuild,
} from './rebuild-projection.ts';
import type { RuntimeLogger } from './runtime-logger.ts';
import { migrateProjectionRuntime } from './runtime-schema.ts';

/** One projection of a joint rebuild, with the connection its writes go through. */
export interface RebuildMember<TDatabase> {
  /** A connection (or pool) of the read-model database; an owner's lock connection, say. */
  readonly db: Kysely<TDatabase>;
  readonly projection: AnyProjection;
}

/** What `rebuildProjectionsTogether` is given. */
export interface JointRebuildOptions<TDatabase> {
  readonly eventStore: EventStore;
  readonly members: ReadonlyArray<RebuildMember<TDatabase>>;
  /** Stored event → projected event, called once per event for all members. */
  readonly decode?: EventDecoder;
  /** Events read per page, and most events per member transaction. */
  readonly batchSize?: number;
  /** When members' folds are flushed and dropped (`defaultFoldLimits` when absent). */
  readonly foldLimits?: FoldLimits;
  readonly counter?: EventCounter;
  readonly logger?: RuntimeLogger;
  /** Recorded as the owner of each checkpoint row after the swap. */
  readonly owner?: string;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /**
   * Reads and decodes the pages instead of `eventStore.readAll` and `decode` on this thread:
   * a `DecodingWorker` does it on another core. `eventStore` still counts progress.
   */
  readonly pages?: DecodedPageSource;
}

/** A page of the log and each event's decoding (the event, or why it does not decode). */
export interface DecodedPage {
  readonly events: ReadonlyArray<RecordedEvent>;
  readonly decoded: ReadonlyArray<ProjectedEvent | Error>;
}

/** Reads the page of at most `maxCount` events after `after` that pass `filter`, decoded. */
export type DecodedPageSource = (
  after: LogPosition,
  maxCount: number,
  filter: EventFilter | undefined,
) => Promise<DecodedPage>;

/** How one member's rebuild ended. */
export type JointRebuildOutcome =
  /** Its fresh copy is live (`events` applied), or the signal stopped it (it resumes). */
  | {
      readonly projection: string;
      readonly outcome: 'swapped' | 'interrupted';
      readonly events: number;
    }
  /** It stopped at a poison event (recorded as for any rebuild); its live copy is untouched. */
  | {
      readonly projection: string;
      readonly outcome: 'poisoned';
      readonly events: number;
      readonly error: ProjectionPoisoned;
    };

/** The filter that lets through every event some member reads. */
const unionFilter = (projections: ReadonlyArray<AnyProjection>): EventFilter | undefined => {
  const types = new Set<string>();
  for (const { eventTypes } of projections) {
    if (eventTypes === undefined) return undefined;
    for (const type of eventTypes) types.add(type);
  }
  return { eventTypes: [...types] as EventFilter['eventTypes'] & string[] };
};

interface PageInHand {
  readonly events: ReadonlyArray<RecordedEvent>;
  readonly decoded: ReadonlyMap<RecordedEvent, Promise<ProjectedEvent>>;
}

/**
 * Rebuilds several projections in one pass over the log: each event is read and decoded
 * once (decrypting and checking an event costs more than most projections' work on it), and
 * while the members apply one page, the next is read and decoded. Each member keeps all a
 * single rebuild's guarantees: its own scratch schema and checkpoint, moved in the same
 * transaction as its writes; resuming an interrupted rebuild of the same version; a swap that
 * queries never see half-done. A poison event stops only its projection (its outcome is
 * `poisoned`, with the `ProjectionPoisoned` naming the event); the others finish and swap in.
 * Members need no locks of their own from this function: give each the connection that holds
 * its ownership lock, as `crm rebuild` does. Any other failure (a lost connection) rejects, and
 * every member resumes from its own checkpoint next time.
 *
 * @example
 * await rebuildProjectionsTogether({
 *   eventStore,
 *   members: allProjections(settings).map((projection) => ({ db, projection })),
 * });
 */
export const rebuildProjectionsTogether = async <TDatabase>(
  options: JointRebuildOptions<TDatabase>,
  signal?: AbortSignal,
): Promise<ReadonlyArray<JointRebuildOutcome>> => {
  const { eventStore, members } = options;
  const first = members[0];
  if (first === undefined) return [];
  for (const member of members) checkProjection(member.projection);
  await migrateProjectionRuntime(first.db);
  const contexts = members.map((member) =>
    createRunnerContext(
      {
        ...options,
        db: member.db,
        projection: member.projection,
        rebuildBatchSize: options.batchSize ?? defaultRebuildBatchSize,
      },
      () => undefined,
    ),
  );
  const batchSize = options.batchSize ?? defaultRebuildBatchSize;
  const decode = options.decode ?? decodeRecordedEvent;
  const filter = unionFilter(members.map((member) => member.projection));
  // Each member prepares its scratch schema and counts its events on its own connection.
  const cursors: RebuildCursor[] = await Promise.all(contexts.map(beginRebuild));
  const feeds = cursors.flatMap((cursor, index) => {
    const context = contexts[index];
    return context === undefined ? [] : [new RebuildFeed(context, cursor, options.foldLimits)];
  });

  const readHere: DecodedPageSource = async (after, maxCount, pageFilter) => {
    const events = await eventStore.readAll({
      after,
      maxCount,
      ...(pageFilter === undefined ? {} : { filter: pageFilter }),
    });
    const decoded = await Promise.all(
      events.map(async (event) => {
        try {
          return await decode(event);
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      }),
    );
    return { events, decoded };
  };
  const source = options.pages ?? readHere;
  const readPage = (after: LogPosition): Promise<PageInHand> => {
    const page = readDecodedPage(after);
    // Awaited by the loop unless it stopped first (interrupted, or a member failed).
    page.catch(() => undefined);
    return page;
  };
  const readDecodedPage = async (after: LogPosition): Promise<PageInHand> => {
    const page = await source(after, batchSize, filter);
    const decoded = new Map<RecordedEvent, Promise<ProjectedEvent>>();
    page.events.forEach((event, index) => {
      const outcome = page.decoded[index];
      const settled =
        outcome === undefined || outcome instanceof Error
          ? Promise.reject(outcome ?? new Error(`No decoding came back for ${event.eventId}.`))
          : Promise.resolve(outcome);
      // Read by `processBatch` with `allSettled`; a page abandoned on interruption is not.
      settled.catch(() => undefined);
      decoded.set(event, settled);
    });
    return { events: page.events, decoded };
  };
  const start = cursors.reduce<LogPosition | undefined>(
    (earliest, cursor) =>
      earliest === undefined || comparePositions(cursor.position, earliest) < 0
        ? cursor.position
        : earliest,
    undefined,
  );
  if (start === undefined) return [];

  const wantedTypes = contexts.map((context) => {
    const types = context.filter?.eventTypes;
    return types === undefined ? undefined : new Set<string>(types);
  });
  const active = new Set(contexts.keys());
  const poisoned = new Map<number, ProjectionPoisoned>();
  let next: Promise<PageInHand> | undefined = readPage(start);
  let interrupted = false;
  while (next !== undefined) {
    if (signal?.aborted === true) {
      interrupted = true;
      break;
    }
    const page: PageInHand = await next;
    const last = page.events[page.events.length - 1];
    next =
      last === undefined || page.events.length < batchSize ? undefined : readPage(last.position);
    const fromPage: EventDecoder = (recorded) => page.decoded.get(recorded) ?? decode(recorded);
    await Promise.all(
      [...active].map(async (index) => {
        const context = contexts[index];
        if (context === undefined) return;
        const wanted = wantedTypes[index];
        const feed = feeds[index];
        if (feed === undefined) return;
        const mine = page.events.filter(
          (event) =>
            (wanted === undefined || wanted.has(event.type)) &&
            comparePositions(event.position, feed.position) > 0,
        );
        if (mine.length === 0) return;
        try {
          await feed.take(mine, fromPage);
          reportRebuild(context, feed.progress);
        } catch (error) {
          if (!isProjectionPoisoned(error)) throw error;
          active.delete(index);
          poisoned.set(index, error);
        }
      }),
    );
  }
  // The members flush what their folds hold and swap in side by side, each on its own
  // connection: one builds its next statement while the server inserts another's rows.
  const settled = await Promise.allSettled(
    contexts.map(async (context, index): Promise<JointRebuildOutcome | undefined> => {
      const cursor = cursors[index];
      if (cursor === undefined) return undefined;
      const projection = context.projection.name;
      const poison = poisoned.get(index);
      if (poison !== undefined) {
        return { projection, outcome: 'poisoned', events: cursor.done, error: poison };
      }
      await feeds[index]?.flush();
      if (!interrupted) await finishRebuild(context, cursor);
      return {
        projection,
        outcome: interrupted ? 'interrupted' : 'swapped',
        events: cursor.done,
      };
    }),
  );
  // Every member is done before a failure is reported, so none is left writing behind it.
  const outcomes: JointRebuildOutcome[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason;
    if (outcome.value !== undefined) outcomes.push(outcome.value);
  }
  return outcomes;
};
