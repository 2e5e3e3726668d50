import {
  type CommandHandler,
  createPolicyRunner,
  crmPolicies,
  crmPolicyEventTypes,
  crmRoutingTable,
} from '@crm/command-handling';
import { createPostgresCheckpointStore } from '@crm/command-handling-postgres';
import { logStart } from '@crm/event-store';
import type { Runtime } from '../runtime.ts';

/**
 * Runs the policy runner over the log until it has read every event its policies react to,
 * then stops it. Over a seeded log every reaction was already sent with the runner's own
 * command id, so each comes back as a replay: the runner agrees with the history and adds
 * nothing. Reports how many trigger events are left as it goes.
 */
export const runPoliciesToEnd = async (
  runtime: Runtime,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
): Promise<{ readonly triggers: number }> => {
  const checkpoints = createPostgresCheckpointStore({ db: runtime.db });
  const filter = { eventTypes: crmPolicyEventTypes };
  const total = await runtime.countEvents(
    (await checkpoints.load('crm-policies')) ?? logStart,
    filter,
  );
  const runner = createPolicyRunner({
    name: 'crm-policies',
    eventStore: runtime.eventStore,
    handler: { handle: runtime.handle } as unknown as CommandHandler<never, never>,
    routes: crmRoutingTable,
    keyStore: runtime.keyStore,
    checkpoints,
    policies: crmPolicies,
    eventTypes: crmPolicyEventTypes,
    logger: runtime.logger,
  });
  const stop = new AbortController();
  const abort = () => stop.abort();
  signal.addEventListener('abort', abort);
  let failure: unknown;
  const running = runner.run(stop.signal).catch((error: unknown) => {
    failure = error;
  });
  try {
    for (;;) {
      if (failure !== undefined) throw failure;
      if (stop.signal.aborted) break;
      const left = await runtime.countEvents(
        (await checkpoints.load('crm-policies')) ?? logStart,
        filter,
      );
      onProgress(total - left, total);
      if (left === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    stop.abort();
    signal.removeEventListener('abort', abort);
    await running;
  }
  if (failure !== undefined) throw failure;
  return { triggers: total };
};
