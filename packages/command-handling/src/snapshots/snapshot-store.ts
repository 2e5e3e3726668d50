import type { JsonValue } from '@crm/event-store';

/**
 * An aggregate's state as of one revision of its stream. Only an optimisation: loading reads
 * the events after it, and any snapshot can be deleted (or ignored, after a `stateVersion`
 * bump) and rebuilt from the log, which stays the only source of truth.
 */
export interface Snapshot {
  readonly streamName: string;
  /** The revision of the last event folded into `state`. */
  readonly revision: number;
  /** The id of that event: loading checks it, so a snapshot of another history is never used. */
  readonly eventId: string;
  /** The route's `snapshots.stateVersion` when it was taken. */
  readonly stateVersion: number;
  /** The state as JSON, or an `EncryptedValue` of it when it holds personal data. */
  readonly state: JsonValue;
}

/**
 * The snapshot store port: the newest snapshot per stream. Implemented in memory and on
 * PostgreSQL; rejects only when the store is unavailable (callers treat that as "no snapshot").
 */
export interface SnapshotStore {
  readonly load: (streamName: string) => Promise<Snapshot | undefined>;
  /** Keeps the snapshot unless one of a later revision is already stored. */
  readonly save: (snapshot: Snapshot) => Promise<void>;
  /** Forgets one stream's snapshot. */
  readonly delete: (streamName: string) => Promise<void>;
  /** Forgets every snapshot: a rebuild starts from the log alone. */
  readonly clear: () => Promise<void>;
}
