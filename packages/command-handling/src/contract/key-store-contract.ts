import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isKeyStoreError, type KeyStore } from '../privacy/key-store.ts';

/**
 * The behaviour every `KeyStore` must have, as vitest tests. Subjects are random per test, so
 * it runs on a shared, non-empty database.
 */
export const keyStoreContract = (name: string, open: () => Promise<KeyStore>): void => {
  describe(`${name}: key store contract`, () => {
    const subject = () => `subject-${randomUUID()}`;

    it('creates one 32-byte key per subject on first use, then returns the same key', async () => {
      const keys = await open();
      const s = subject();
      expect(await keys.find(s)).toBeUndefined();
      const key = await keys.keyFor(s);
      expect(key).toHaveLength(32);
      expect(Buffer.from(await keys.keyFor(s)).equals(Buffer.from(key))).toBe(true);
      const found = await keys.find(s);
      expect(found instanceof Uint8Array && Buffer.from(found).equals(Buffer.from(key))).toBe(true);
      expect(Buffer.from(await keys.keyFor(subject())).equals(Buffer.from(key))).toBe(false);
    });

    it('agrees on one key when many first uses race', async () => {
      const keys = await open();
      const s = subject();
      const all = await Promise.all(Array.from({ length: 10 }, () => keys.keyFor(s)));
      expect(new Set(all.map((key) => Buffer.from(key).toString('hex'))).size).toBe(1);
    });

    it('erases for good: the key is gone, never issued again, and erasing again is harmless', async () => {
      const keys = await open();
      const s = subject();
      await keys.keyFor(s);
      await keys.erase(s);
      await keys.erase(s);
      expect(await keys.find(s)).toBe('erased');
      const error = await keys.keyFor(s).catch((e: unknown) => e);
      expect(isKeyStoreError(error, 'SubjectErased')).toBe(true);
    });

    it('can erase a subject that never had a key', async () => {
      const keys = await open();
      const s = subject();
      await keys.erase(s);
      expect(await keys.find(s)).toBe('erased');
    });
  });
};
