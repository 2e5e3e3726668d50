import type { ExpectedRevision, ValidatedEvent } from '@crm/event-store';

/**
 * The store's SQL, as fixed texts with positional parameters: each call is one round trip, and a
 * fixed text lets PostgreSQL reuse its parse work. JSON parameters carry lists, since both
 * drivers pass text reliably and PostgreSQL unpacks it in one step.
 */

/** The channel appends notify and subscriptions listen on. */
export const notificationChannel = 'es_events';

/** The columns every event read returns, in this order. */
const eventColumns = `e.stream_name, e.revision, e.transaction_id::text AS transaction_id,
  e.global_position::text AS global_position, e.event_id::text AS event_id, e.type, e.data,
  e.metadata, e.recorded_at`;

/**
 * A header row before the events (its `stream_name` is NULL) carries per-read facts in the
 * columns an event would use. It names the columns, since a UNION takes its first branch's names.
 */
const headerColumns = (transactionId: string, globalPosition: string): string =>
  `NULL::text AS stream_name, NULL::bigint AS revision, ${transactionId} AS transaction_id,
  ${globalPosition} AS global_position, NULL::text AS event_id, NULL::text AS type,
  NULL::jsonb AS data, NULL::jsonb AS metadata, NULL::timestamptz AS recorded_at`;

/**
 * How each expected revision claims the stream row. The row lock this takes (or waits for)
 * serialises appends to one stream; the condition is re-checked on the latest committed row, so
 * it holds under concurrency. No row back means the expectation failed (or the stream is
 * deleted, or some event ids are already stored): the caller then reads the state to say which.
 */
const claimStream = (expected: 'any' | 'no_stream' | 'stream_exists' | 'exact'): string => {
  switch (expected) {
    case 'any':
      return `INSERT INTO es_streams AS s (stream_name, revision)
        SELECT $1::text, $3::bigint - 1 WHERE NOT EXISTS (SELECT FROM existing)
        ON CONFLICT (stream_name) DO UPDATE SET revision = s.revision + $3::bigint
        WHERE NOT s.deleted
        RETURNING s.revision`;
    case 'no_stream':
      // The unique stream name makes two concurrent creators queue: the second finds the row.
      return `INSERT INTO es_streams AS s (stream_name, revision)
        SELECT $1::text, $3::bigint - 1 WHERE NOT EXISTS (SELECT FROM existing)
        ON CONFLICT (stream_name) DO NOTHING
        RETURNING s.revision`;
    case 'stream_exists':
      return `UPDATE es_streams AS s SET revision = s.revision + $3::bigint
        WHERE s.stream_name = $1::text AND NOT s.deleted AND NOT EXISTS (SELECT FROM existing)
        RETURNING s.revision`;
    case 'exact':
      return `UPDATE es_streams AS s SET revision = s.revision + $3::bigint
        WHERE s.stream_name = $1::text AND NOT s.deleted AND s.revision = $4::bigint
          AND NOT EXISTS (SELECT FROM existing)
        RETURNING s.revision`;
  }
};

const appendStatement = (expected: Parameters<typeof claimStream>[0]): string => `
WITH batch AS MATERIALIZED (
  SELECT (b.x->>'i')::uuid AS event_id, b.x->>'t' AS type, b.x->'d' AS data,
    b.x->'m' AS metadata, b.n
  FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS b(x, n)
),
existing AS (
  SELECT e.event_id, e.revision, e.transaction_id, e.global_position
  FROM es_events e
  WHERE e.stream_name = $1::text AND e.event_id IN (SELECT event_id FROM batch)
),
stream AS (${claimStream(expected)}),
inserted AS (
  INSERT INTO es_events (stream_name, revision, event_id, type, data, metadata)
  SELECT $1::text, s.revision - $3::bigint + b.n, b.event_id, b.type, b.data, b.metadata
  FROM stream s CROSS JOIN batch b
  ORDER BY b.n
  RETURNING revision, transaction_id, global_position
),
notified AS (SELECT pg_notify('${notificationChannel}', '') FROM stream)
SELECT 'existing' AS outcome, x.event_id::text AS event_id, x.revision,
  x.transaction_id::text AS transaction_id, x.global_position::text AS global_position
FROM existing x
UNION ALL
SELECT 'appended', NULL, i.revision, i.transaction_id::text, i.global_position::text
FROM inserted i CROSS JOIN notified
WHERE i.revision = (SELECT revision FROM stream)`;

const appendStatements = {
  any: appendStatement('any'),
  no_stream: appendStatement('no_stream'),
  stream_exists: appendStatement('stream_exists'),
  exact: appendStatement('exact'),
} as const;

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
 * One statement that appends a batch: it looks up the batch's event ids in the stream
 * (idempotence), claims the stream row at the expected revision, inserts the events and
 * notifies listeners, all in one round trip and one transaction. Parameters: `$1` stream name,
 * `$2` the batch as a JSON array of `{i, t, d, m}`, `$3` its length, `$4` the exact revision.
 * Rows out: the batch's already stored events (`existing`), or the last appended (`appended`).
 */
export const appendSql = (expected: ExpectedRevision): string =>
  typeof expected === 'number' ? appendStatements.exact : appendStatements[expected];

const deleteStatements = {
  any: `INSERT INTO es_streams AS s (stream_name, revision, deleted) VALUES ($1::text, -1, true)
    ON CONFLICT (stream_name) DO UPDATE SET deleted = true WHERE NOT s.deleted
    RETURNING s.revision`,
  no_stream: `INSERT INTO es_streams AS s (stream_name, revision, deleted)
    VALUES ($1::text, -1, true)
    ON CONFLICT (stream_name) DO NOTHING
    RETURNING s.revision`,
  stream_exists: `UPDATE es_streams AS s SET deleted = true
    WHERE s.stream_name = $1::text AND NOT s.deleted
    RETURNING s.revision`,
  exact: `UPDATE es_streams AS s SET deleted = true
    WHERE s.stream_name = $1::text AND NOT s.deleted AND s.revision = $2::bigint
    RETURNING s.revision`,
} as const;

/** Tombstones a stream at the expected revision (`$1` name, `$2` exact revision); no row: failed. */
export const deleteSql = (expected: ExpectedRevision): string =>
  typeof expected === 'number' ? deleteStatements.exact : deleteStatements[expected];

/**
 * A stream's state after a failed claim, in one snapshot: its row (`outcome` `stream`) and which
 * of the batch's event ids (`$2`, a JSON array) it already holds (`existing`).
 */
export const streamStateSql = `
SELECT 'stream' AS outcome, NULL::text AS event_id, s.revision, NULL::text AS transaction_id,
  NULL::text AS global_position, s.deleted
FROM es_streams s WHERE s.stream_name = $1::text
UNION ALL
SELECT 'existing', e.event_id::text, e.revision, e.transaction_id::text,
  e.global_position::text, NULL
FROM es_events e
WHERE e.stream_name = $1::text
  AND e.event_id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))`;

const readStreamStatement = (direction: 'forwards' | 'backwards'): string => `
SELECT ${headerColumns('NULL::text', 'NULL::text')},
  (SELECT s.deleted FROM es_streams s WHERE s.stream_name = $1::text) AS deleted
UNION ALL
(SELECT ${eventColumns}, NULL
 FROM es_events e
 WHERE e.stream_name = $1::text
   AND e.revision ${direction === 'forwards' ? '>=' : '<='} $2::bigint
 ORDER BY e.revision ${direction === 'forwards' ? 'ASC' : 'DESC'}
 LIMIT $3::bigint)`;

/**
 * Reads one stream (`$1` name, `$2` first revision, inclusive, `$3` limit or NULL). The header's
 * `deleted` tells a deleted stream (true) from a missing one (NULL).
 */
export const readStreamSql = {
  forwards: readStreamStatement('forwards'),
  backwards: readStreamStatement('backwards'),
} as const;

const readLogStatement = (byCategory: boolean, byType: boolean): string => `
WITH f AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS fence)
SELECT ${headerColumns(
  'f.fence::text',
  '(SELECT max(t.transaction_id)::text FROM es_events t)',
)}
FROM f
UNION ALL
(SELECT ${eventColumns}
 FROM es_events e
 WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
   AND e.transaction_id < (SELECT fence FROM f)${
     byCategory
       ? `
   AND split_part(e.stream_name, '-', 1) = ANY (ARRAY(SELECT jsonb_array_elements_text($4::jsonb)))`
       : ''
   }${
     byType
       ? `
   AND e.type = ANY (ARRAY(SELECT jsonb_array_elements_text($${byCategory ? 5 : 4}::jsonb)))`
       : ''
   }
 ORDER BY e.transaction_id, e.global_position
 LIMIT $3::bigint)`;

const readLogStatements = [
  readLogStatement(false, false),
  readLogStatement(true, false),
  readLogStatement(false, true),
  readLogStatement(true, true),
] as const;

/**
 * Reads the global log after a position (`$1` transaction id, `$2` global position; exclusive),
 * at most `$3` events, only those of transactions below the snapshot's xmin: every transaction
 * below it has ended, so nothing can later appear behind what was read. Optional filters: `$4`
 * categories, then event types (`$4` or `$5`; JSON arrays). The header row carries that fence in
 * `transaction_id` and the newest visible transaction in `global_position`.
 */
export const readLogSql = (byCategory: boolean, byType: boolean): string =>
  readLogStatements[(byCategory ? 1 : 0) + (byType ? 2 : 0)] as string;
