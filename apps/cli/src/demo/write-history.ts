import { type CommandResult, eventIdFor } from '@crm/command-handling';
import type { SeedCommand } from '@crm/seed';
import type { Handle } from '../runtime.ts';

/** What writing a seeded history did. */
export interface WriteOutcome {
  readonly commands: number;
  readonly events: number;
  /** Commands not accepted (the seed promises none): the first few, for the report. */
  readonly refused: ReadonlyArray<{
    readonly command: SeedCommand;
    readonly result: CommandResult;
  }>;
  readonly refusedCount: number;
}

/** How the history is written. */
export interface WriteOptions {
  readonly handle: Handle;
  /** Commands in flight at once (each on a different stream). */
  readonly concurrency: number;
  readonly signal: AbortSignal;
  readonly onProgress: (commands: number, events: number) => void;
}

/**
 * Sends a seeded history through command handling as fast as the stores allow while keeping
 * what matters of its order: the commands of one stream run one after the other in the
 * history's order (each is decided on the state the previous one left), different streams run
 * side by side, `concurrency` at a time. An erasure is a barrier: everything before it has
 * finished before the key is deleted, nothing after it starts before. Every command carries its
 * business instant as `occurredAt`, and a policy reaction the correlation and causation the
 * policy runner would give it (the triggering command and event), so the log reads as the CRM
 * lived it and a policy runner over it finds only replays.
 */
export const writeHistory = async (
  history: Iterable<SeedCommand>,
  options: WriteOptions,
): Promise<WriteOutcome> => {
  const { handle, concurrency, signal } = options;
  const tails = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  const refused: Array<{ command: SeedCommand; result: CommandResult }> = [];
  let refusedCount = 0;
  let commands = 0;
  let events = 0;
  let running = 0;
  const waiting: Array<() => void> = [];
  const acquire = async (): Promise<void> => {
    if (running < concurrency) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next === undefined) running -= 1;
    else next();
  };
  const send = async (item: SeedCommand): Promise<void> => {
    await acquire();
    try {
      const reaction = item.reaction;
      const result = await handle(item.command, {
        commandId: item.commandId,
        actor: item.actor,
        occurredAt: item.at,
        ...(reaction === undefined
          ? {}
          : {
              correlationId: reaction.triggerCommandId,
              causationId: eventIdFor(reaction.triggerCommandId, reaction.triggerEventIndex),
            }),
      });
      commands += 1;
      if (result.kind === 'accepted') events += result.events.length;
      else {
        refusedCount += 1;
        if (refused.length < 5) refused.push({ command: item, result });
      }
      options.onProgress(commands, events);
    } finally {
      release();
    }
  };
  const drain = async (): Promise<void> => {
    await Promise.all(inFlight);
  };
  for (const item of history) {
    if (signal.aborted) break;
    const barrier = item.command.type === 'ErasePersonalData';
    if (barrier) await drain();
    // Bounded look-ahead: the generator is lazy, and so is memory.
    while (inFlight.size >= concurrency * 8) await Promise.race(inFlight);
    const previous = tails.get(item.streamName);
    const task = (previous === undefined ? send(item) : previous.then(() => send(item))).finally(
      () => {
        inFlight.delete(task);
        if (tails.get(item.streamName) === task) tails.delete(item.streamName);
      },
    );
    tails.set(item.streamName, task);
    inFlight.add(task);
    if (barrier) await drain();
  }
  await drain();
  return { commands, events, refused, refusedCount };
};
