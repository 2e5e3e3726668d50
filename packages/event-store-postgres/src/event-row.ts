import type { JsonObject, JsonValue, LogPosition, RecordedEvent } from '@crm/event-store';

/**
 * A row of `es_events` as the reads select it. Both drivers parse jsonb and timestamptz; the
 * ids come as text (cast in SQL) so that 64-bit values stay exact on PGlite too, which reads
 * `bigint` as a JavaScript number.
 */
export interface EventRow {
  /** NULL only in a read's header row. */
  readonly stream_name: string | null;
  readonly revision: string | number | null;
  readonly transaction_id: string | null;
  readonly global_position: string | null;
  readonly event_id: string;
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata: JsonObject;
  readonly recorded_at: Date;
}

/** `{commit: transaction id, prepare: global position}` from their text forms. */
export const positionOf = (transactionId: string, globalPosition: string): LogPosition => ({
  commit: BigInt(transactionId),
  prepare: BigInt(globalPosition),
});

/** An event row as the port's `RecordedEvent`. */
export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  streamName: row.stream_name as string,
  revision: Number(row.revision),
  position: positionOf(row.transaction_id as string, row.global_position as string),
  eventId: row.event_id,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  recordedAt: row.recorded_at,
});
