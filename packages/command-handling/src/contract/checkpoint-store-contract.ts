import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CheckpointStore } from '../policies/checkpoint-store.ts';

/** The behaviour every `CheckpointStore` must have, as vitest tests. */
export const checkpointStoreContract = (
  name: string,
  open: () => Promise<CheckpointStore>,
): void => {
  describe(`${name}: checkpoint store contract`, () => {
    it('starts with no checkpoint, then returns the last one saved, per name', async () => {
      const store = await open();
      const [a, b] = [`runner-${randomUUID()}`, `runner-${randomUUID()}`];
      expect(await store.load(a)).toBeUndefined();
      await store.save(a, { commit: 5n, prepare: 7n });
      await store.save(a, { commit: 9_007_199_254_740_993n, prepare: 12n });
      await store.save(b, { commit: 1n, prepare: 1n });
      expect(await store.load(a)).toEqual({ commit: 9_007_199_254_740_993n, prepare: 12n });
      expect(await store.load(b)).toEqual({ commit: 1n, prepare: 1n });
    });
  });
};
