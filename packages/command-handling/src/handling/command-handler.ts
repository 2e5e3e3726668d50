import { randomUUID } from 'node:crypto';
import type { DomainError, VersionedEvent } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import * as E from 'fp-ts/lib/Either.js';
import type { RoleTable } from '../authorisation/role-table.ts';
import type {
  CommandOutcomeStore,
  OutcomeClaim,
  RecordedOutcome,
} from '../idempotency/command-outcome-store.ts';
import { recordAccepted, recordRejected, replayOutcome } from '../idempotency/recorded-outcome.ts';
import { canonicalJson } from '../integrity/canonical-json.ts';
import { keyRingOf } from '../privacy/key-ring.ts';
import type { KeyStore } from '../privacy/key-store.ts';
import type { SnapshotStore } from '../snapshots/snapshot-store.ts';
import { type CommandContext, checkContext } from './command-context.ts';
import { type CommandHandlingError, commandHandlingError } from './command-handling-error.ts';
import { type CommandLogger, silentLogger } from './command-logger.ts';
import type { CommandAccepted, CommandResult } from './command-result.ts';
import type { CommandRoute } from './command-route.ts';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy, sleep } from './retry-policy.ts';
import type { RoutingTable } from './routing-table.ts';
import { type RunOutcome, runCommand } from './run-command.ts';
import { toJson } from './stored-event.ts';
import { toHandlingError } from './to-handling-error.ts';

/** What a command handler is built from. */
export interface CommandHandlerOptions<TEvent extends VersionedEvent, TError extends DomainError> {
  readonly eventStore: EventStore;
  readonly routes: RoutingTable<TEvent, TError>;
  readonly roles: RoleTable;
  readonly keyStore: KeyStore;
  /** The record of handled commands; durable (PostgreSQL) wherever a restart must not act twice. */
  readonly outcomes: CommandOutcomeStore;
  /** Without one, every load reads the whole stream. */
  readonly snapshots?: SnapshotStore;
  readonly retry?: RetryPolicy;
  /** How long a claim on a command id holds before another attempt may take over (10 s). */
  readonly leaseMs?: number;
  /** How long a duplicate waits for a running twin's outcome before `CommandInProgress` (5 s). */
  readonly inProgressWaitMs?: number;
  /** Used when the context brings none. */
  readonly logger?: CommandLogger;
  /** Gives `occurredAt` when the context has none. */
  readonly clock?: () => Date;
  /** For the retry jitter; `Math.random` by default. */
  readonly random?: () => number;
}

/** Runs commands; see `createCommandHandler`. */
export interface CommandHandler<TEvent extends VersionedEvent, TError extends DomainError> {
  /**
   * Decodes, authorises, loads, decides and appends one command; never throws. Sending the
   * same `context.commandId` again returns the first outcome and acts no more.
   */
  readonly handle: (
    command: unknown,
    context: CommandContext,
  ) => Promise<CommandResult<TEvent, TError>>;
}

/**
 * Builds the one entry point services call to run CRM commands safely against any event store.
 * For each command: decode with its codec (`InvalidInput` naming the field), authorise by the
 * actor's role (`Forbidden`), load the aggregate (snapshot + tail), decide, and append with
 * the expected revision; on a conflict, reload and decide again with jittered back-off. Event
 * ids derive from the command id, so a retry appends the same ids and the store keeps them
 * once; the outcome is recorded under the command id, so a duplicate returns it unchanged.
 *
 * @example
 * const { handle } = createCommandHandler({ eventStore, routes: crmRoutingTable, roles: crmRoleTable, keyStore, outcomes });
 * const result = await handle(
 *   { type: 'WinDeal', data: { dealId: 'd-1', at: '2026-03-01T10:00:00Z', ... } },
 *   { commandId: 'cmd-7', actor: { id: 'u-ana', role: 'sales_rep' }, logger },
 * );
 * if (result.kind === 'accepted') result.revision;
 */
export const createCommandHandler = <TEvent extends VersionedEvent, TError extends DomainError>(
  options: CommandHandlerOptions<TEvent, TError>,
): CommandHandler<TEvent, TError> => {
  const { eventStore, routes, keyStore, outcomes, snapshots } = options;
  const leaseMs = options.leaseMs ?? 10_000;
  const inProgressWaitMs = options.inProgressWaitMs ?? 5_000;
  const random = options.random ?? Math.random;
  const routeOfStream = (streamName: string): CommandRoute | undefined =>
    routes.routeOfAggregate(streamName.slice(0, Math.max(0, streamName.indexOf('-'))));

  // Waits for a running twin's outcome (polling with back-off) up to `inProgressWaitMs`.
  const claim = async (commandId: string, holder: string): Promise<OutcomeClaim> => {
    const deadline = Date.now() + inProgressWaitMs;
    const poll = { maxAttempts: 0, baseDelayMs: 5, maxDelayMs: 100 };
    for (let attempt = 0; ; attempt += 1) {
      const found = await outcomes.claim(commandId, holder, leaseMs);
      const left = deadline - Date.now();
      if (found.status !== 'busy' || left <= 0) return found;
      await sleep(Math.min(left, 1 + backoffDelay(poll, attempt, random)));
    }
  };

  const handle = async (
    command: unknown,
    context: CommandContext,
  ): Promise<CommandResult<TEvent, TError>> => {
    const base = context.logger ?? options.logger ?? silentLogger;
    const checked = checkContext(context);
    const commandType =
      typeof command === 'object' && command !== null
        ? (command as { type?: unknown }).type
        : undefined;
    if (E.isLeft(checked)) {
      base
        .child({ correlationId: context.correlationId ?? context.commandId })
        .info({ field: checked.left.field }, 'command context rejected');
      return {
        kind: 'rejected',
        commandId: String(context.commandId),
        streamName: undefined,
        error: checked.left,
      };
    }
    const { commandId, actor } = checked.right;
    const log = base.child({
      correlationId: checked.right.correlationId ?? commandId,
      causationId: checked.right.causationId ?? commandId,
      commandId,
      commandType: typeof commandType === 'string' ? commandType : null,
      actorId: actor.id,
      role: actor.role,
    });
    const keys = keyRingOf(keyStore);
    const holder = randomUUID();
    const failed = (error: CommandHandlingError): CommandResult<TEvent, TError> => {
      log.error(
        { code: error.code, streamName: error.streamName, err: error.cause },
        error.message,
      );
      return { kind: 'failed', commandId, error };
    };
    const replay = async (recorded: RecordedOutcome): Promise<CommandResult<TEvent, TError>> => {
      try {
        const result = (await replayOutcome({
          commandId,
          recorded,
          eventStore,
          routeOf: routeOfStream,
          keys,
        })) as CommandResult<TEvent, TError>;
        log.info({ kind: result.kind }, 'command handled before: original outcome returned');
        return result;
      } catch (error) {
        return failed(toHandlingError(error, recorded.streamName ?? ''));
      }
    };

    let claimed: OutcomeClaim;
    try {
      claimed = await claim(commandId, holder);
    } catch (error) {
      return failed(
        commandHandlingError('Unavailable', 'The command outcome store failed.', { cause: error }),
      );
    }
    if (claimed.status === 'completed') return replay(claimed.outcome);
    if (claimed.status === 'busy') {
      return failed(
        commandHandlingError(
          'CommandInProgress',
          `Command ${commandId} is being handled by another attempt; retry later for its outcome.`,
        ),
      );
    }
    log.debug({ mayHaveActed: claimed.mayHaveActed }, 'command received');

    let outcome: RunOutcome<TEvent, TError>;
    try {
      outcome = await runCommand(
        {
          eventStore,
          keyStore,
          snapshots,
          keys,
          routeOfStream,
          log,
          routes,
          roles: options.roles,
          retry: options.retry ?? defaultRetryPolicy,
          clock: options.clock ?? (() => new Date()),
          random,
        },
        command,
        checked.right,
        claimed.mayHaveActed,
      );
    } catch (error) {
      await outcomes.release(commandId, holder).catch(() => undefined);
      return failed(toHandlingError(error, ''));
    }
    const { result } = outcome;
    if (result.kind === 'failed' || !outcome.final) {
      await outcomes.release(commandId, holder).catch(() => undefined);
    } else {
      const ours =
        result.kind === 'accepted'
          ? recordAccepted(result as CommandAccepted)
          : await recordRejected(result, outcome.subject, keys).catch(() => undefined);
      if (ours !== undefined) {
        try {
          const kept = await outcomes.complete(commandId, holder, ours);
          if (canonicalJson(toJson(kept)) !== canonicalJson(toJson(ours))) return replay(kept);
        } catch (error) {
          // The command has acted; a duplicate will find its events in the stream.
          log.error({ err: error }, 'outcome not recorded');
        }
      }
    }
    if (result.kind === 'accepted') {
      log.info(
        {
          streamName: result.streamName,
          revision: result.revision,
          events: result.events.map((e) => e.type),
        },
        'command accepted',
      );
    } else if (result.kind === 'rejected') {
      log.info({ streamName: result.streamName, error: result.error._tag }, 'command rejected');
    }
    return result;
  };

  return { handle };
};
