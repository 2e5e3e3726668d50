import { createDomainEventReader, crmRoutingTable, type KeyStore } from '@crm/command-handling';
import type { DomainEvent } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { type EventCounter, type EventDecoder, ProjectionRuntimeError } from '@crm/projections';
import type pg from 'pg';

// The two pieces of `apps/projector` a rebuild uses, as it wires them (an app is not a library
// to import from): the decoder of command handling's stored events and the SQL event counter.

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

/** Counts the events of the filter after a position in SQL: a rebuild's progress total. */
export const postgresEventCounter =
  (pool: pg.Pool): EventCounter =>
  async (after, filter) => {
    const types = filter?.eventTypes === undefined ? null : [...filter.eventTypes];
    const { rows } = await pool.query<{ readonly count: string }>(
      `SELECT count(*)::text AS count FROM es_events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         AND ($3::text[] IS NULL OR type = ANY ($3::text[]))`,
      [after.commit < 0n ? '0' : after.commit.toString(), after.prepare.toString(), types],
    );
    return Number(rows[0]?.count ?? 0);
  };
