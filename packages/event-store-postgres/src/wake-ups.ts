import type { EventNotifications } from './event-notifications.ts';

/**
 * One LISTEN shared by all of a store's subscriptions, and a counter of notifications that lets
 * a subscription see whether one arrived while it was reading (so none slips between its read
 * and its wait).
 */
export class WakeUps {
  private count = 0;
  private readonly waiters = new Set<() => void>();
  private listening: Promise<void> | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private closed = false;

  constructor(
    private readonly notifications: EventNotifications | undefined,
    private readonly channel: string,
  ) {}

  /** How many notifications have arrived; compare before and after a read. */
  get seen(): number {
    return this.count;
  }

  /** Starts listening unless it is already (again, after the connection was lost). */
  listen(): void {
    if (this.notifications === undefined || this.listening !== undefined || this.closed) return;
    this.listening = this.notifications
      .listen(
        this.channel,
        () => this.wake(),
        () => {
          // The connection died: wake everyone to poll; the next wait listens again.
          this.unlisten = undefined;
          this.listening = undefined;
          this.wake();
        },
      )
      .then(
        async (unlisten) => {
          if (this.closed) await unlisten();
          else this.unlisten = unlisten;
        },
        () => {
          // Could not listen (no connection to spare?): subscriptions poll until a later try.
          this.listening = undefined;
        },
      );
  }

  /**
   * Resolves when a notification arrives after `seen` (at once if one already has), after
   * `timeoutMs`, on `close()`, or when the function handed to `onCancel` is called.
   */
  wait(seen: number, timeoutMs: number, onCancel?: (cancel: () => void) => void): Promise<void> {
    if (this.count !== seen || this.closed) return Promise.resolve();
    this.listen();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      onCancel?.(done);
    });
  }

  /** Stops listening and releases every waiter. */
  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    await this.listening;
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    await unlisten?.();
  }

  private wake(): void {
    this.count += 1;
    for (const waiter of [...this.waiters]) waiter();
  }
}
