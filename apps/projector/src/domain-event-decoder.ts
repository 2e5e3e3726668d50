import { createDomainEventReader, crmRoutingTable, type KeyStore } from '@crm/command-handling';
import type { DomainEvent } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { type EventDecoder, ProjectionRuntimeError } from '@crm/projections';
import * as E from 'fp-ts/lib/Either.js';

/**
 * Decodes stored events the way command handling wrote them: personal fields decrypted with
 * their subject's key (an erased subject's fields read as `ErasedValue`), upcast to the current
 * schema. A key store outage is `Unavailable` (retried); a corrupt event is poison.
 */
export const domainEventDecoder = (input: {
  readonly eventStore: EventStore;
  readonly keyStore: KeyStore;
}): EventDecoder => {
  const reader = createDomainEventReader({ ...input, routes: crmRoutingTable });
  return async (recorded) => {
    const revealed = await reader.reveal(recorded);
    if (E.isLeft(revealed)) {
      const { code, message } = revealed.left;
      if (code === 'Unavailable') {
        throw new ProjectionRuntimeError('Unavailable', message, undefined, {
          cause: revealed.left.cause,
        });
      }
      const error = new Error(message);
      error.name = code;
      throw error;
    }
    const { type, version, data, metadata } = revealed.right;
    return {
      streamName: recorded.streamName,
      revision: recorded.revision,
      position: recorded.position,
      // The routes decoded it with the domain's codecs (erased fields aside).
      event: { type, version, data } as DomainEvent,
      metadata,
    };
  };
};
