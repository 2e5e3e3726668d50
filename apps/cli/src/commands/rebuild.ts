import {
  type AnyProjection,
  createProjectionRunner,
  ownerPidOf,
  releaseOwnership,
  tryAcquireOwnership,
} from '@crm/projections';
import { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { InterruptedError, interrupted } from '../interrupt.ts';
import { count } from '../output/format.ts';
import { processOutput } from '../output/output.ts';
import { createProgress } from '../output/progress.ts';
import type { Runtime } from '../runtime.ts';
import { withRuntime } from '../with-runtime.ts';

/** Names the projections to rebuild, or says which names exist. */
export const pickProjections = (
  runtime: Runtime,
  names: ReadonlyArray<string>,
): ReadonlyArray<AnyProjection> => {
  if (names.length === 0) return runtime.projections;
  return names.map((name) => {
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
};

/**
 * Rebuilds one projection on a connection of its own that holds the projection's ownership
 * lock, as a projector instance would: no projector may write it meanwhile, and if one owns it
 * now, the rebuild is refused rather than raced.
 */
const rebuildOne = async (
  runtime: Runtime,
  projection: AnyProjection,
  update: (done: number, total: number) => void,
): Promise<void> => {
  await runtime.db.connection().execute(async (connection) => {
    const pid = await tryAcquireOwnership(connection, projection.name);
    if (pid === undefined) {
      const owner = await ownerPidOf(runtime.db, projection.name);
      throw new CliError(
        'unavailable',
        `${projection.name} is owned by a running projector (database session ${owner ?? '?'}); stop it, or run crm-projector --rebuild ${projection.name}.`,
      );
    }
    try {
      const runner = createProjectionRunner({
        db: connection,
        eventStore: runtime.eventStore,
        projection,
        decode: runtime.decode,
        counter: runtime.countEvents,
        logger: runtime.logger,
        owner: `crm-cli-${process.pid}`,
        batchSize: 1000,
        onProgress: ({ done, total }) => update(done, total),
      });
      if (!(await runner.rebuild(interrupted))) throw new InterruptedError();
    } finally {
      await releaseOwnership(connection, projection.name).catch(() => undefined);
    }
  });
};

/** `crm rebuild [projection...]`: rebuild from the log into a scratch schema, then swap it in. */
export const rebuildCommand = (): Command =>
  new Command('rebuild')
    .description(
      'rebuilds read models from the whole log into a scratch schema and swaps it in (queries keep working meanwhile); all of them when none is named',
    )
    .argument('[projection...]', 'customer_360, lifecycle_funnel, profit_tiers, …')
    .option('--json', 'JSON for scripts')
    .action(async (names: string[], flags: { json?: boolean }, command: Command) => {
      await withRuntime(command, { connections: 4 }, async (runtime) => {
        const chosen = pickProjections(runtime, names);
        const progress = createProgress();
        const done: Array<{ projection: string; events: number; seconds: number }> = [];
        try {
          for (const projection of chosen) {
            const bar = progress.bar(`Rebuilding ${projection.name}`, 0);
            const started = Date.now();
            let applied = 0;
            await rebuildOne(runtime, projection, (events, total) => {
              applied = events;
              bar.update(events, total);
            });
            bar.finish();
            done.push({
              projection: projection.name,
              events: applied,
              seconds: (Date.now() - started) / 1000,
            });
          }
        } finally {
          progress.stop();
        }
        if (flags.json === true) processOutput.json({ rebuilt: done });
        else {
          for (const entry of done) {
            processOutput.result(
              `Rebuilt ${entry.projection}: ${count(entry.events)} events in ${entry.seconds.toFixed(1)} s.`,
            );
          }
        }
      });
    });
