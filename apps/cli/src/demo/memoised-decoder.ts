import type { EventDecoder, ProjectedEvent } from '@crm/projections';

/**
 * Decodes each stored event once for all the projections catching up side by side: decrypting
 * and checking an event costs far more than looking it up. Keeps the `size` most recent.
 */
export const memoisedDecoder = (decode: EventDecoder, size = 100_000): EventDecoder => {
  const cache = new Map<string, Promise<ProjectedEvent>>();
  return (recorded) => {
    const key = `${recorded.streamName}@${recorded.revision}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const decoded = Promise.resolve(decode(recorded));
    decoded.catch(() => cache.delete(key));
    cache.set(key, decoded);
    if (cache.size > size) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return decoded;
  };
};
