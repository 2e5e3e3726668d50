import type { DomainEventReader } from '@crm/command-handling';
import type { DomainEvent } from '@crm/domain';
import { type EventDecoder, ProjectionRuntimeError } from '@crm/projections';
import * as E from 'fp-ts/lib/Either.js';

/**
 * The event decoder projections need on a log written by command handling: personal fields
 * decrypted (erased ones as `ErasedValue`), upcast to the current schema. A store outage is
 * `Unavailable` (try again); an event that does not decode or decrypt is poison.
 *
 * @example
 * const runner = createProjectionRunner({ db, eventStore, projection, decode: revealingDecoder(reader) });
 */
export const revealingDecoder =
  (reader: DomainEventReader<DomainEvent>): EventDecoder =>
  async (recorded) => {
    const revealed = await reader.reveal(recorded);
    if (E.isLeft(revealed)) {
      const { code, message } = revealed.left;
      if (code === 'Unavailable') {
        throw new ProjectionRuntimeError('Unavailable', message, undefined, {
          cause: revealed.left.cause,
        });
      }
      throw Object.assign(new Error(message), { name: code });
    }
    const event = revealed.right;
    return {
      streamName: event.streamName,
      revision: event.revision,
      position: event.position,
      event: { type: event.type, version: event.version, data: event.data } as DomainEvent,
      metadata: event.metadata,
    };
  };
