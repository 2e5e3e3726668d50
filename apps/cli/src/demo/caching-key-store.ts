import type { KeyLookup, KeyStore } from '@crm/command-handling';

/**
 * Remembers each subject's key for the life of the process, so a demo writing tens of
 * thousands of commands asks PostgreSQL once per customer instead of once per command. Safe
 * only where this process is the one erasing (the demo): an erasure through it forgets the key
 * first, but an erasure by another process would not be seen.
 */
export const cachingKeyStore = (inner: KeyStore): KeyStore => {
  const known = new Map<string, Promise<KeyLookup>>();
  const remember = (subject: string, lookup: Promise<KeyLookup>): Promise<KeyLookup> => {
    known.set(subject, lookup);
    lookup.catch(() => known.delete(subject));
    return lookup;
  };
  return {
    find: (subject) => {
      const cached = known.get(subject);
      if (cached !== undefined) return cached;
      const lookup = inner.find(subject);
      // "No key yet" may change on the next command: only a key or an erasure is kept.
      return lookup.then((found) => {
        if (found !== undefined) remember(subject, Promise.resolve(found));
        return found;
      });
    },
    keyFor: async (subject) => {
      const cached = await known.get(subject)?.catch(() => undefined);
      if (cached instanceof Uint8Array) return cached;
      const key = await inner.keyFor(subject);
      remember(subject, Promise.resolve(key));
      return key;
    },
    erase: async (subject) => {
      known.delete(subject);
      await inner.erase(subject);
      known.set(subject, Promise.resolve('erased'));
    },
  };
};
