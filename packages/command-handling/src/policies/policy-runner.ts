import type { Actor, Command, DomainError, VersionedEvent } from '@crm/domain';
import { categoryOf, type EventStore, positionToString } from '@crm/event-store';
import type { CommandHandler } from '../handling/command-handler.ts';
import {
  type CommandHandlingErrorCode,
  HandlingFailure,
} from '../handling/command-handling-error.ts';
import { type CommandLogger, silentLogger } from '../handling/command-logger.ts';
import { type DomainRecordedEvent, decodeRevealed, revealEvent } from '../handling/event-reader.ts';
import { backoffDelay, type RetryPolicy, sleep } from '../handling/retry-policy.ts';
import type { RoutingTable } from '../handling/routing-table.ts';
import { keyRingOf } from '../privacy/key-ring.ts';
import type { KeyStore } from '../privacy/key-store.ts';
import type { CheckpointStore } from './checkpoint-store.ts';

/**
 * A command a policy sends in reaction to an event. Its `commandId` must derive from the
 * triggering event alone (the domain's `policyCommandId`), so reacting again after a crash
 * sends the same id and the handler returns the first outcome instead of acting twice.
 */
export interface PolicyReaction {
  readonly policy: string;
  readonly commandId: string;
  readonly command: Command;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
}

// Failures worth retrying: the stores may come back, the stream settle, a twin finish.
const transient: ReadonlySet<CommandHandlingErrorCode> = new Set([
  'Unavailable',
  'ConcurrencyConflict',
  'CommandInProgress',
]);

/** A policy: a pure reaction to one stored domain event. */
export type PolicyFunction = (event: DomainRecordedEvent) => ReadonlyArray<PolicyReaction>;

/** What a policy runner is built from. */
export interface PolicyRunnerOptions<TEvent extends VersionedEvent, TError extends DomainError> {
  /** The checkpoint's name; one runner per name at a time. */
  readonly name: string;
  readonly eventStore: EventStore;
  readonly handler: CommandHandler<TEvent, TError>;
  readonly routes: RoutingTable<TEvent, TError>;
  readonly keyStore: KeyStore;
  readonly checkpoints: CheckpointStore;
  readonly policies: ReadonlyArray<PolicyFunction>;
  /** Only these event types are read (the policies' triggers); all when omitted. */
  readonly eventTypes?: ReadonlyArray<string>;
  readonly logger?: CommandLogger;
  /** Back-off between retries of a command whose handling failed (never given up). */
  readonly retry?: Omit<RetryPolicy, 'maxAttempts'>;
}

/** A running policy runner. */
export interface PolicyRunner {
  /** Reads the log from the checkpoint, catch-up then live, until `signal` aborts. */
  readonly run: (signal: AbortSignal) => Promise<void>;
}

/**
 * Runs policies from the global log through a checkpointed subscription. For each event it
 * sends every reaction through the same command handling as any client, retrying transient
 * failures (a permanent one is logged as an error and passed), and only then saves the event's
 * position. A crash at any point therefore re-delivers at
 * most the events after the checkpoint, whose reactions carry the same command ids, and
 * command idempotence turns them into replays of the first outcome: never acted twice.
 *
 * @example
 * const runner = createPolicyRunner({ name: 'crm-policies', eventStore, handler, routes, keyStore, checkpoints, policies: crmPolicyFunctions });
 * const stop = new AbortController();
 * void runner.run(stop.signal);
 */
export const createPolicyRunner = <TEvent extends VersionedEvent, TError extends DomainError>(
  options: PolicyRunnerOptions<TEvent, TError>,
): PolicyRunner => {
  const logger = (options.logger ?? silentLogger).child({ policyRunner: options.name });
  const retry = options.retry ?? { baseDelayMs: 20, maxDelayMs: 2_000 };

  const send = async (reaction: PolicyReaction, signal: AbortSignal): Promise<boolean> => {
    const log = logger.child({ correlationId: reaction.correlationId });
    const about = { policy: reaction.policy, commandId: reaction.commandId };
    for (let attempt = 0; !signal.aborted; attempt += 1) {
      const result = await options.handler.handle(reaction.command, {
        commandId: reaction.commandId,
        actor: reaction.actor,
        correlationId: reaction.correlationId,
        causationId: reaction.causationId,
        logger,
      });
      if (result.kind === 'rejected') {
        log.warn({ ...about, error: result.error._tag }, 'policy command refused');
      }
      if (result.kind !== 'failed') return true;
      if (!transient.has(result.error.code)) {
        // Retrying cannot help (the stream is gone, the data erased, an event corrupt): say so
        // loudly and move on rather than stall every policy behind it.
        log.error({ ...about, code: result.error.code }, 'policy command failed for good');
        return true;
      }
      await sleep(backoffDelay({ ...retry, maxAttempts: 0 }, attempt));
    }
    return false;
  };

  const run = async (signal: AbortSignal): Promise<void> => {
    if (signal.aborted) return;
    const after = await options.checkpoints.load(options.name);
    const subscription = options.eventStore.subscribeToAll({
      ...(after === undefined ? {} : { after }),
      ...(options.eventTypes === undefined ? {} : { filter: { eventTypes: options.eventTypes } }),
      signal,
    });
    logger.info(
      { after: after === undefined ? null : positionToString(after) },
      'policy runner started',
    );
    try {
      for await (const recorded of subscription) {
        const route = options.routes.routeOfAggregate(categoryOf(recorded.streamName));
        if (route !== undefined) {
          let event: DomainRecordedEvent | undefined;
          try {
            event = decodeRevealed(route, await revealEvent(recorded, keyRingOf(options.keyStore)));
          } catch (error) {
            if (!(error instanceof HandlingFailure)) throw error;
            // A poison event: no policy can read it. Say so loudly and move on.
            logger.error({ code: error.error.code, eventId: recorded.eventId }, error.message);
          }
          for (const reaction of event === undefined
            ? []
            : options.policies.flatMap((p) => p(event))) {
            if (!(await send(reaction, signal))) return;
          }
        }
        await options.checkpoints.save(options.name, recorded.position);
      }
    } finally {
      await subscription.stop();
      logger.info({}, 'policy runner stopped');
    }
  };

  return { run };
};
