import type { CurrencyCode, DomainEvent, EventMetadata } from '@crm/domain';
import type { LogPosition } from '@crm/event-store';
import type { Kysely, Migration, Transaction } from 'kysely';

/** An event as a projection sees it: decoded to the current schema, with where it sits. */
export interface ProjectedEvent {
  readonly streamName: string;
  readonly revision: number;
  readonly position: LogPosition;
  readonly event: DomainEvent;
  readonly metadata: EventMetadata;
}

/**
 * How figures are reported (brief §6): sums across deals are in one reporting currency,
 * converted at the rate recorded on each deal when it was won; months and years are calendar
 * periods in one IANA time zone.
 */
export interface ReportingSettings {
  readonly reportingCurrency: CurrencyCode;
  /** IANA zone such as `Europe/Berlin`; `UTC` by default. */
  readonly timeZone: string;
}

/**
 * A read model: the tables it owns, how to create them, and how a batch of events changes them.
 *
 * Each projection owns one PostgreSQL schema named after it (`customer_360`), so a rebuild can
 * build a fresh copy in a scratch schema and swap it in by renaming, while queries keep reading
 * the live one. `apply` must be deterministic: only the events decide what it writes (no clock,
 * no random ids), so a rebuild from zero equals the incremental result.
 */
export interface Projection<TTables> {
  /** Lower snake case; also the schema name (`customer_360`). */
  readonly name: string;
  /** Bump it when `apply` or the tables change meaning: the runtime then rebuilds from zero. */
  readonly version: number;
  /** Kysely migrations creating the tables; the runtime runs them inside the projection's schema. */
  readonly migrations: Readonly<Record<string, Migration>>;
  /** Only these event types are handed to `apply` (all when absent). */
  readonly eventTypes?: ReadonlyArray<DomainEvent['type']>;
  /**
   * Applies events, in log order, inside the runtime's transaction, which also advances the
   * checkpoint. `db` is bound to the projection's schema. Throwing marks the first event of the
   * batch the projection cannot apply as poison (the runtime re-applies one by one to find it).
   */
  readonly apply: (
    db: Transaction<TTables>,
    events: ReadonlyArray<ProjectedEvent>,
  ) => Promise<void>;
  /**
   * Optional, for rebuilds from zero: a fold that keeps the projection's rows in memory across
   * batches, so a rebuild neither reads its tables back nor rewrites a row once per batch that
   * touches it. The runtime uses it only when the scratch tables start empty; it must write
   * what `apply` would have written for the same events.
   */
  readonly startFold?: () => ProjectionFold<TTables>;
}

/**
 * A projection's rows held in memory through one rebuild from zero (see `Projection.startFold`).
 * The runtime flushes it now and then, in a transaction that also moves the scratch checkpoint,
 * and drops it (going on batch by batch) when it holds too much or an event does not apply.
 */
export interface ProjectionFold<TTables> {
  /** Applies events (in log order, each after the last) to the rows in memory; writes nothing. */
  readonly apply: (events: ReadonlyArray<ProjectedEvent>) => void;
  /** Writes every row changed since the last flush through `db`, bound to the scratch schema. */
  readonly flush: (db: Transaction<TTables>) => Promise<void>;
  /** Rows (and entries) it holds in memory: past the runtime's limit it is flushed and dropped. */
  readonly rowsHeld: () => number;
}

/** Typed query functions take the read-model database bound to the projection's schema. */
export type ReadModelDatabase<TTables> = Kysely<TTables>;

/**
 * Any projection, whatever its tables: the type of lists of different projections (a
 * registry such as `allProjections(settings)`, the projection host). Every `Projection<T>` is
 * one. Kysely's `Transaction<DB>` is invariant in `DB`, so no `Projection<X>` could stand for
 * them all; only the runtime calls `apply` through this type.
 */
export type AnyProjection = Omit<Projection<never>, 'apply' | 'startFold'> & {
  readonly apply: (db: never, events: ReadonlyArray<ProjectedEvent>) => Promise<void>;
  readonly startFold?: () => Omit<ProjectionFold<never>, 'flush'> & {
    readonly flush: (db: never) => Promise<void>;
  };
};
