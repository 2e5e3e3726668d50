import type { EventStore } from '../event-store.ts';
import type { EventStoreLimits } from '../validate-append.ts';

/** How an adapter hands its store to the contract suite. */
export interface EventStoreContractOptions {
  /** Names the `describe` block: `'in-memory'`, `'PostgreSQL (pg)'`. */
  readonly name: string;
  /**
   * Opens the store, once for the whole suite (`beforeAll`). It may be shared and non-empty:
   * every test uses names of its own.
   */
  readonly open: () => Promise<EventStore>;
  /** Tears it down after the suite (`afterAll`); defaults to `store.close()`. */
  readonly close?: (store: EventStore) => Promise<void>;
  /** The limits the store was opened with; defaults to `defaultEventStoreLimits`. */
  readonly limits?: EventStoreLimits;
  /** Runs per fast-check property; defaults to 25. */
  readonly numRuns?: number;
  /** Per-test timeout in milliseconds; defaults to 30,000. */
  readonly timeoutMs?: number;
}

/** What every part of the suite gets: the open store, and the options. */
export interface ContractContext {
  readonly store: () => EventStore;
  readonly limits: EventStoreLimits;
  readonly numRuns: number;
}
