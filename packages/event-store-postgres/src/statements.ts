import type { ValidatedEvent } from '@crm/event-store';
import { notificationChannel, tombstoneType } from './names.ts';

/**
 * The store's SQL: calls of the functions that `migrateEventStore` installs (functions.ts) for
 * the hot paths, and plain statements for the rare ones. Lists travel as JSON or arrays.
 */

/**
 * The append statement's `$2`: the batch as a JSON array of `{i, t, d, m}`, assembled from the
 * JSON that validation already produced, so no value is serialised twice.
 */
export const appendBatchJson = (events: ReadonlyArray<ValidatedEvent>): string => {
  let json = '[';
  for (const [index, event] of events.entries()) {
    if (index > 0) json += ',';
    json += `{"i":"${event.eventId}","t":${JSON.stringify(event.type)},"d":${event.dataJson},"m":${event.metadataJson}}`;
  }
  return `${json}]`;
};

/**
 * Appends a batch in one round trip (`es_append`): `$1` stream name, `$2` the batch
 * (`appendBatchJson`), `$3` its length, `$4` the expected revision's kind (`any`, `no_stream`,
 * `stream_exists`, `exact`), `$5` the exact revision or NULL. Out: the last appended event's
 * revision and position; no row when the stream was not at the expected revision or is
 * deleted; a unique violation when an event id is already in the stream.
 */
export const appendSql = 'SELECT * FROM es_append($1, $2, $3, $4, $5)';

/**
 * Wakes listening subscriptions. Sent after an append has committed, not inside it: a notifying
 * transaction holds a cluster-wide lock from just before its commit until the commit record is
 * flushed, which would make concurrent durable appends commit one by one.
 */
export const notifySql = `SELECT pg_notify('${notificationChannel}', '')`;

/**
 * Reads the global log (`es_read_log`): after `$1` transaction id and `$2` global position
 * (exclusive), at most `$3` events, optionally only `$4` categories and `$5` types (text
 * arrays or NULL); only transactions below the snapshot's xmin, every one of which has ended,
 * so nothing can later appear behind what was read. The first row is a header (NULL stream
 * name) with that fence in `transaction_id` and the newest visible transaction in
 * `global_position`.
 */
export const readLogSql = 'SELECT * FROM es_read_log($1, $2, $3, $4, $5)';

/**
 * Reads one stream (`es_read_stream`): `$1` name, `$2` first revision (inclusive), `$3` limit or
 * NULL, `$4` backwards. The header row's `deleted` tells a deleted stream (true) from a missing
 * one (NULL).
 */
export const readStreamSql = 'SELECT * FROM es_read_stream($1, $2, $3, $4)';

/**
 * Tombstones a stream (`es_delete_stream`): `$1` name, `$2` the expected revision's kind, `$3`
 * the exact revision or NULL. Out: the tombstone's revision; no row when the stream was not at
 * the expected revision or is deleted already.
 */
export const deleteSql = 'SELECT * FROM es_delete_stream($1, $2, $3)';

/**
 * A stream's state after a refused write, in one snapshot: its last row (`outcome` `stream`,
 * `deleted` when it is the tombstone) and which of the batch's event ids (`$2`, a JSON array)
 * it already holds (`existing`).
 */
export const streamStateSql = `
(SELECT 'stream' AS outcome, NULL::text AS event_id, s.revision, NULL::text AS transaction_id,
  NULL::text AS global_position, s.type = '${tombstoneType}' AS deleted
 FROM es_events s WHERE s.stream_name = $1::text
 ORDER BY s.revision DESC LIMIT 1)
UNION ALL
SELECT 'existing', e.event_id::text, e.revision, e.transaction_id::text,
  e.global_position::text, NULL
FROM es_events e
WHERE e.stream_name = $1::text
  AND e.event_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))`;
