import { randomBytes } from 'node:crypto';
import { type KeyLookup, type KeyStore, KeyStoreError } from './key-store.ts';

/**
 * A key store in process memory, for tests and demos: keys vanish with the process.
 *
 * @example
 * const keys = createInMemoryKeyStore();
 * const key = await keys.keyFor('c-1'); // 32 random bytes, the same on every call
 * await keys.erase('c-1');
 * await keys.find('c-1'); // 'erased'
 */
export const createInMemoryKeyStore = (): KeyStore => {
  const keys = new Map<string, Uint8Array | 'erased'>();
  return {
    keyFor: async (subject) => {
      const found = keys.get(subject);
      if (found === 'erased') throw KeyStoreError.subjectErased(subject);
      if (found !== undefined) return found;
      const key = new Uint8Array(randomBytes(32));
      keys.set(subject, key);
      return key;
    },
    find: async (subject): Promise<KeyLookup> => keys.get(subject),
    erase: async (subject) => {
      keys.set(subject, 'erased');
    },
  };
};
