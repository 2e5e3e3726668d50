import {
  type Command,
  type DomainError,
  decodeByType,
  type Instant,
  type VersionedEvent,
} from '@crm/domain';
import { streamNameOf } from '@crm/event-store';
import * as E from 'fp-ts/lib/Either.js';
import { forbidden } from '../authorisation/forbidden.ts';
import { type RoleTable, scopeOf } from '../authorisation/role-table.ts';
import { type AttemptDependencies, attemptCommand } from './attempt-command.ts';
import type { CheckedContext } from './command-context.ts';
import { commandHandlingError, HandlingFailure } from './command-handling-error.ts';
import type { CommandResult } from './command-result.ts';
import type { CommandRoute } from './command-route.ts';
import { backoffDelay, type RetryPolicy, sleep } from './retry-policy.ts';
import type { RoutingTable } from './routing-table.ts';

/** What running a command ended in. */
export interface RunOutcome<TEvent extends VersionedEvent, TError extends DomainError> {
  readonly result: CommandResult<TEvent, TError>;
  /** Whether the result is the command's outcome for good (malformed input is not). */
  readonly final: boolean;
  /** The aggregate's data subject, whose key encrypts a recorded refusal. */
  readonly subject: string | undefined;
}

/**
 * Decodes the command, checks the role table, then decides and appends, deciding again on a
 * fresh state after each wrong-revision conflict, with jittered back-off, at most
 * `retry.maxAttempts` times (then `ConcurrencyConflict`).
 */
export const runCommand = async <TEvent extends VersionedEvent, TError extends DomainError>(
  deps: AttemptDependencies & {
    readonly routes: RoutingTable<TEvent, TError>;
    readonly roles: RoleTable;
    readonly retry: RetryPolicy;
    readonly clock: () => Date;
    readonly random: () => number;
  },
  command: unknown,
  context: CheckedContext,
  mayHaveActed: boolean,
): Promise<RunOutcome<TEvent, TError>> => {
  const { commandId, actor } = context;
  const decoded = decodeByType(deps.routes.commandCodecs, command);
  if (E.isLeft(decoded)) {
    const result = {
      kind: 'rejected',
      commandId,
      streamName: undefined,
      error: decoded.left,
    } as const;
    return { result, final: false, subject: undefined };
  }
  const typed = decoded.right as Command;
  // Decoding succeeded, so the table has a route for this type.
  const route = deps.routes.routeOfCommand(typed.type) as CommandRoute<TEvent, TError>;
  const aggregateId = route.aggregateIdOf(typed);
  const streamName = streamNameOf(route.aggregate, aggregateId);
  const scope = scopeOf(deps.roles, actor.role, route.aggregate, typed.type);
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
    correlationId: context.correlationId ?? commandId,
    causationId: context.causationId ?? commandId,
    actor,
    occurredAt: context.occurredAt ?? (deps.clock().toISOString() as Instant),
  };
  for (let attempt = 0; attempt < deps.retry.maxAttempts; attempt += 1) {
    if (attempt > 0) {
      const delayMs = backoffDelay(deps.retry, attempt - 1, deps.random);
      deps.log.warn({ streamName, attempt, delayMs }, 'stream moved on; deciding again');
      await sleep(delayMs);
    }
    const outcome = await attemptCommand(deps, {
      route,
      command: typed,
      aggregateId,
      streamName,
      scope,
      metadata,
      // An earlier attempt may have appended events that a later snapshot now hides.
      useSnapshot: !(mayHaveActed && attempt === 0),
    });
    if (outcome.kind === 'done')
      return { result: outcome.result, final: true, subject: outcome.subject };
  }
  throw new HandlingFailure(
    commandHandlingError(
      'ConcurrencyConflict',
      `${streamName} kept changing: gave up after ${deps.retry.maxAttempts} attempts.`,
      { streamName },
    ),
  );
};
