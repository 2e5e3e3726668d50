import type { KeyLookup, KeyStore } from './key-store.ts';

/**
 * The keys one operation needs, each looked up once: loading a stream of 10,000 events of one
 * customer asks the key store once, not 10,000 times.
 */
export interface KeyRing {
  /** The subject's key, or `'erased'` / `undefined` as the key store says. */
  readonly find: (subject: string) => Promise<KeyLookup>;
  /** The subject's key, created if needed (rejects with `SubjectErased` after erasure). */
  readonly keyFor: (subject: string) => Promise<Uint8Array>;
}

/** A key ring over a key store, caching its answers for the ring's lifetime. */
export const keyRingOf = (keyStore: KeyStore): KeyRing => {
  const found = new Map<string, Promise<KeyLookup>>();
  return {
    find: (subject) => {
      const cached = found.get(subject);
      if (cached !== undefined) return cached;
      const lookup = keyStore.find(subject);
      found.set(subject, lookup);
      // A failed lookup is not cached: the next call asks again.
      lookup.catch(() => found.delete(subject));
      return lookup;
    },
    keyFor: async (subject) => {
      const cached = await found.get(subject)?.catch(() => undefined);
      if (cached instanceof Uint8Array) return cached;
      const key = await keyStore.keyFor(subject);
      found.set(subject, Promise.resolve(key));
      return key;
    },
  };
};
