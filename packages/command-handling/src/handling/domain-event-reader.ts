import type { DomainError, VersionedEvent } from '@crm/domain';
import {
  categoryOf,
  type EventStore,
  isEventStoreError,
  type RecordedEvent,
} from '@crm/event-store';
import * as E from 'fp-ts/lib/Either.js';
import { type KeyRing, keyRingOf } from '../privacy/key-ring.ts';
import type { KeyStore } from '../privacy/key-store.ts';
import {
  type CommandHandlingError,
  commandHandlingError,
  HandlingFailure,
} from './command-handling-error.ts';
import { type DomainRecordedEvent, decodeRevealed, revealEvent } from './event-reader.ts';
import type { RoutingTable } from './routing-table.ts';

/** Reads stored events back as domain events, personal fields decrypted or `ErasedValue`. */
export interface DomainEventReader<TEvent extends VersionedEvent> {
  /** One stream, in order. */
  readonly readStream: (
    streamName: string,
  ) => Promise<E.Either<CommandHandlingError, ReadonlyArray<DomainRecordedEvent<TEvent>>>>;
  /** One event from the global log or a subscription (projectors, auditors). */
  readonly reveal: (
    event: RecordedEvent,
  ) => Promise<E.Either<CommandHandlingError, DomainRecordedEvent<TEvent>>>;
}

const failure = (error: unknown, streamName: string): CommandHandlingError => {
  if (error instanceof HandlingFailure) return error.error;
  if (isEventStoreError(error, 'StreamDeleted')) {
    return commandHandlingError('StreamDeleted', error.message, { streamName });
  }
  return commandHandlingError('Unavailable', 'A store failed.', { streamName, cause: error });
};

/**
 * The read side of crypto-shredding: what auditors, projectors and the policy runner use to
 * see events as the domain wrote them. After an erasure the events still read, each erased
 * field as an `ErasedValue`; an altered encrypted field is a `CorruptEvent`.
 *
 * @example
 * const reader = createDomainEventReader({ eventStore, keyStore, routes: crmRoutingTable });
 * const history = await reader.readStream('customer-c1');
 */
export const createDomainEventReader = <
  TEvent extends VersionedEvent,
  TError extends DomainError,
>(options: {
  readonly eventStore: EventStore;
  readonly keyStore: KeyStore;
  readonly routes: RoutingTable<TEvent, TError>;
}): DomainEventReader<TEvent> => {
  // Events revealed in one turn of the event loop (a projector's page, decoded side by side)
  // share a key ring: each subject's key is looked up once for them all, as fresh as a
  // look-up per event, since the key store answers the look-ups of one turn together anyway.
  let ringOfTurn: KeyRing | undefined;
  const ringOfThisTurn = (): KeyRing => {
    if (ringOfTurn === undefined) {
      ringOfTurn = keyRingOf(options.keyStore);
      setImmediate(() => {
        ringOfTurn = undefined;
      });
    }
    return ringOfTurn;
  };
  const decode = async (event: RecordedEvent, keys = ringOfThisTurn()) => {
    const route = options.routes.routeOfAggregate(categoryOf(event.streamName));
    if (route === undefined) {
      throw new HandlingFailure(
        commandHandlingError('CorruptEvent', `No route reads the stream ${event.streamName}.`, {
          streamName: event.streamName,
        }),
      );
    }
    return decodeRevealed(route, await revealEvent(event, keys));
  };
  return {
    readStream: async (streamName) => {
      try {
        const keys = keyRingOf(options.keyStore);
        const events: Array<DomainRecordedEvent<TEvent>> = [];
        for (const event of await options.eventStore.readStream(streamName)) {
          events.push(await decode(event, keys));
        }
        return E.right(events);
      } catch (error) {
        return E.left(failure(error, streamName));
      }
    },
    reveal: async (event) => {
      try {
        return E.right(await decode(event));
      } catch (error) {
        return E.left(failure(error, event.streamName));
      }
    },
  };
};
