import type { EventStore } from '@crm/event-store';
import {
  type AnyProjection,
  createProjectionRunner,
  type EventCounter,
  type EventDecoder,
} from '@crm/projections';
import type { Kysely } from 'kysely';

/** What a rebuild needs: the read-model database, the log and how to read it. */
export interface RebuildSetup {
  readonly db: Kysely<unknown>;
  readonly eventStore: EventStore;
  readonly decode: EventDecoder;
  readonly counter: EventCounter;
  /** Events per transaction of a rebuild; the runtime's default when absent. */
  readonly batchSize: number | undefined;
  readonly progress: (message: string) => void;
}

/** One projection's part of a rebuild. */
export interface ProjectionTiming {
  readonly name: string;
  /** Events of its types in the log: what its `apply` was given. */
  readonly events: number;
  /** From the start of the rebuild to its swap. */
  readonly seconds: number;
  /** Time spent inside its `apply` (its own reads and writes), a part of `seconds`. */
  readonly applySeconds: number;
}

/** A rebuild of one or more projections from the whole log. */
export interface RebuildResult {
  readonly seconds: number;
  readonly projections: ReadonlyArray<ProjectionTiming>;
}

const elapsed = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/** The projection with its `apply` timed. */
const timed = (projection: AnyProjection, spent: { seconds: number }): AnyProjection => ({
  ...projection,
  apply: async (db, events) => {
    const started = process.hrtime.bigint();
    try {
      await projection.apply(db, events);
    } finally {
      spent.seconds += elapsed(started);
    }
  },
});

/**
 * Rebuilds the projections side by side, as the projector does when told to rebuild them all:
 * each its own runner (its own reading of the log, scratch schema, batches with their
 * checkpoint, swap), all at once on one server.
 */
export const rebuildTogether = async (
  setup: RebuildSetup,
  projections: ReadonlyArray<AnyProjection>,
  label: string,
): Promise<RebuildResult> => {
  const started = process.hrtime.bigint();
  const done = new Map<string, { done: number; total: number }>();
  const report = setInterval(() => {
    const parts = [...done].map(
      ([name, p]) => `${name} ${Math.round((100 * p.done) / Math.max(1, p.total))}%`,
    );
    setup.progress(`  ${label} (${elapsed(started).toFixed(0)} s): ${parts.join(', ')}`);
  }, 10_000);
  try {
    const projectionTimings = await Promise.all(
      projections.map(async (projection): Promise<ProjectionTiming> => {
        const spent = { seconds: 0 };
        let events = 0;
        const runner = createProjectionRunner({
          db: setup.db,
          eventStore: setup.eventStore,
          projection: timed(projection, spent),
          decode: setup.decode,
          counter: setup.counter,
          ...(setup.batchSize === undefined ? {} : { rebuildBatchSize: setup.batchSize }),
          onProgress: (p) => {
            events = p.done;
            done.set(projection.name, p);
          },
        });
        if (!(await runner.rebuild()))
          throw new Error(`The rebuild of ${projection.name} stopped.`);
        return {
          name: projection.name,
          events,
          seconds: elapsed(started),
          applySeconds: spent.seconds,
        };
      }),
    );
    return { seconds: elapsed(started), projections: projectionTimings };
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
