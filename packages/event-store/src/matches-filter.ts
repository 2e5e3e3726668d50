import type { EventFilter } from './event-store.ts';
import { categoryOf } from './stream-name.ts';

/**
 * Whether an event passes a filter: its stream's category is one of `streamCategories` and its
 * type one of `eventTypes` (a list left out matches everything).
 */
export const matchesFilter = (
  streamName: string,
  type: string,
  filter: EventFilter | undefined,
): boolean =>
  (filter?.streamCategories === undefined ||
    filter.streamCategories.includes(categoryOf(streamName))) &&
  (filter?.eventTypes === undefined || filter.eventTypes.includes(type));
