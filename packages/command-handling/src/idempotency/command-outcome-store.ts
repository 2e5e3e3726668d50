import type { JsonObject } from '@crm/event-store';

/**
 * A command's outcome as recorded, without personal data: an accepted command is recorded by
 * where its events are (they are read back, decrypted, when the outcome is replayed); a
 * refused one by its error, encrypted under the subject's key when it may name the person.
 */
export type RecordedOutcome =
  | {
      readonly kind: 'accepted';
      readonly streamName: string;
      /** Revision of the first event appended; `eventCount` 0 for a no-op. */
      readonly firstRevision: number;
      readonly eventCount: number;
      readonly revision: number | 'no_stream';
      /** `positionToString` of the last event's position; `null` for a no-op. */
      readonly position: string | null;
    }
  | {
      readonly kind: 'rejected';
      readonly streamName: string | null;
      readonly errorTag: string;
      /** The error value, or its `EncryptedValue` form. */
      readonly error: JsonObject;
    };

/** What `claim` found. */
export type OutcomeClaim =
  /** The caller holds the command id now; `mayHaveActed` when an earlier attempt died or failed. */
  | { readonly status: 'acquired'; readonly mayHaveActed: boolean }
  /** The command was handled before: this is its outcome. */
  | { readonly status: 'completed'; readonly outcome: RecordedOutcome }
  /** Another live attempt holds the command id. */
  | { readonly status: 'busy' };

/**
 * The record of handled commands that makes commands idempotent. A handler claims a command
 * id with a lease before acting, so duplicates arriving together take turns; the first
 * completion is kept for good and returned to every later duplicate. A lease that runs out
 * (its handler died) can be claimed again, flagged `mayHaveActed`. Implemented in memory and on
 * PostgreSQL; rejects only when the store is unavailable.
 */
export interface CommandOutcomeStore {
  readonly claim: (commandId: string, holder: string, leaseMs: number) => Promise<OutcomeClaim>;
  /**
   * Records the outcome unless one is recorded already, and returns the one that is kept (the
   * first), whoever holds the lease.
   */
  readonly complete: (
    commandId: string,
    holder: string,
    outcome: RecordedOutcome,
  ) => Promise<RecordedOutcome>;
  /**
   * Gives the lease up without an outcome (an infrastructure failure). The claim stays, so the
   * next attempt is told `mayHaveActed` and checks the stream for events already appended.
   */
  readonly release: (commandId: string, holder: string) => Promise<void>;
}
