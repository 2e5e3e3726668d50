import type { EventFilter, EventSubscription, LogPosition, RecordedEvent } from '@crm/event-store';
import type { LogPage } from './log-reader.ts';
import type { WakeUps } from './wake-ups.ts';

/** What a subscription needs from its store. */
export interface SubscriptionSource {
  readonly readPage: (
    after: LogPosition,
    limit: number,
    filter: EventFilter | undefined,
  ) => Promise<LogPage>;
  readonly wakeUps: WakeUps;
  readonly isClosed: () => boolean;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  /** Forget the subscription once it has ended. */
  readonly onEnd: (subscription: PostgresSubscription) => void;
}

/** The first retry after a read found events held back by an open transaction. */
const firstRetryMs = 2;

/**
 * A catch-up subscription to the PostgreSQL log. It reads a page when its consumer has taken
 * everything before it (pull: at most one page read ahead), catches up page by page, then waits
 * for a notification or the poll interval. When committed events wait behind a still-open older
 * transaction it re-reads on a short, growing delay until that transaction ends.
 */
export class PostgresSubscription implements EventSubscription, AsyncIterator<RecordedEvent> {
  private page: ReadonlyArray<RecordedEvent> = [];
  private index = 0;
  private cursor: LogPosition;
  /** Set when the last read reached the fence: what to wait for before reading again. */
  private caughtUp: { readonly seen: number; readonly heldBack: boolean } | undefined;
  private retryMs = firstRetryMs;
  private ended = false;
  private cancelWait: (() => void) | undefined;
  /** Serialises `next()` calls, so two unawaited pulls never deliver one event twice. */
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(
    private readonly source: SubscriptionSource,
    after: LogPosition,
    private readonly filter: EventFilter | undefined,
    signal: AbortSignal | undefined,
  ) {
    this.cursor = after;
    if (signal?.aborted === true) this.end();
    else signal?.addEventListener('abort', () => this.end(), { once: true });
    // Listen before the first read, so a commit during catch-up is not waited for.
    source.wakeUps.listen();
  }

  readonly stop = async (): Promise<void> => {
    this.end();
    await this.queue;
  };

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    // The common case, an event already read and no pull pending, skips the queue.
    const event = this.page[this.index];
    if (this.pending === 0 && event !== undefined && !this.source.isClosed()) {
      this.index += 1;
      return Promise.resolve({ done: false, value: event });
    }
    this.pending += 1;
    const result = this.queue.then(() => this.pull());
    this.queue = result.then(
      () => {
        this.pending -= 1;
      },
      () => {
        this.pending -= 1;
      },
    );
    return result;
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    await this.stop();
    return { done: true, value: undefined };
  }

  /** Ends the subscription: a pending pull resolves as done. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.page = [];
    this.cancelWait?.();
    this.source.onEnd(this);
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    const { readPage, wakeUps, batchSize, pollIntervalMs } = this.source;
    for (;;) {
      if (this.ended || this.source.isClosed()) {
        this.end();
        return { done: true, value: undefined };
      }
      const event = this.page[this.index];
      if (event !== undefined) {
        this.index += 1;
        return { done: false, value: event };
      }
      if (this.caughtUp !== undefined) {
        const { seen, heldBack } = this.caughtUp;
        await wakeUps.wait(seen, heldBack ? this.retryMs : pollIntervalMs, (cancel) => {
          this.cancelWait = cancel;
        });
        this.cancelWait = undefined;
        if (this.ended) continue;
        this.retryMs = heldBack ? Math.min(this.retryMs * 2, pollIntervalMs) : firstRetryMs;
      }
      const seen = wakeUps.seen;
      const page = await readPage(this.cursor, batchSize, this.filter);
      this.page = page.events;
      this.index = 0;
      this.cursor = page.next;
      this.caughtUp = page.full
        ? undefined
        : { seen, heldBack: page.newest !== undefined && page.newest >= page.fence };
    }
  }
}
