import { randomUUID } from 'node:crypto';
import {
  type Command,
  type DomainError,
  decodeByType,
  type Instant,
  type VersionedEvent,
} from '@crm/domain';
import { type EventStore, isEventStoreError, streamNameOf } from '@crm/event-store';
import * as E from 'fp-ts/lib/Either.js';
import { forbidden } from '../authorisation/forbidden.ts';
import { type RoleTable, scopeOf } from '../authorisation/role-table.ts';
import type {
  CommandOutcomeStore,
  OutcomeClaim,
  RecordedOutcome,
} from '../idempotency/command-outcome-store.ts';
import { recordAccepted, recordRejected, replayOutcome } from '../idempotency/recorded-outcome.ts';
import { canonicalJson } from '../integrity/canonical-json.ts';
import { type KeyRing, keyRingOf } from '../privacy/key-ring.ts';
import { isKeyStoreError, type KeyStore } from '../privacy/key-store.ts';
import { sealState } from '../snapshots/snapshot-codec.ts';
import type { SnapshotStore } from '../snapshots/snapshot-store.ts';
import { loadAggregate } from './aggregate-loader.ts';
import { type CheckedContext, type CommandContext, checkContext } from './command-context.ts';
import {
  type CommandHandlingError,
  commandHandlingError,
  HandlingFailure,
} from './command-handling-error.ts';
import { type CommandLogger, silentLogger } from './command-logger.ts';
import type { CommandAccepted, CommandResult } from './command-result.ts';
import type { CommandRoute } from './command-route.ts';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy, sleep } from './retry-policy.ts';
import type { RoutingTable } from './routing-table.ts';
import { prepareEvents, toJson } from './stored-event.ts';

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

interface RunOutcome<TEvent extends VersionedEvent, TError extends DomainError> {
  readonly result: CommandResult<TEvent, TError>;
  /** Whether the result is final for this command id (malformed input is not). */
  readonly final: boolean;
  readonly subject: string | undefined;
}

const appendFailure = (error: unknown, streamName: string): CommandHandlingError => {
  if (error instanceof HandlingFailure) return error.error;
  if (isEventStoreError(error, 'StreamDeleted')) {
    return commandHandlingError('StreamDeleted', error.message, { streamName, cause: error });
  }
  if (isKeyStoreError(error)) {
    return error.code === 'SubjectErased'
      ? commandHandlingError('PersonalDataErased', error.message, { streamName })
      : commandHandlingError('Unavailable', error.message, { streamName, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return commandHandlingError('Unavailable', `A store failed: ${message}`, {
    streamName,
    cause: error,
  });
};

// A twin attempt of this command appended its events between our load and our append.
const isOwnIdClash = (error: unknown): boolean =>
  isEventStoreError(error, 'InvalidInput') &&
  /^events\[\d+\]\.eventId$/.test(error.details.field ?? '');

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
  const { eventStore, routes, roles, keyStore, outcomes, snapshots } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const leaseMs = options.leaseMs ?? 10_000;
  const inProgressWaitMs = options.inProgressWaitMs ?? 5_000;
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;
  const routeOfStream = (streamName: string): CommandRoute | undefined =>
    routes.routeOfAggregate(streamName.slice(0, Math.max(0, streamName.indexOf('-'))));

  const claim = async (commandId: string, holder: string): Promise<OutcomeClaim> => {
    const deadline = Date.now() + inProgressWaitMs;
    for (let attempt = 0; ; attempt += 1) {
      const found = await outcomes.claim(commandId, holder, leaseMs);
      const left = deadline - Date.now();
      if (found.status !== 'busy' || left <= 0) return found;
      await sleep(
        Math.min(
          left,
          1 + backoffDelay({ maxAttempts: 0, baseDelayMs: 5, maxDelayMs: 100 }, attempt, random),
        ),
      );
    }
  };

  const run = async (
    command: unknown,
    checked: CheckedContext,
    mayHaveActed: boolean,
    keys: KeyRing,
    log: CommandLogger,
  ): Promise<RunOutcome<TEvent, TError>> => {
    const { commandId, actor } = checked;
    const decoded = decodeByType(routes.commandCodecs, command);
    if (E.isLeft(decoded)) {
      return {
        result: { kind: 'rejected', commandId, streamName: undefined, error: decoded.left },
        final: false,
        subject: undefined,
      };
    }
    const typed = decoded.right as Command;
    const route = routes.routeOfCommand(typed.type) as CommandRoute<TEvent, TError>;
    const aggregateId = route.aggregateIdOf(typed);
    const streamName = streamNameOf(route.aggregate, aggregateId);
    const scope = scopeOf(roles, actor.role, route.aggregate, typed.type);
    if (scope === undefined) {
      const error = forbidden('RoleNotAllowed', actor, typed.type, streamName);
      return {
        result: { kind: 'rejected', commandId, streamName, error },
        final: true,
        subject: undefined,
      };
    }
    const metadata = {
      commandId,
      correlationId: checked.correlationId ?? commandId,
      causationId: checked.causationId ?? commandId,
      actor,
      occurredAt: checked.occurredAt ?? (clock().toISOString() as Instant),
    };
    for (let attempt = 0; ; attempt += 1) {
      const loaded = await loadAggregate({
        eventStore,
        snapshots,
        keys,
        route,
        streamName,
        commandId,
        // An earlier attempt may have appended events that a later snapshot now hides.
        useSnapshot: !(mayHaveActed && attempt === 0),
        logger: log,
      });
      const subject = route.snapshotSubjectOf(loaded.state, aggregateId);
      const lastOwn = loaded.ownEvents[loaded.ownEvents.length - 1];
      if (lastOwn !== undefined) {
        log.info({ streamName }, 'command already appended by an earlier attempt');
        const result: CommandAccepted<TEvent> = {
          kind: 'accepted',
          commandId,
          streamName,
          events: loaded.ownEvents as CommandAccepted<TEvent>['events'],
          revision: lastOwn.revision,
          position: undefined,
        };
        return { result, final: true, subject };
      }
      if (scope === 'own' && route.ownerOf(loaded.state, typed) !== actor.id) {
        const error = forbidden('NotOwner', actor, typed.type, streamName);
        return { result: { kind: 'rejected', commandId, streamName, error }, final: true, subject };
      }
      const decision = route.decide(typed, loaded.state);
      if (E.isLeft(decision)) {
        return {
          result: { kind: 'rejected', commandId, streamName, error: decision.left },
          final: true,
          subject,
        };
      }
      if (decision.right.length === 0) {
        const result = {
          kind: 'accepted',
          commandId,
          streamName,
          events: [],
          revision: loaded.revision,
          position: undefined,
        } as const;
        return { result, final: true, subject };
      }
      const erased = route.erasureSubjectOf(typed);
      if (erased !== undefined) {
        // Key first: if the append then fails, the data is already unreadable, and a retry
        // appends the erasure event; the other order could leave data readable for good.
        await keyStore.erase(erased);
        await snapshots?.delete(streamName).catch(() => undefined);
        log.info({ streamName }, 'personal data key deleted');
      }
      const prepared = await prepareEvents({
        route,
        keys,
        streamName,
        aggregateId,
        state: loaded.state,
        revision: loaded.revision,
        previousHash: loaded.lastHash,
        events: decision.right,
        metadata,
      });
      try {
        const appended = await eventStore.append(streamName, prepared.newEvents, {
          expectedRevision: loaded.revision,
        });
        const expectedLast =
          (loaded.revision === 'no_stream' ? -1 : loaded.revision) + prepared.newEvents.length;
        if (appended.nextExpectedRevision !== expectedLast) {
          // The store already held these ids: a twin attempt appended them. Report what it stored.
          const replayed = await replayOutcome({
            commandId,
            recorded: {
              kind: 'accepted',
              streamName,
              firstRevision: appended.nextExpectedRevision - prepared.newEvents.length + 1,
              eventCount: prepared.newEvents.length,
              revision: appended.nextExpectedRevision,
              position: null,
            },
            eventStore,
            routeOf: routeOfStream,
            keys,
          });
          return {
            result: { ...(replayed as CommandAccepted<TEvent>), position: appended.position },
            final: true,
            subject,
          };
        }
        await takeSnapshot(route, keys, log, {
          streamName,
          aggregateId,
          state: prepared.state,
          revision: appended.nextExpectedRevision,
          eventId: prepared.newEvents[prepared.newEvents.length - 1]?.eventId ?? '',
          since: loaded.snapshotRevision,
        });
        const result: CommandAccepted<TEvent> = {
          kind: 'accepted',
          commandId,
          streamName,
          events: prepared.handled as CommandAccepted<TEvent>['events'],
          revision: appended.nextExpectedRevision,
          position: appended.position,
        };
        return { result, final: true, subject };
      } catch (error) {
        const conflict = isEventStoreError(error, 'WrongExpectedRevision') || isOwnIdClash(error);
        if (!conflict) throw error;
        if (attempt + 1 >= retry.maxAttempts) {
          throw new HandlingFailure(
            commandHandlingError(
              'ConcurrencyConflict',
              `${streamName} kept changing: gave up after ${retry.maxAttempts} attempts.`,
              { streamName },
            ),
          );
        }
        const delayMs = backoffDelay(retry, attempt, random);
        log.warn({ streamName, attempt: attempt + 1, delayMs }, 'stream moved on; deciding again');
        await sleep(delayMs);
      }
    }
  };

  const takeSnapshot = async (
    route: CommandRoute,
    keys: KeyRing,
    log: CommandLogger,
    at: {
      readonly streamName: string;
      readonly aggregateId: string;
      readonly state: unknown;
      readonly revision: number;
      readonly eventId: string;
      readonly since: number | undefined;
    },
  ): Promise<void> => {
    const rule = route.snapshots;
    if (
      rule === undefined ||
      snapshots === undefined ||
      at.revision - (at.since ?? -1) < rule.every
    )
      return;
    try {
      const state = await sealState(
        toJson(at.state),
        at,
        route.snapshotSubjectOf(at.state, at.aggregateId),
        keys,
      );
      if (state === undefined) return;
      await snapshots.save({
        streamName: at.streamName,
        revision: at.revision,
        eventId: at.eventId,
        stateVersion: rule.stateVersion,
        state,
      });
      log.debug({ streamName: at.streamName, revision: at.revision }, 'snapshot saved');
    } catch (error) {
      // Only an optimisation: the command has succeeded whatever happens here.
      log.warn({ err: error, streamName: at.streamName }, 'snapshot not saved');
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
        return failed(appendFailure(error, recorded.streamName ?? ''));
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
      outcome = await run(command, checked.right, claimed.mayHaveActed, keys, log);
    } catch (error) {
      await outcomes.release(commandId, holder).catch(() => undefined);
      return failed(appendFailure(error, ''));
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
