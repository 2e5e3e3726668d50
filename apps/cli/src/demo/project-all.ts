import { logStart } from '@crm/event-store';
import {
  type AnyProjection,
  createProjectionRunner,
  type EventDecoder,
  loadCheckpoint,
  releaseOwnership,
  tryAcquireOwnership,
} from '@crm/projections';
import { CliError } from '../cli-error.ts';
import type { Runtime } from '../runtime.ts';

/**
 * Brings every projection up to the end of the log, side by side, each on a connection that
 * holds its ownership lock (as a projector instance would), and reports each one's progress.
 */
export const projectAll = async (
  runtime: Runtime,
  decode: EventDecoder,
  signal: AbortSignal,
  onProgress: (projection: AnyProjection, done: number, total: number) => void,
): Promise<void> => {
  await Promise.all(
    runtime.projections.map(async (projection) => {
      const filter =
        projection.eventTypes === undefined ? undefined : { eventTypes: projection.eventTypes };
      const from =
        (await loadCheckpoint(runtime.db, projection.name).catch(() => undefined))?.position ??
        logStart;
      const total = await runtime.countEvents(from, filter);
      onProgress(projection, 0, total);
      await runtime.db.connection().execute(async (connection) => {
        if ((await tryAcquireOwnership(connection, projection.name)) === undefined) {
          throw new CliError(
            'unavailable',
            `${projection.name} is owned by a running projector; the demo leaves it to it.`,
          );
        }
        try {
          const runner = createProjectionRunner({
            db: connection,
            eventStore: runtime.eventStore,
            projection,
            decode,
            counter: runtime.countEvents,
            logger: runtime.logger,
            owner: `crm-demo-${process.pid}`,
            batchSize: 1000,
          });
          const timer = setInterval(
            () => onProgress(projection, runner.status().eventsApplied, total),
            200,
          );
          try {
            await runner.catchUp(signal);
          } finally {
            clearInterval(timer);
          }
          onProgress(
            projection,
            runner.status().eventsApplied,
            Math.max(total, runner.status().eventsApplied),
          );
        } finally {
          await releaseOwnership(connection, projection.name).catch(() => undefined);
        }
      });
    }),
  );
};
