import {
  type EventFilter,
  type EventSubscription,
  matchesFilter,
  type RecordedEvent,
} from '@crm/event-store';

/** What a subscription needs from the store: the log, and a way to wait for it to grow. */
export interface MemoryLog {
  readonly events: ReadonlyArray<RecordedEvent>;
  /** Resolves on the next append (or when the store closes). */
  readonly changed: () => Promise<void>;
  readonly closed: () => boolean;
}

/**
 * A catch-up subscription over the in-memory log. It is pulled: each `next()` scans forward
 * from where the last one stopped, so nothing is read ahead of the consumer; at the head it
 * waits for the next append instead of polling.
 */
export class MemorySubscription implements EventSubscription, AsyncIterator<RecordedEvent> {
  private nextIndex: number;
  private ended = false;
  private wake: (() => void) | undefined;
  /** Serialises `next()` calls, so two unawaited pulls never deliver one event twice. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly log: MemoryLog,
    startIndex: number,
    private readonly filter: EventFilter | undefined,
    signal: AbortSignal | undefined,
  ) {
    this.nextIndex = startIndex;
    if (signal?.aborted === true) this.end();
    else signal?.addEventListener('abort', () => this.end(), { once: true });
  }

  readonly stop = async (): Promise<void> => {
    this.end();
  };

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    const result = this.queue.then(() => this.pull());
    this.queue = result.catch(() => undefined);
    return result;
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    this.end();
    return { done: true, value: undefined };
  }

  private end(): void {
    this.ended = true;
    this.wake?.();
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.ended || this.log.closed()) return { done: true, value: undefined };
      const events = this.log.events;
      while (this.nextIndex < events.length) {
        const event = events[this.nextIndex] as RecordedEvent;
        this.nextIndex += 1;
        if (matchesFilter(event.streamName, event.type, this.filter)) {
          return { done: false, value: event };
        }
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        void this.log.changed().then(resolve);
      });
      this.wake = undefined;
    }
  }
}
