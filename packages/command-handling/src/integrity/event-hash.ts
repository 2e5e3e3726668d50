import { createHash } from 'node:crypto';
import type { JsonObject, JsonValue } from '@crm/event-store';
import { canonicalJson } from './canonical-json.ts';

/** The `previousHash` of the first event of a stream. */
export const genesisHash = '0'.repeat(64);

/** The metadata key that holds an event's chained hash. */
export const hashKey = 'hash';

/** What an event's hash covers: its place, identity and stored (encrypted) content. */
export interface HashedEventContent {
  readonly streamName: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonValue;
  /** The metadata without the `hash` key itself. */
  readonly metadata: JsonObject;
}

/** The metadata without its `hash` key: what the hash is taken over. */
export const metadataWithoutHash = (metadata: JsonObject): JsonObject =>
  Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== hashKey));

/**
 * SHA-256 (hex) of the previous event's hash and this event's canonical content. Changing any
 * stored byte of an event, or removing or reordering events, changes every later hash of the
 * stream. Taken over the encrypted form, so crypto-shredding never breaks the chain.
 */
export const eventHash = (previousHash: string, content: HashedEventContent): string =>
  createHash('sha256')
    .update(previousHash, 'utf8')
    .update('\n', 'utf8')
    .update(
      canonicalJson({
        streamName: content.streamName,
        revision: content.revision,
        eventId: content.eventId.toLowerCase(),
        type: content.type,
        data: content.data,
        metadata: metadataWithoutHash(content.metadata),
      }),
      'utf8',
    )
    .digest('hex');
