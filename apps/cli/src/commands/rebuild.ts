import {
  type AnyProjection,
  type JointRebuildOutcome,
  ownerPidOf,
  type RebuildMember,
  type RebuildProgress,
  rebuildProjectionsTogether,
  releaseOwnership,
  tryAcquireOwnership,
} from '@crm/projections';
import { allProjections } from '@crm/read-models';
import { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { startCliDecodingWorker } from '../decoding/start-decoding-worker.ts';
import { globalOptionsOf } from '../global-options.ts';
import { InterruptedError, interrupted } from '../interrupt.ts';
import { count } from '../output/format.ts';
import { processOutput } from '../output/output.ts';
import { createProgress, type ProgressBar } from '../output/progress.ts';
import type { CrmTables, Runtime } from '../runtime.ts';
import { withRuntime } from '../with-runtime.ts';

/** Names the projections to rebuild (each once), or says which names exist. */
export const pickProjections = (
  runtime: Runtime,
  names: ReadonlyArray<string>,
): ReadonlyArray<AnyProjection> => {
  if (names.length === 0) return runtime.projections;
  const picked = names.map((name) => {
    const found = runtime.projections.find(
      (p) => p.name === name || p.name === name.replace(/-/g, '_'),
    );
    if (found === undefined) {
      throw new CliError(
        'notFound',
        `No projection "${name}"; projections are ${runtime.projections.map((p) => p.name).join(', ')}.`,
      );
    }
    return found;
  });
  return [...new Set(picked)];
};

/**
 * Pool connections besides the lock holders: counts, the query naming an owner when a lock is
 * refused, and (with --no-decoding-worker) the log read ahead and the key store's lookups while
 * decoding; the decoding worker has a pool of its own.
 */
const spareConnections = 3;

/** One connection per projection that may be chosen (each holds its lock), plus the spares. */
const connectionsFor = (command: Command, names: ReadonlyArray<string>): number =>
  (names.length > 0 ? names.length : allProjections(globalOptionsOf(command).settings).length) +
  spareConnections;

/**
 * Takes each projection's ownership lock on a connection of its own, as a projector instance
 * would, and runs `work` with those connections while holding all of them: no projector may
 * write them meanwhile. If one is owned now, the locks already taken are released and the
 * rebuild is refused rather than raced. The locks are released whatever `work` does.
 */
const withOwnership = async <TResult>(
  runtime: Runtime,
  projections: ReadonlyArray<AnyProjection>,
  work: (members: ReadonlyArray<RebuildMember<CrmTables>>) => Promise<TResult>,
  held: ReadonlyArray<RebuildMember<CrmTables>> = [],
): Promise<TResult> => {
  const projection = projections[held.length];
  if (projection === undefined) return work(held);
  return runtime.db.connection().execute(async (connection) => {
    const pid = await tryAcquireOwnership(connection, projection.name);
    if (pid === undefined) {
      const owner = await ownerPidOf(runtime.db, projection.name);
      throw new CliError(
        'unavailable',
        `${projection.name} is owned by a running projector (database session ${owner ?? '?'}); stop it, or run crm-projector --rebuild ${projection.name}.`,
      );
    }
    try {
      return await withOwnership(runtime, projections, work, [
        ...held,
        { db: connection, projection },
      ]);
    } finally {
      await releaseOwnership(connection, projection.name).catch(() => undefined);
    }
  });
};

/**
 * Rebuilds the chosen projections together while holding their locks. The log is read and
 * decoded by a worker thread, on another core than the projections' work (about 12 % faster
 * for all read models on two cores), or on this thread with `inWorker` false. The worker is
 * closed whatever happens, so a failed or interrupted rebuild leaves no thread behind.
 */
const rebuildTogether = async (
  runtime: Runtime,
  members: ReadonlyArray<RebuildMember<CrmTables>>,
  inWorker: boolean,
  onProgress: (progress: RebuildProgress) => void,
): Promise<ReadonlyArray<JointRebuildOutcome>> => {
  const worker = inWorker ? startCliDecodingWorker(runtime.options, runtime.decode) : undefined;
  try {
    return await rebuildProjectionsTogether(
      {
        eventStore: runtime.eventStore,
        members,
        decode: runtime.decode,
        ...(worker === undefined ? {} : { pages: worker.pages }),
        counter: runtime.countEvents,
        logger: runtime.logger,
        owner: `crm-cli-${process.pid}`,
        onProgress,
      },
      interrupted,
    );
  } finally {
    await worker?.close();
  }
};

interface RebuildFlags {
  readonly json?: boolean;
  /** False with --no-decoding-worker. */
  readonly decodingWorker: boolean;
}

/**
 * `crm rebuild [projection...]`: rebuilds the chosen projections together, in one pass over
 * the log (each event read and decoded once, in a worker thread unless --no-decoding-worker),
 * each into its scratch schema and then swapped in.
 */
export const rebuildCommand = (): Command =>
  new Command('rebuild')
    .description(
      'rebuilds read models from the whole log into a scratch schema and swaps it in (queries keep working meanwhile); all of them when none is named. A worker thread reads and decodes the log meanwhile (--no-decoding-worker: this thread does)',
    )
    .argument('[projection...]', 'customer_360, lifecycle_funnel, profit_tiers, …')
    .option('--json', 'JSON for scripts')
    .option(
      '--no-decoding-worker',
      'read and decode the log on the main thread (by default a worker thread does, on another core: about 12 % faster)',
    )
    .action(async (names: string[], flags: RebuildFlags, command: Command) => {
      await withRuntime(
        command,
        { connections: connectionsFor(command, names) },
        async (runtime) => {
          const chosen = pickProjections(runtime, names);
          const progress = createProgress();
          const bars = new Map<string, ProgressBar>(
            chosen.map((projection) => [
              projection.name,
              progress.bar(`Rebuilding ${projection.name}`, 0),
            ]),
          );
          const started = Date.now();
          let outcomes: ReadonlyArray<JointRebuildOutcome>;
          try {
            outcomes = await withOwnership(runtime, chosen, (members) =>
              rebuildTogether(
                runtime,
                members,
                flags.decodingWorker,
                ({ projection, done, total }) => bars.get(projection)?.update(done, total),
              ),
            );
            if (outcomes.some(({ outcome }) => outcome === 'interrupted')) {
              throw new InterruptedError();
            }
            for (const bar of bars.values()) bar.finish();
          } finally {
            progress.stop();
          }
          const seconds = (Date.now() - started) / 1000;
          const done = outcomes
            .filter(({ outcome }) => outcome === 'swapped')
            .map(({ projection, events }) => ({ projection, events, seconds }));
          if (flags.json === true) processOutput.json({ rebuilt: done });
          else {
            for (const entry of done) {
              processOutput.result(
                `Rebuilt ${entry.projection}: ${count(entry.events)} events in ${entry.seconds.toFixed(1)} s.`,
              );
            }
          }
          // The others are rebuilt and said so; a poisoned one fails the command, naming its event.
          for (const outcome of outcomes) if (outcome.outcome === 'poisoned') throw outcome.error;
        },
      );
    });
