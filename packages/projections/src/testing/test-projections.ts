import { categoryOf } from '@crm/event-store';
import { sql } from 'kysely';
import type { ProjectedEvent, Projection, ProjectionFold } from '../projection.ts';

/** Tables of `categoryCountProjection`. */
export interface CategoryCountTables {
  readonly category_counts: {
    readonly category: string;
    readonly events: string;
    readonly last_event_id: string;
  };
}

/** Tables of `streamCountProjection`. */
export interface StreamCountTables {
  readonly stream_counts: {
    readonly stream_name: string;
    readonly events: string;
    readonly last_revision: number;
    readonly last_type: string;
  };
  readonly customer_counts: {
    readonly customer_id: string;
    readonly events: string;
  };
}

/** What the test projections take: a name (their schema), a version, and a poison rule. */
export interface TestProjectionOptions {
  readonly name?: string;
  readonly version?: number;
  /** An event for which `apply` throws, as a projection with a bug would. */
  readonly poison?: (event: ProjectedEvent) => boolean;
  /** Gives the projection a fold for rebuilds (`categoryCountProjection` only). */
  readonly fold?: {
    /** Called with the number of rows each flush writes. */
    readonly onFlush?: (rows: number) => void;
  };
}

const checkPoison = (options: TestProjectionOptions, events: ReadonlyArray<ProjectedEvent>) => {
  const poison = options.poison;
  const bad = poison === undefined ? undefined : events.find(poison);
  if (bad !== undefined) {
    throw new TypeError(`test projection cannot apply ${bad.event.type} of ${bad.streamName}`);
  }
};

// Sums, not idempotent on purpose: an event applied twice shows as a wrong count.
const countBy = <TKey>(
  events: ReadonlyArray<ProjectedEvent>,
  keyOf: (event: ProjectedEvent) => TKey | undefined,
): Map<TKey, { count: number; last: ProjectedEvent }> => {
  const counts = new Map<TKey, { count: number; last: ProjectedEvent }>();
  for (const event of events) {
    const key = keyOf(event);
    if (key === undefined) continue;
    counts.set(key, { count: (counts.get(key)?.count ?? 0) + 1, last: event });
  }
  return counts;
};

// The fold keeps every category's count in memory and writes the changed ones as they are.
const categoryCountFold = (
  options: TestProjectionOptions,
): (() => ProjectionFold<CategoryCountTables>) => {
  return () => {
    const counts = new Map<string, { events: number; last: string }>();
    const changed = new Set<string>();
    return {
      apply: (events) => {
        checkPoison(options, events);
        for (const [category, { count, last }] of countBy(events, (event) =>
          categoryOf(event.streamName),
        )) {
          counts.set(category, {
            events: (counts.get(category)?.events ?? 0) + count,
            last: last.metadata.eventId,
          });
          changed.add(category);
        }
      },
      flush: async (db) => {
        options.fold?.onFlush?.(changed.size);
        const rows = [...changed].flatMap((category) => {
          const count = counts.get(category);
          return count === undefined ? [] : [sql`(${category}, ${count.events}, ${count.last})`];
        });
        changed.clear();
        if (rows.length === 0) return;
        await sql`
          INSERT INTO category_counts (category, events, last_event_id) VALUES ${sql.join(rows)}
          ON CONFLICT (category) DO UPDATE SET events = excluded.events,
            last_event_id = excluded.last_event_id`.execute(db);
      },
      rowsHeld: () => counts.size,
    };
  };
};

/**
 * A test projection: events per stream category (`customer`, `deal`…), written once per batch
 * with one multi-row upsert, as the read models do; with `fold`, also folded in memory on a
 * rebuild from zero.
 */
export const categoryCountProjection = (
  options: TestProjectionOptions = {},
): Projection<CategoryCountTables> => ({
  ...(options.fold === undefined ? {} : { startFold: categoryCountFold(options) }),
  name: options.name ?? 'category_counts',
  version: options.version ?? 1,
  migrations: {
    '0001_category_counts': {
      up: async (db) => {
        await sql`
          CREATE TABLE category_counts (
            category text PRIMARY KEY,
            events bigint NOT NULL,
            last_event_id text NOT NULL
          )`.execute(db);
      },
    },
  },
  apply: async (db, events) => {
    checkPoison(options, events);
    const counts = countBy(events, (event) => categoryOf(event.streamName));
    if (counts.size === 0) return;
    const rows = [...counts].map(
      ([category, { count, last }]) => sql`(${category}, ${count}, ${last.metadata.eventId})`,
    );
    await sql`
      INSERT INTO category_counts (category, events, last_event_id) VALUES ${sql.join(rows)}
      ON CONFLICT (category) DO UPDATE SET events = category_counts.events + excluded.events,
        last_event_id = excluded.last_event_id`.execute(db);
  },
});

/**
 * A test projection: events per stream (with its last revision and type) and per customer
 * (events whose data names a `customerId`), through Kysely's builder this time.
 */
export const streamCountProjection = (
  options: TestProjectionOptions = {},
): Projection<StreamCountTables> => ({
  name: options.name ?? 'stream_counts',
  version: options.version ?? 1,
  migrations: {
    '0001_stream_counts': {
      up: async (db) => {
        await db.schema
          .createTable('stream_counts')
          .addColumn('stream_name', 'text', (column) => column.primaryKey())
          .addColumn('events', 'bigint', (column) => column.notNull())
          .addColumn('last_revision', 'integer', (column) => column.notNull())
          .addColumn('last_type', 'text', (column) => column.notNull())
          .execute();
        await db.schema
          .createTable('customer_counts')
          .addColumn('customer_id', 'text', (column) => column.primaryKey())
          .addColumn('events', 'bigint', (column) => column.notNull())
          .execute();
      },
    },
  },
  apply: async (db, events) => {
    checkPoison(options, events);
    const streams = countBy(events, (event) => event.streamName);
    if (streams.size > 0) {
      await db
        .insertInto('stream_counts')
        .values(
          [...streams].map(([stream_name, { count, last }]) => ({
            stream_name,
            events: String(count),
            last_revision: last.revision,
            last_type: last.event.type,
          })),
        )
        .onConflict((conflict) =>
          conflict.column('stream_name').doUpdateSet((eb) => ({
            events: sql<string>`stream_counts.events + ${eb.ref('excluded.events')}`,
            last_revision: eb.ref('excluded.last_revision'),
            last_type: eb.ref('excluded.last_type'),
          })),
        )
        .execute();
    }
    const customers = countBy(events, (event) => {
      const data = event.event.data as { readonly customerId?: unknown };
      return typeof data.customerId === 'string' ? data.customerId : undefined;
    });
    if (customers.size > 0) {
      await db
        .insertInto('customer_counts')
        .values(
          [...customers].map(([customer_id, { count }]) => ({
            customer_id,
            events: String(count),
          })),
        )
        .onConflict((conflict) =>
          conflict.column('customer_id').doUpdateSet((eb) => ({
            events: sql<string>`customer_counts.events + ${eb.ref('excluded.events')}`,
          })),
        )
        .execute();
    }
  },
});
