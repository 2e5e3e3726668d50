import type { EventStore } from '@crm/event-store';
import {
  type AnyProjection,
  type DecodedPageSource,
  type EventCounter,
  type EventDecoder,
  type FoldLimits,
  rebuildProjectionsTogether,
} from '@crm/projections';
import type { Kysely } from 'kysely';
import { nodeCpuSeconds, postgresCpuSeconds } from './cpu-time.ts';

/** What a rebuild needs: the read-model database, the log and how to read it. */
export interface RebuildSetup {
  readonly db: Kysely<unknown>;
  readonly eventStore: EventStore;
  readonly decode: EventDecoder;
  readonly counter: EventCounter;
  /** Events per transaction of a rebuild; the runtime's default when absent. */
  readonly batchSize: number | undefined;
  readonly progress: (message: string) => void;
  /** Reads and decodes the log in a worker thread when given. */
  readonly pages?: DecodedPageSource | undefined;
  /** When folds are flushed and dropped (the runtime's defaults when absent). */
  readonly foldLimits?: FoldLimits | undefined;
}

/** One projection's part of a rebuild. */
export interface ProjectionTiming {
  readonly name: string;
  /** Events of its types in the log: what its `apply` was given. */
  readonly events: number;
  /** From the start of the rebuild to its swap. */
  readonly seconds: number;
  /** Time spent inside its `apply` or its fold (its own work, reads and writes), a part of `seconds`. */
  readonly applySeconds: number;
}

/** A rebuild of one or more projections from the whole log. */
export interface RebuildResult {
  readonly seconds: number;
  /** CPU seconds this process used meanwhile (all its threads). */
  readonly nodeCpuSeconds: number;
  /** CPU seconds the machine's PostgreSQL processes used meanwhile, where `/proc` tells. */
  readonly postgresCpuSeconds: number | undefined;
  readonly projections: ReadonlyArray<ProjectionTiming>;
}

const elapsed = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/** The projection with its `apply` timed, and its fold's `apply` and `flush`. */
const timed = (projection: AnyProjection, spent: { seconds: number }): AnyProjection => {
  const startFold = projection.startFold;
  return {
    ...projection,
    apply: async (db, events) => {
      const started = process.hrtime.bigint();
      try {
        await projection.apply(db, events);
      } finally {
        spent.seconds += elapsed(started);
      }
    },
    ...(startFold === undefined
      ? {}
      : {
          startFold: () => {
            const fold = startFold();
            return {
              rowsHeld: () => fold.rowsHeld(),
              apply: (events) => {
                const started = process.hrtime.bigint();
                try {
                  fold.apply(events);
                } finally {
                  spent.seconds += elapsed(started);
                }
              },
              flush: async (db) => {
                const started = process.hrtime.bigint();
                try {
                  await fold.flush(db);
                } finally {
                  spent.seconds += elapsed(started);
                }
              },
            };
          },
        }),
  };
};

/**
 * Rebuilds the projections side by side in one pass over the log, as `crm rebuild` and the
 * projector do when told to rebuild them all: each event read and decoded once, each
 * projection with its own scratch schema, batches with their checkpoint, and swap.
 */
export const rebuildTogether = async (
  setup: RebuildSetup,
  projections: ReadonlyArray<AnyProjection>,
  label: string,
): Promise<RebuildResult> => {
  const started = process.hrtime.bigint();
  const nodeBefore = nodeCpuSeconds();
  const postgresBefore = postgresCpuSeconds();
  const done = new Map<string, { done: number; total: number }>();
  const report = setInterval(() => {
    const parts = [...done].map(
      ([name, p]) => `${name} ${Math.round((100 * p.done) / Math.max(1, p.total))}%`,
    );
    setup.progress(`  ${label} (${elapsed(started).toFixed(0)} s): ${parts.join(', ')}`);
  }, 10_000);
  const spent = new Map(projections.map((p) => [p.name, { seconds: 0, finished: 0 }]));
  try {
    const outcomes = await rebuildProjectionsTogether({
      eventStore: setup.eventStore,
      members: projections.map((projection) => ({
        db: setup.db,
        projection: timed(projection, spent.get(projection.name) ?? { seconds: 0 }),
      })),
      decode: setup.decode,
      counter: setup.counter,
      ...(setup.batchSize === undefined ? {} : { batchSize: setup.batchSize }),
      ...(setup.pages === undefined ? {} : { pages: setup.pages }),
      ...(setup.foldLimits === undefined ? {} : { foldLimits: setup.foldLimits }),
      onProgress: (p) => {
        done.set(p.projection, p);
        const timing = spent.get(p.projection);
        if (timing !== undefined) timing.finished = elapsed(started);
      },
    });
    const projectionTimings = outcomes.map((outcome): ProjectionTiming => {
      if (outcome.outcome !== 'swapped') {
        throw new Error(`The rebuild of ${outcome.projection} stopped.`);
      }
      const timing = spent.get(outcome.projection);
      return {
        name: outcome.projection,
        events: outcome.events,
        seconds: timing?.finished ?? 0,
        applySeconds: timing?.seconds ?? 0,
      };
    });
    const postgresAfter = postgresCpuSeconds();
    return {
      seconds: elapsed(started),
      nodeCpuSeconds: nodeCpuSeconds() - nodeBefore,
      postgresCpuSeconds:
        postgresBefore === undefined || postgresAfter === undefined
          ? undefined
          : postgresAfter - postgresBefore,
      projections: projectionTimings,
    };
  } finally {
    clearInterval(report);
  }
};

/**
 * A projection that writes nothing and reads every event: what reading and decoding the log
 * costs the runtime before any read model does its part.
 */
export const readAndDecodeOnly: AnyProjection = {
  name: 'read_and_decode_only',
  version: 1,
  migrations: {},
  apply: async () => undefined,
};

/** Rebuilds each projection alone, one after another: what each costs by itself. */
export const rebuildEachAlone = async (
  setup: RebuildSetup,
  projections: ReadonlyArray<AnyProjection>,
): Promise<ReadonlyArray<ProjectionTiming>> => {
  const timings: ProjectionTiming[] = [];
  for (const projection of projections) {
    const result = await rebuildTogether(setup, [projection], `${projection.name} alone`);
    const timing = result.projections[0];
    if (timing !== undefined) timings.push(timing);
    setup.progress(`  ${projection.name} alone: ${result.seconds.toFixed(1)} s`);
  }
  return timings;
};
