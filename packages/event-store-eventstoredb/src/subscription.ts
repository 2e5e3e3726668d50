import { setTimeout as sleep } from 'node:timers/promises';
import {
  comparePositions,
  EventStoreError,
  type EventSubscription,
  type LogPosition,
  matchesFilter,
  type RecordedEvent,
  type ValidatedReadAll,
} from '@crm/event-store';
import type { AllStreamSubscription, EventStoreDBClient } from '@eventstore/db-client';
import { isTransient, translateError } from './errors.ts';
import { toLogPosition, toReadPosition, toRecordedEvent, toServerFilter } from './mapping.ts';
import { backoffDelay, type RetryPolicy } from './retry.ts';

/** What a subscription needs from its store. */
export interface SubscriptionContext {
  readonly client: EventStoreDBClient;
  readonly retry: RetryPolicy;
  /** Called once when the subscription ends, however it ends. */
  readonly onEnd: (subscription: EventStoreDbSubscription) => void;
  /** Set when the store is closed: the first pull then rejects with it. */
  readonly refusal?: EventStoreError;
}

/**
 * A catch-up subscription to `$all` on EventStoreDB's own catch-up subscription, with the
 * filter applied server-side (see `toServerFilter`) and checked again here.
 *
 * - Pull-based: the client's subscription is a Node stream read through its async iterator,
 *   so a consumer that stops pulling stops the reads (stream and HTTP/2 flow control).
 * - Nothing happens until the first pull; `[Symbol.asyncIterator]()` always returns the same
 *   iterator, so a second `for await` continues where the first stopped.
 * - A transient failure (server unavailable, leader change, the server dropping a slow
 *   subscriber) resubscribes from the last delivered event, after a jittered backoff, at most
 *   `retry.attempts` times in a row without progress; then the pull rejects with `Unavailable`.
 * - `stop()`, an aborted signal, `break` or `return()` end it: the pending pull, if any, resolves
 *   `done` and the server-side subscription is cancelled.
 */
export class EventStoreDbSubscription implements EventSubscription {
  private stopped = false;
  private current: AllStreamSubscription | undefined;
  private iterator: AsyncGenerator<RecordedEvent, void, undefined> | undefined;
  private ended = false;

  constructor(
    private readonly context: SubscriptionContext,
    private readonly options: ValidatedReadAll,
    signal: AbortSignal | undefined,
  ) {
    if (signal?.aborted === true) this.stopped = true;
    else signal?.addEventListener('abort', () => void this.stop(), { once: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.run();
    return this.iterator;
  }

  readonly stop = async (): Promise<void> => {
    this.stopped = true;
    await this.release();
    this.end();
  };

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.context.onEnd(this);
  }

  private async release(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (current === undefined) return;
    await current.unsubscribe().catch(() => undefined);
    current.destroy();
  }

  private async *run(): AsyncGenerator<RecordedEvent, void, undefined> {
    try {
      if (this.context.refusal !== undefined && !this.stopped) throw this.context.refusal;
      let after: LogPosition = this.options.after;
      let failures = 0;
      while (!this.stopped) {
        const subscription = this.context.client.subscribeToAll({
          fromPosition: toReadPosition(after),
          filter: toServerFilter(this.options.filter),
        });
        this.current = subscription;
        let failure: unknown;
        try {
          for await (const resolved of subscription) {
            if (this.stopped) return;
            failures = 0;
            const position = resolved.event?.position;
            if (position !== undefined) {
              const at = toLogPosition(position);
              // Strictly after the checkpoint, whatever the server's notion of "from": never twice.
              if (comparePositions(at, after) <= 0) continue;
              after = at;
            }
            const event = toRecordedEvent(resolved);
            if (event === undefined) continue;
            if (!matchesFilter(event.streamName, event.type, this.options.filter)) continue;
            yield event;
          }
          // A live subscription only ends when the server ends it: treat that as a drop.
          failure = EventStoreError.unavailable('EventStoreDB ended the subscription');
        } catch (error) {
          failure = error;
        } finally {
          if (this.current === subscription) await this.release();
        }
        if (this.stopped) return;
        failures += 1;
        const retryable = isTransient(failure) || failure instanceof EventStoreError;
        if (!retryable || failures >= this.context.retry.attempts) {
          throw translateError(failure, {});
        }
        await sleep(backoffDelay(failures - 1, this.context.retry));
      }
    } finally {
      this.stopped = true;
      this.end();
    }
  }
}
