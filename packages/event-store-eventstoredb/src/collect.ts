import { EventStoreError } from '@crm/event-store';

/** A read in progress, as the client returns it: an async iterable that can be cancelled. */
export interface CancellableRead<T> extends AsyncIterable<T> {
  cancel(): Promise<void>;
}

/**
 * Drains a read into an array, or gives up after `timeoutMs` with `Unavailable` (cancelling the
 * read): the client sets no deadline on streaming reads, so a half-open connection would
 * otherwise hold the caller until TCP keep-alive notices.
 */
export const collect = async <T>(read: CancellableRead<T>, timeoutMs: number): Promise<T[]> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void read.cancel().catch(() => undefined);
      reject(
        EventStoreError.unavailable(`EventStoreDB did not answer a read within ${timeoutMs} ms`),
      );
    }, timeoutMs);
  });
  const drain = async (): Promise<T[]> => {
    const items: T[] = [];
    for await (const item of read) items.push(item);
    return items;
  };
  try {
    return await Promise.race([drain(), timedOut]);
  } finally {
    clearTimeout(timer);
  }
};

/** Settles like `promise`, or rejects with `Unavailable` after `timeoutMs`. */
export const withTimeout = async <T>(
  promise: Promise<T>,
  timeoutMs: number,
  what: string,
): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          EventStoreError.unavailable(
            `EventStoreDB did not answer ${what} within ${timeoutMs} ms; it may or may not have taken effect`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, timedOut]);
  } finally {
    clearTimeout(timer);
  }
};
