import { createHash } from 'node:crypto';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of a namespace UUID and a name). The same name
 * always gives the same UUID, which is what makes a retried command append the same event ids.
 *
 * @example
 * uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8');
 * // '2ed6657d-e927-568b-95e1-2665a8aea6a2'
 */
export const uuidV5 = (name: string, namespace: string): string => {
  if (!uuidPattern.test(namespace)) throw new TypeError(`Not a UUID namespace: ${namespace}`);
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The namespace of every event id this package derives (a fixed, random UUID). */
export const eventIdNamespace = '5b0f3c8e-6a51-4f0e-9d6c-2f7e1b8a4c31';

/**
 * The id of the `index`-th event a command produces. Deterministic, so handling the same
 * command again appends the same ids, and the store's idempotent append stores them once.
 */
export const eventIdFor = (commandId: string, index: number): string =>
  uuidV5(`${commandId}#${index}`, eventIdNamespace);
