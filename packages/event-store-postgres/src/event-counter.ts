import type { EventFilter, LogPosition } from '@crm/event-store';
import { type Kysely, sql } from 'kysely';
import type { EventStoreTables } from './schema.ts';

/** Options of {@link postgresEventCounter}. */
export interface PostgresEventCounterOptions {
  /**
   * Stop counting at this many: past it, "very far behind" is all a log line needs. Counts
   * every event when absent.
   */
  readonly cap?: number;
}

/**
 * Counts the events after a position that pass a filter, in SQL on the store's `es_events`,
 * whose primary key is the log order: one index range scan instead of reading every event.
 * Shaped as `@crm/projections`' `EventCounter` (lag and rebuild totals).
 */
export const postgresEventCounter =
  <TDatabase extends EventStoreTables>(
    db: Kysely<TDatabase>,
    options: PostgresEventCounterOptions = {},
  ) =>
  async (after: LogPosition, filter: EventFilter | undefined): Promise<number> => {
    const types = filter?.eventTypes === undefined ? null : [...filter.eventTypes];
    const categories = filter?.streamCategories === undefined ? null : [...filter.streamCategories];
    // `LIMIT NULL` is no limit.
    const { rows } = await sql<{ readonly count: string }>`
      SELECT count(*)::text AS count FROM (
        SELECT 1 FROM es_events
        WHERE (transaction_id, global_position) >
            (${after.commit < 0n ? '0' : after.commit.toString()}::xid8, ${after.prepare.toString()}::bigint)
          AND (${types}::text[] IS NULL OR type = ANY (${types}::text[]))
          AND (${categories}::text[] IS NULL
            OR split_part(stream_name, '-', 1) = ANY (${categories}::text[]))
        LIMIT ${options.cap ?? null}
      ) counted`.execute(db);
    return Number(rows[0]?.count ?? 0);
  };
