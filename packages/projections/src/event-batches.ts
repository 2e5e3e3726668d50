import type { RecordedEvent } from '@crm/event-store';

const notYet = Symbol('not yet');

// Resolves after the current I/O phase: events a subscription already holds resolve its
// `next()` in microtasks, before this; a `next()` that has to read the database does not.
const afterPendingMicrotasks = (): Promise<typeof notYet> =>
  new Promise((resolve) => setImmediate(() => resolve(notYet)));

/**
 * Groups a subscription's events into batches of at most `maxSize`: whatever has already
 * arrived, without waiting for more. During catch-up that gives full batches; live, a batch is
 * what committed since the last one, so a lone event is applied at once.
 *
 * @example
 * for await (const batch of eventBatches(store.subscribeToAll({ signal }), 500)) apply(batch);
 */
export async function* eventBatches(
  events: AsyncIterable<RecordedEvent>,
  maxSize: number,
): AsyncGenerator<ReadonlyArray<RecordedEvent>, void, undefined> {
  const iterator = events[Symbol.asyncIterator]();
  // A pull that did not resolve in time is kept for the next batch, never issued twice.
  let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
  try {
    for (;;) {
      const first = await (pending ?? iterator.next());
      pending = undefined;
      if (first.done === true) return;
      const batch: RecordedEvent[] = [first.value];
      let ended = false;
      while (batch.length < maxSize) {
        pending = iterator.next();
        const next = await Promise.race([pending, afterPendingMicrotasks()]);
        if (next === notYet) break;
        pending = undefined;
        if (next.done === true) {
          ended = true;
          break;
        }
        batch.push(next.value);
      }
      yield batch;
      if (ended) return;
    }
  } finally {
    await iterator.return?.();
  }
}
