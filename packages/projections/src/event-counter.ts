import type { EventFilter, EventStore, LogPosition } from '@crm/event-store';

/**
 * Counts the events of the global log after a position that pass a filter: how far behind a
 * projection is (its lag) and how much a rebuild has to do. A store may count in SQL (the
 * projector app does so on PostgreSQL); `countEventsByReading` works on any store.
 */
export type EventCounter = (after: LogPosition, filter: EventFilter | undefined) => Promise<number>;

/**
 * Counts by reading the log page by page through the port: right on any store, but it reads
 * every event it counts, so prefer a store's own count on a long log.
 */
export const countEventsByReading =
  (store: EventStore, pageSize = 5000): EventCounter =>
  async (after, filter) => {
    let count = 0;
    let position = after;
    for (;;) {
      const page = await store.readAll({
        after: position,
        maxCount: pageSize,
        ...(filter === undefined ? {} : { filter }),
      });
      count += page.length;
      const last = page[page.length - 1];
      if (last === undefined || page.length < pageSize) return count;
      position = last.position;
    }
  };
