import type { EventStoreLimits } from '@crm/event-store';
import type { EventStoreDBClient } from '@eventstore/db-client';
import type { RetryPolicy } from './retry.ts';

/** How to reach EventStoreDB: a connection string, or a client the caller owns (and disposes). */
export type EventStoreDbConnection =
  | { readonly connectionString: string }
  | { readonly client: EventStoreDBClient };

/** EventStoreDB's default `--max-append-size`: the bytes one append may carry in all. */
export const defaultMaxAppendSize = 1024 * 1024;

/**
 * Per-event limits that fit EventStoreDB's default maximum append size: 1 MiB less 4 KiB, the
 * room the server counts for the event type (twice its length) and the `$correlationId` /
 * `$causationId` copies the adapter adds to the metadata.
 */
export const defaultEventStoreDbLimits: EventStoreLimits = Object.freeze({
  maxEventBytes: defaultMaxAppendSize - 4096,
});

/** Tuning; every field has a default. */
export interface EventStoreDbEventStoreOptions {
  /** Per-event limits checked before any I/O; defaults to `defaultEventStoreDbLimits`. */
  readonly limits?: EventStoreLimits;
  /** The server's `--max-append-size` (default 1 MiB): a bigger batch is refused before I/O. */
  readonly maxAppendSize?: number;
  /**
   * `'verify'` (default) looks for the batch's event ids among the stream's last
   * `idempotenceWindow` events before appending, which makes the port's idempotence rule hold
   * whatever the expected revision; `'server'` trusts EventStoreDB's own check (best effort for
   * `any` / `stream_exists`) and only looks after a wrong expected version. See the README.
   */
  readonly idempotence?: 'verify' | 'server';
  /** How many of a stream's last events the idempotence check reads (default 100). */
  readonly idempotenceWindow?: number;
  /** Retries of safe operations after transient failures (default 3 attempts, ≤ 1 s apart). */
  readonly retry?: Partial<RetryPolicy>;
  /** The longest one call may wait for the server, in milliseconds (default 10,000). */
  readonly timeoutMs?: number;
  /** Events per page when `readAll` walks `$all` (default 500). */
  readonly readPageSize?: number;
}
