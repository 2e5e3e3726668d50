import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Snapshot, SnapshotStore } from '../snapshots/snapshot-store.ts';

/** The behaviour every `SnapshotStore` must have, as vitest tests. */
export const snapshotStoreContract = (name: string, open: () => Promise<SnapshotStore>): void => {
  describe(`${name}: snapshot store contract`, () => {
    const snapshot = (streamName: string, revision: number): Snapshot => ({
      streamName,
      revision,
      eventId: randomUUID(),
      stateVersion: 2,
      state: { status: 'registered', tags: ['vip'], balance: revision, nested: { a: [1, null] } },
    });
    const stream = () => `customer-${randomUUID()}`;

    it('returns undefined for a stream without a snapshot, and the saved one after a save', async () => {
      const store = await open();
      const name = stream();
      expect(await store.load(name)).toBeUndefined();
      const saved = snapshot(name, 99);
      await store.save(saved);
      expect(await store.load(name)).toEqual(saved);
    });

    it('keeps the newest: an older snapshot never replaces a newer one', async () => {
      const store = await open();
      const name = stream();
      const newer = snapshot(name, 200);
      await store.save(newer);
      await store.save(snapshot(name, 100));
      expect(await store.load(name)).toEqual(newer);
      const newest = snapshot(name, 300);
      await store.save(newest);
      expect(await store.load(name)).toEqual(newest);
    });

    it('forgets one stream on delete, and every stream on clear', async () => {
      const store = await open();
      const [a, b] = [stream(), stream()];
      await store.save(snapshot(a, 1));
      await store.save(snapshot(b, 1));
      await store.delete(a);
      expect(await store.load(a)).toBeUndefined();
      expect(await store.load(b)).toBeDefined();
      await store.clear();
      expect(await store.load(b)).toBeUndefined();
    });
  });
};
