import type { LogPosition } from '@crm/event-store';

/**
 * Where a subscriber got to in the global log, by subscriber name. Implemented in memory and
 * on PostgreSQL; rejects only when the store is unavailable.
 */
export interface CheckpointStore {
  /** The last position handled; `undefined`: start from the beginning of the log. */
  readonly load: (name: string) => Promise<LogPosition | undefined>;
  readonly save: (name: string, position: LogPosition) => Promise<void>;
}
