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
}

/** Typed query functions take the read-model database bound to the projection's schema. */
export type ReadModelDatabase<TTables> = Kysely<TTables>;

/**
 * Any projection, whatever its tables: the type of lists of different projections (a
 * registry such as `allProjections(settings)`, the projection host). Every `Projection<T>` is
 * one. Kysely's `Transaction<DB>` is invariant in `DB`, so no `Projection<X>` could stand for
 * them all; only the runtime calls `apply` through this type.
 */
export type AnyProjection = Omit<Projection<never>, 'apply'> & {
  readonly apply: (db: never, events: ReadonlyArray<ProjectedEvent>) => Promise<void>;
};
