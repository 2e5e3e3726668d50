import { tombstoneType } from './names.ts';

/**
 * The store's hot paths as PL/pgSQL functions. A call is one short statement, so it is one
 * round trip, and PL/pgSQL keeps each inner statement's plan for the session: a long
 * multi-CTE statement sent through Kysely (which cannot name prepared statements) would be
 * parsed and planned on every call, which costs more than the work itself. The reads set
 * `enable_sort` and `enable_bitmapscan` off for their own duration, so that stale statistics
 * can never turn a page read into "scan everything after the cursor and sort it".
 */

/**
 * Reads the stream's last row into v_last (-1 when none), v_last_transaction and v_deleted, and
 * returns no row unless the expected revision holds, the stream is not deleted and the last
 * writer's transaction is not newer than ours: an older transaction's events would sort before
 * that writer's in the log, against their revisions (the caller retries in a new transaction).
 */
const checkLast = `
  SELECT e.revision, e.transaction_id, e.type = '${tombstoneType}'
    INTO v_last, v_last_transaction, v_deleted
  FROM es_events e
  WHERE e.stream_name = p_stream
  ORDER BY e.revision DESC
  LIMIT 1;
  v_last := coalesce(v_last, -1);
  IF v_deleted
    OR (p_expected = 'no_stream' AND v_last >= 0)
    OR (p_expected = 'stream_exists' AND v_last < 0)
    OR (p_expected = 'exact' AND v_last <> p_revision)
    OR v_last_transaction > pg_current_xact_id() THEN
    RETURN;
  END IF;`;

const append = `
CREATE FUNCTION es_append(
  p_stream text, p_events jsonb, p_count bigint, p_expected text, p_revision bigint
) RETURNS TABLE (revision bigint, transaction_id text, global_position text)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_last bigint := -1;
  v_last_transaction xid8;
  v_deleted boolean;
BEGIN
  -- The unique index on (stream_name, revision) is the arbiter: of two writers inserting the
  -- same revision, the second waits for the first and fails if it commits. 'no_stream' inserts
  -- revision 0 without a look; an exact revision looks at the last row first; 'any' and
  -- 'stream_exists' append after whatever is last, so their writers queue on a lock of the
  -- stream's name instead of failing each other.
  IF p_expected <> 'no_stream' THEN
    IF p_expected <> 'exact' THEN
      PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
    END IF;
${checkLast}
  END IF;
  IF p_count = 1 THEN
    RETURN QUERY
      INSERT INTO es_events AS e (stream_name, revision, event_id, type, data, metadata)
      VALUES (p_stream, v_last + 1, (p_events->0->>'i')::uuid, p_events->0->>'t',
        p_events->0->'d', p_events->0->'m')
      RETURNING e.revision, e.transaction_id::text, e.global_position::text;
  ELSE
    RETURN QUERY
      WITH inserted AS (
        INSERT INTO es_events AS e (stream_name, revision, event_id, type, data, metadata)
        SELECT p_stream, v_last + b.n, (b.x->>'i')::uuid, b.x->>'t', b.x->'d', b.x->'m'
        FROM jsonb_array_elements(p_events) WITH ORDINALITY AS b(x, n)
        ORDER BY b.n
        RETURNING e.revision, e.transaction_id, e.global_position
      )
      SELECT i.revision, i.transaction_id::text, i.global_position::text
      FROM inserted i
      WHERE i.revision = v_last + p_count;
  END IF;
END
$fn$`;

const deleteStream = `
CREATE FUNCTION es_delete_stream(p_stream text, p_expected text, p_revision bigint)
RETURNS TABLE (revision bigint) LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_last bigint := -1;
  v_last_transaction xid8;
  v_deleted boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
${checkLast}
  -- The tombstone takes the next revision, so it conflicts with any concurrent append.
  RETURN QUERY
    INSERT INTO es_events AS e (stream_name, revision, event_id, type, data, metadata)
    VALUES (p_stream, v_last + 1, gen_random_uuid(), '${tombstoneType}', 'null', '{}')
    RETURNING e.revision;
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
      AND e.type <> '${tombstoneType}'
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
      (SELECT t.type = '${tombstoneType}' FROM es_events t WHERE t.stream_name = p_stream
       ORDER BY t.revision DESC LIMIT 1);
  IF p_backwards THEN
    RETURN QUERY
      SELECT e.stream_name, e.revision, e.transaction_id::text, e.global_position::text,
        e.event_id::text, e.type, e.data, e.metadata, e.recorded_at, NULL::boolean
      FROM es_events e
      WHERE e.stream_name = p_stream AND e.revision <= p_from AND e.type <> '${tombstoneType}'
      ORDER BY e.revision DESC
      LIMIT p_limit;
  ELSE
    RETURN QUERY
      SELECT e.stream_name, e.revision, e.transaction_id::text, e.global_position::text,
        e.event_id::text, e.type, e.data, e.metadata, e.recorded_at, NULL::boolean
      FROM es_events e
      WHERE e.stream_name = p_stream AND e.revision >= p_from AND e.type <> '${tombstoneType}'
      ORDER BY e.revision
      LIMIT p_limit;
  END IF;
END
$fn$`;

/** `CREATE FUNCTION` statements, in the order the migration runs them. */
export const functionDefinitions: ReadonlyArray<string> = [
  append,
  deleteStream,
  readLog,
  readStream,
];

/** Their signatures, for `DROP FUNCTION`. */
export const functionNames: ReadonlyArray<string> = [
  'es_append(text, jsonb, bigint, text, bigint)',
  'es_delete_stream(text, text, bigint)',
  'es_read_log(xid8, bigint, bigint, text[], text[])',
  'es_read_stream(text, bigint, bigint, boolean)',
];
