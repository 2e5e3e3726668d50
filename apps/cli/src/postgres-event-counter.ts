import type { EventStoreTables } from '@crm/event-store-postgres';
import type { EventCounter } from '@crm/projections';
import { type Kysely, sql } from 'kysely';

/**
 * Counts events after a position in SQL on the PostgreSQL store's `es_events`, whose primary
 * key is the log order: one index range scan instead of reading every event. (The projector
 * app has the same; a shared home would be `@crm/event-store-postgres`.)
 */
export const postgresEventCounter =
  <TDatabase extends EventStoreTables>(db: Kysely<TDatabase>): EventCounter =>
  async (after, filter) => {
    const types = filter?.eventTypes === undefined ? null : [...filter.eventTypes];
    const categories = filter?.streamCategories === undefined ? null : [...filter.streamCategories];
    const { rows } = await sql<{ readonly count: string }>`
      SELECT count(*)::text AS count FROM es_events
      WHERE (transaction_id, global_position) >
          (${after.commit < 0n ? '0' : after.commit.toString()}::xid8, ${after.prepare.toString()}::bigint)
        AND (${types}::text[] IS NULL OR type = ANY (${types}::text[]))
        AND (${categories}::text[] IS NULL
          OR split_part(stream_name, '-', 1) = ANY (${categories}::text[]))`.execute(db);
    return Number(rows[0]?.count ?? 0);
  };
