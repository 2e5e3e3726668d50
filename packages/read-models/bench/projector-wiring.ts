import { createDomainEventReader, crmRoutingTable, type KeyStore } from '@crm/command-handling';
import type { DomainEvent } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import {
  type EventStoreTables,
  postgresEventCounter as sharedPostgresEventCounter,
} from '@crm/event-store-postgres';
import { type EventCounter, type EventDecoder, ProjectionRuntimeError } from '@crm/projections';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';

// The two pieces of `apps/projector` a rebuild uses, as it wires them (an app is not a library
// to import from): the decoder of command handling's stored events and the SQL event counter.
// The decoder is `@crm/audit`'s `revealingDecoder` over again: importing it would make
// `@crm/audit` (which depends on `@crm/read-models`) a dependency of `@crm/read-models`, a cycle.

/**
 * Stored event → projected event through command handling's reader: personal fields
 * decrypted with their subject's key from the key store (erased ones read as `ErasedValue`).
 */
export const domainEventDecoder = (input: {
  readonly eventStore: EventStore;
  readonly keyStore: KeyStore;
}): EventDecoder => {
  const reader = createDomainEventReader({ ...input, routes: crmRoutingTable });
  return async (recorded) => {
    const revealed = await reader.reveal(recorded);
    if (revealed._tag === 'Left') {
      const { code, message } = revealed.left;
      if (code === 'Unavailable') throw new ProjectionRuntimeError('Unavailable', message);
      const error = new Error(message);
      error.name = code;
      throw error;
    }
    const { type, version, data, metadata } = revealed.right;
    return {
      streamName: recorded.streamName,
      revision: recorded.revision,
      position: recorded.position,
      event: { type, version, data } as DomainEvent,
      metadata,
    };
  };
};

/**
 * Counts the events of the filter after a position in SQL (the event store's own counter, on
 * the benchmark's pool): a rebuild's progress total.
 */
export const postgresEventCounter = (pool: pg.Pool): EventCounter =>
  sharedPostgresEventCounter(
    new Kysely<EventStoreTables>({ dialect: new PostgresDialect({ pool }) }),
  );
