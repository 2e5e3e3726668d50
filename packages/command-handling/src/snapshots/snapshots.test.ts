import type { EventStore, ReadStreamOptions } from '@crm/event-store';
import { describe, expect, it } from 'vitest';
import { accountHandler, actor, deposit, open } from '../test-fixtures/account-harness.ts';

const rep = actor('sales_rep');

/** Counts how many events the handler reads from the store. */
const countingStore = (store: EventStore) => {
  const counter = { events: 0 };
  const counted: EventStore = {
    ...store,
    readStream: async (name: string, options?: ReadStreamOptions) => {
      const events = await store.readStream(name, options);
      counter.events += events.length;
      return events;
    },
  };
  return { counted, counter };
};

const seedLongStream = async (count: number, snapshotEvery: number) => {
  const harness = accountHandler({ snapshotEvery });
  await harness.handle(open('a1'), { commandId: 'open', actor: rep });
  for (let i = 1; i < count; i += 1) {
    await harness.handle(deposit('a1', 1), { commandId: `d${i}`, actor: rep });
  }
  return harness;
};

describe('snapshots: a long stream handles a command without reading all its events', () => {
  it('reads only the events after the snapshot (plus the snapshot’s own, for its hash)', async () => {
    const seeded = await seedLongStream(1000, 100);
    const { counted, counter } = countingStore(seeded.eventStore);
    const handler = accountHandler({ ...seeded, eventStore: counted, snapshotEvery: 100 });
    const result = await handler.handle(deposit('a1', 5), { commandId: 'next', actor: rep });
    expect(result).toMatchObject({ kind: 'accepted', revision: 1000 });
    expect(counter.events).toBeLessThanOrEqual(100);
  });

  it('is never a source of truth: with every snapshot discarded, the same command gives the same state', async () => {
    const seeded = await seedLongStream(250, 50);
    await seeded.snapshots.clear();
    const { counted, counter } = countingStore(seeded.eventStore);
    const handler = accountHandler({ ...seeded, eventStore: counted, snapshotEvery: 50 });
    const result = await handler.handle(deposit('a1', 5), { commandId: 'next', actor: rep });
    expect(result).toMatchObject({ kind: 'accepted', revision: 250 });
    expect(counter.events).toBe(250);
    const snapshot = await seeded.snapshots.load('account-a1');
    expect(snapshot?.revision).toBe(250);
  });

  it('ignores a snapshot of another state version, or one that does not match the stream', async () => {
    const seeded = await seedLongStream(120, 50);
    const snapshot = await seeded.snapshots.load('account-a1');
    if (snapshot === undefined) throw new Error('no snapshot taken');
    for (const stale of [
      { ...snapshot, stateVersion: 0 },
      { ...snapshot, eventId: '00000000-0000-4000-8000-000000000000' },
    ]) {
      await seeded.snapshots.clear();
      await seeded.snapshots.save(stale);
      const { counted, counter } = countingStore(seeded.eventStore);
      const handler = accountHandler({ ...seeded, eventStore: counted, snapshotEvery: 1000 });
      const result = await handler.handle(deposit('a1', 1), {
        commandId: `x-${stale.stateVersion}-${stale.eventId}`,
        actor: rep,
      });
      expect(result.kind).toBe('accepted');
      expect(counter.events).toBeGreaterThanOrEqual(120);
    }
  });

  it('keeps working when the snapshot store fails (it is only an optimisation)', async () => {
    const seeded = await seedLongStream(10, 2);
    const handler = accountHandler({
      ...seeded,
      snapshotEvery: 2,
      snapshots: {
        load: async () => {
          throw new Error('down');
        },
        save: async () => {
          throw new Error('down');
        },
        delete: async () => {},
        clear: async () => {},
      },
    });
    const result = await handler.handle(deposit('a1', 1), { commandId: 'z', actor: rep });
    expect(result).toMatchObject({ kind: 'accepted', revision: 10 });
  });
});
