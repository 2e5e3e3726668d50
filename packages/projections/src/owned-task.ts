import type { Kysely } from 'kysely';
import { abortableSleep, untilAborted } from './abortable-sleep.ts';
import { ownerPidOf, releaseOwnership, tryAcquireOwnership } from './ownership.ts';
import { isProjectionPoisoned } from './projection-poisoned.ts';
import { isProjectionRuntimeError } from './projection-runtime-error.ts';
import type { RuntimeLogger } from './runtime-logger.ts';

/**
 * Work that exactly one live instance may do at a time: a projection, the policy runner.
 * `run` gets the connection that holds the ownership lock (a projection writes through it, so
 * its writes stop when the lock goes) and a signal that aborts on shutdown or when the lock is
 * lost; it should return soon after. Rejecting with `ProjectionPoisoned` keeps the ownership
 * without running (so no other instance retries the poison in a loop); with a
 * `ProjectionRuntimeError` `VersionAhead`, this instance leaves the task to others for good.
 */
export interface OwnedTask<TDatabase> {
  /** Unique among the tasks; the lock key derives from it. */
  readonly name: string;
  readonly run: (connection: Kysely<TDatabase>, signal: AbortSignal) => Promise<void>;
}

/** How the ownership loop behaves. */
export interface OwnershipSettings {
  /** How often a standby instance tries to take the task. */
  readonly acquireIntervalMs: number;
  /** How often the owner checks in `pg_locks` that its lock is still its own. */
  readonly heartbeatMs: number;
  /** The first pause after a failure; doubles up to 30 s. */
  readonly retryDelayMs: number;
}

/** What the loop tells its host. */
export interface OwnershipEvents {
  readonly onOwned: (owned: boolean) => void;
  readonly onFailure: (error: unknown) => void;
}

type Outcome = 'standby' | 'released' | 'failed' | 'retired';

/** Checks every `heartbeatMs` that `pid` still holds the lock; calls `lost` once when not. */
const watchOwnership = <TDatabase>(
  db: Kysely<TDatabase>,
  name: string,
  pid: number,
  heartbeatMs: number,
  lost: (reason: string) => void,
): (() => void) => {
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    ownerPidOf(db, name)
      .then((owner) => {
        if (owner !== pid) lost(`the lock is held by ${owner ?? 'no session'}`);
      })
      .catch((error: unknown) => lost(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        checking = false;
      });
  }, heartbeatMs);
  return () => clearInterval(timer);
};

/**
 * Keeps trying to own `task` until `signal` aborts: takes a pool connection, tries the
 * task's advisory lock on it, and if it got it, runs the task on that connection while a
 * heartbeat on another connection checks the lock is still held; then unlocks and gives the
 * connection back. A standby instance tries again every `acquireIntervalMs`, so it takes over
 * within about that long after the owner's connection ends (the server frees the lock then).
 */
export const ownTask = async <TDatabase>(input: {
  readonly db: Kysely<TDatabase>;
  readonly task: OwnedTask<TDatabase>;
  readonly signal: AbortSignal;
  readonly settings: OwnershipSettings;
  readonly logger: RuntimeLogger;
  readonly events: OwnershipEvents;
}): Promise<void> => {
  const { db, task, signal, settings, events } = input;
  const logger = input.logger.child({ task: task.name });
  let failures = 0;
  while (!signal.aborted) {
    let outcome: Outcome;
    try {
      outcome = await db.connection().execute(async (connection): Promise<Outcome> => {
        const pid = await tryAcquireOwnership(connection, task.name);
        if (pid === undefined) return 'standby';
        const lease = new AbortController();
        const endLease = (): void => lease.abort();
        signal.addEventListener('abort', endLease, { once: true });
        const stopWatching = watchOwnership(db, task.name, pid, settings.heartbeatMs, (reason) => {
          logger.warn({ backendPid: pid, reason }, 'ownership lost');
          lease.abort();
        });
        events.onOwned(true);
        logger.info({ backendPid: pid }, 'owner now');
        try {
          await task.run(connection, lease.signal);
          return 'released';
        } catch (error) {
          if (isProjectionPoisoned(error)) {
            // Kept, not released: another instance would only meet the same event again.
            await untilAborted(lease.signal);
            return 'released';
          }
          if (isProjectionRuntimeError(error, 'VersionAhead')) {
            logger.warn({ error: error.message }, 'left to newer instances');
            return 'retired';
          }
          throw error;
        } finally {
          stopWatching();
          signal.removeEventListener('abort', endLease);
          events.onOwned(false);
          await releaseOwnership(connection, task.name).catch(() => undefined);
          logger.info({ backendPid: pid }, 'ownership released');
        }
      });
    } catch (error) {
      events.onFailure(error);
      logger.warn(
        { error: error instanceof Error ? error.message : String(error), failures },
        'task failed; trying again',
      );
      outcome = 'failed';
    }
    if (outcome === 'retired') return;
    if (outcome === 'failed') {
      failures += 1;
      await abortableSleep(Math.min(settings.retryDelayMs * 2 ** (failures - 1), 30_000), signal);
    } else {
      if (outcome === 'released') failures = 0;
      await abortableSleep(settings.acquireIntervalMs, signal);
    }
  }
};
