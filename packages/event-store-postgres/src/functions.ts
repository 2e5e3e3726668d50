import { notificationChannel } from './statements.ts';

/**
 * The store's hot paths as PL/pgSQL functions. A call is one short statement, so it is one
 * round trip, and PL/pgSQL keeps each inner statement's plan for the session: a long
 * multi-CTE statement sent through Kysely (which cannot name prepared statements) would be
 * parsed and planned on every call, which costs more than the work itself. The reads set
 * `enable_sort` and `enable_bitmapscan` off for their own duration, so that stale statistics
 * can never turn a page read into "scan everything after the cursor and sort it".
 */

const append = `
CREATE FUNCTION es_append(
  p_stream text, p_events jsonb, p_count bigint, p_expected text, p_revision bigint
) RETURNS TABLE (revision bigint, transaction_id text, global_position text)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_revision bigint;
BEGIN
  -- Claim the stream row at the expected revision. The row lock serialises appends to one
  -- stream, and the condition is checked on the latest committed row, so it holds under
  -- concurrency; two creators of one stream queue on its primary key. A writer whose
  -- transaction id is older than the stream's last writer's is refused too: its events would
  -- sort before that writer's in the log, against their revisions (the caller retries in a
  -- new transaction, whose id is newer).
  IF p_expected = 'any' THEN
    INSERT INTO es_streams AS s (stream_name, revision) VALUES (p_stream, p_count - 1)
    ON CONFLICT (stream_name) DO UPDATE
      SET revision = s.revision + p_count, transaction_id = pg_current_xact_id()
      WHERE NOT s.deleted AND s.transaction_id <= pg_current_xact_id()
    RETURNING s.revision INTO v_revision;
  ELSIF p_expected = 'no_stream' THEN
    INSERT INTO es_streams AS s (stream_name, revision) VALUES (p_stream, p_count - 1)
    ON CONFLICT (stream_name) DO NOTHING
    RETURNING s.revision INTO v_revision;
  ELSIF p_expected = 'stream_exists' THEN
    UPDATE es_streams AS s
    SET revision = s.revision + p_count, transaction_id = pg_current_xact_id()
    WHERE s.stream_name = p_stream AND NOT s.deleted
      AND s.transaction_id <= pg_current_xact_id()
    RETURNING s.revision INTO v_revision;
  ELSE
    UPDATE es_streams AS s
    SET revision = s.revision + p_count, transaction_id = pg_current_xact_id()
    WHERE s.stream_name = p_stream AND NOT s.deleted AND s.revision = p_revision
      AND s.transaction_id <= pg_current_xact_id()
    RETURNING s.revision INTO v_revision;
  END IF;
  IF v_revision IS NULL THEN
    -- Not at the expected revision, or deleted, or the batch is already stored: the caller
    -- reads the stream's state to say which.
    RETURN;
  END IF;
  -- An event id already in the stream fails the unique index, and the whole call with it:
  -- the caller then finds the batch stored (idempotence) without a lookup on the happy path.
  RETURN QUERY
    WITH inserted AS (
      INSERT INTO es_events AS e (stream_name, revision, event_id, type, data, metadata)
      SELECT p_stream, v_revision - p_count + b.n, (b.x->>'i')::uuid, b.x->>'t', b.x->'d',
        b.x->'m'
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS b(x, n)
      ORDER BY b.n
      RETURNING e.revision, e.transaction_id, e.global_position
    )
    SELECT i.revision, i.transaction_id::text, i.global_position::text
    FROM inserted i
    WHERE i.revision = v_revision;
  PERFORM pg_notify('${notificationChannel}', '');
END
$fn$`;

/** The columns of an event read; a header row (NULL stream name) carries facts of the read. */
const eventColumns = `stream_name text, revision bigint, transaction_id text,
  global_position text, event_id text, type text, data jsonb, metadata jsonb,
  recorded_at timestamptz`;

const readLog = `
CREATE FUNCTION es_read_log(
  p_after_transaction xid8, p_after_position bigint, p_limit bigint, p_categories text[],
  p_types text[]
) RETURNS TABLE (${eventColumns}) LANGUAGE plpgsql STABLE
SET enable_sort = off SET enable_bitmapscan = off AS $fn$
#variable_conflict use_column
DECLARE
  -- Every transaction below it has ended: what lies below is final.
  v_fence xid8 := pg_snapshot_xmin(pg_current_snapshot());
BEGIN
  RETURN QUERY
    SELECT NULL::text, NULL::bigint, v_fence::text,
      (SELECT max(t.transaction_id)::text FROM es_events t), NULL::text, NULL::text,
      NULL::jsonb, NULL::jsonb, NULL::timestamptz;
  RETURN QUERY
    SELECT e.stream_name, e.revision, e.transaction_id::text, e.global_position::text,
      e.event_id::text, e.type, e.data, e.metadata, e.recorded_at
    FROM es_events e
    WHERE (e.transaction_id, e.global_position) > (p_after_transaction, p_after_position)
      AND e.transaction_id < v_fence
      AND (p_categories IS NULL OR split_part(e.stream_name, '-', 1) = ANY (p_categories))
      AND (p_types IS NULL OR e.type = ANY (p_types))
    ORDER BY e.transaction_id, e.global_position
    LIMIT p_limit;
END
$fn$`;

const readStream = `
CREATE FUNCTION es_read_stream(
  p_stream text, p_from bigint, p_limit bigint, p_backwards boolean
) RETURNS TABLE (${eventColumns}, deleted boolean) LANGUAGE plpgsql STABLE
SET enable_sort = off AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT NULL::text, NULL::bigint, NULL::text, NULL::text, NULL::text, NULL::text,
      NULL::jsonb, NULL::jsonb, NULL::timestamptz,
      (SELECT s.deleted FROM es_streams s WHERE s.stream_name = p_stream);
  IF p_backwards THEN
    RETURN QUERY
      SELECT e.stream_name, e.revision, e.transaction_id::text, e.global_position::text,
        e.event_id::text, e.type, e.data, e.metadata, e.recorded_at, NULL::boolean
      FROM es_events e
      WHERE e.stream_name = p_stream AND e.revision <= p_from
      ORDER BY e.revision DESC
      LIMIT p_limit;
  ELSE
    RETURN QUERY
      SELECT e.stream_name, e.revision, e.transaction_id::text, e.global_position::text,
        e.event_id::text, e.type, e.data, e.metadata, e.recorded_at, NULL::boolean
      FROM es_events e
      WHERE e.stream_name = p_stream AND e.revision >= p_from
      ORDER BY e.revision
      LIMIT p_limit;
  END IF;
END
$fn$`;

/** `CREATE FUNCTION` statements, in the order the migration runs them. */
export const functionDefinitions: ReadonlyArray<string> = [append, readLog, readStream];

/** Their signatures, for `DROP FUNCTION`. */
export const functionNames: ReadonlyArray<string> = [
  'es_append(text, jsonb, bigint, text, bigint)',
  'es_read_log(xid8, bigint, bigint, text[], text[])',
  'es_read_stream(text, bigint, bigint, boolean)',
];
