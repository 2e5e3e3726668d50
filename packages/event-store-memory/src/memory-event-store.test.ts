import { randomUUID } from 'node:crypto';
import { isEventStoreError, type NewEvent } from '@crm/event-store';
import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from './memory-event-store.ts';

const event = (data: NewEvent['data'] = { n: 1 }): NewEvent => ({
  eventId: randomUUID(),
  type: 'Noted',
  data,
});

describe('createMemoryEventStore', () => {
  it('runs the README example', async () => {
    const store = createMemoryEventStore();
    await store.append(
      'customer-c1',
      [{ eventId: randomUUID(), type: 'CustomerRegistered', data: { name: 'Ada' } }],
      { expectedRevision: 'no_stream' },
    );
    const history = await store.readStream('customer-c1');
    expect(history.map((e) => e.data)).toEqual([{ name: 'Ada' }]);

    const controller = new AbortController();
    const seen: string[] = [];
    for await (const event of store.subscribeToAll({
      filter: { streamCategories: ['customer'] },
      signal: controller.signal,
    })) {
      seen.push(event.type);
      controller.abort();
    }
    expect(seen).toEqual(['CustomerRegistered']);
  });

  it('places events at their log index: { commit: i, prepare: i }', async () => {
    const store = createMemoryEventStore();
    await store.append('deal-1', [event(), event()]);
    const result = await store.append('deal-2', [event()]);
    expect(result.position).toEqual({ commit: 2n, prepare: 2n });
    expect((await store.readAll()).map((e) => e.position)).toEqual([
      { commit: 0n, prepare: 0n },
      { commit: 1n, prepare: 1n },
      { commit: 2n, prepare: 2n },
    ]);
    // A position between two events (another store's, or a hand-made one) reads from the next.
    expect(
      (await store.readAll({ after: { commit: 1n, prepare: 0n } })).map((e) => e.revision),
    ).toEqual([1, 0]);
  });

  it('enforces the configured size limit', async () => {
    // `"x…x"` plus `{}`: 12 characters take 16 bytes, 13 take 17.
    const store = createMemoryEventStore({ limits: { maxEventBytes: 16 } });
    await store.append('deal-1', [event('x'.repeat(12))]);
    await expect(store.append('deal-1', [event('x'.repeat(13))])).rejects.toSatisfy((error) =>
      isEventStoreError(error, 'InvalidInput'),
    );
  });

  it('stores a frozen copy: neither the writer nor a reader can change history', async () => {
    const store = createMemoryEventStore();
    const data = { lines: [{ qty: 1 }] };
    await store.append('deal-1', [event(data)]);
    data.lines[0] = { qty: 99 };
    const [stored] = await store.readStream('deal-1');
    expect(stored?.data).toEqual({ lines: [{ qty: 1 }] });
    expect(Object.isFrozen(stored?.data)).toBe(true);
    expect(Object.isFrozen(stored)).toBe(true);
  });

  it('refuses calls after close with Unavailable', async () => {
    const store = createMemoryEventStore();
    await store.close();
    await expect(store.append('deal-1', [event()])).rejects.toSatisfy((error) =>
      isEventStoreError(error, 'Unavailable'),
    );
    await expect(store.readAll()).rejects.toSatisfy((error) =>
      isEventStoreError(error, 'Unavailable'),
    );
  });

  it('serialises concurrent pulls of one subscription: no event is delivered twice', async () => {
    const store = createMemoryEventStore();
    await store.append('deal-1', [event(), event(), event()]);
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next()]);
    expect(results.map((r) => (r.done === true ? undefined : r.value.revision))).toEqual([0, 1, 2]);
    await iterator.return?.();
  });
});
