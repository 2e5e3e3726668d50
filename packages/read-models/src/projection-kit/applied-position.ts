import type { ProjectedEvent } from '@crm/projections';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Int8 } from './column-types.ts';

/** The one-row table holding the log position of the last event a projection applied. */
export interface AppliedPositionTable {
  readonly id: number;
  readonly commit_position: Int8;
  readonly prepare_position: Int8;
}

/** The tables every projection of this package has besides its own. */
export interface AppliedPositionTables {
  readonly applied_position: AppliedPositionTable;
}

// `db` is bound to a projection's schema whose tables include `applied_position`.
const bound = <TTables>(db: Kysely<TTables>): Kysely<AppliedPositionTables> =>
  db as unknown as Kysely<AppliedPositionTables>;

/** Migration step: creates `applied_position` in the projection's schema. */
export const createAppliedPositionTable = async <TTables>(db: Kysely<TTables>): Promise<void> => {
  await bound(db)
    .schema.createTable('applied_position')
    .addColumn('id', 'int2', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('commit_position', 'int8', (col) => col.notNull())
    .addColumn('prepare_position', 'int8', (col) => col.notNull())
    .execute();
};

/** Records `position` as the last event the projection applied, in the caller's transaction. */
export const recordAppliedPosition = async <TTables>(
  db: Transaction<TTables>,
  position: { readonly commit: bigint; readonly prepare: bigint },
): Promise<void> => {
  await bound(db)
    .insertInto('applied_position')
    .values({ id: 1, commit_position: position.commit, prepare_position: position.prepare })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        commit_position: eb.ref('excluded.commit_position'),
        prepare_position: eb.ref('excluded.prepare_position'),
      })),
    )
    .execute();
};

const isAfter = (
  event: ProjectedEvent,
  last: { readonly commit: bigint; readonly prepare: bigint } | undefined,
): boolean =>
  last === undefined ||
  event.position.commit > last.commit ||
  (event.position.commit === last.commit && event.position.prepare > last.prepare);

/**
 * The events of a batch this projection has not applied yet, and a function that records the
 * new high-water mark in the same transaction. Positions only grow, so an event delivered twice
 * (a retried batch, a duplicate inside one) is skipped: applying is idempotent, not only
 * exactly-once by the runtime's checkpoint.
 */
export const unappliedEvents = async <TTables>(
  db: Transaction<TTables>,
  events: ReadonlyArray<ProjectedEvent>,
): Promise<{
  readonly fresh: ReadonlyArray<ProjectedEvent>;
  readonly record: () => Promise<void>;
}> => {
  const row = await bound(db)
    .selectFrom('applied_position')
    .select(['commit_position', 'prepare_position'])
    .where('id', '=', 1)
    .executeTakeFirst();
  let last =
    row === undefined
      ? undefined
      : { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
  const fresh: ProjectedEvent[] = [];
  for (const event of events) {
    if (!isAfter(event, last)) continue;
    fresh.push(event);
    last = event.position;
  }
  const record = async (): Promise<void> => {
    if (last === undefined || fresh.length === 0) return;
    await recordAppliedPosition(db, last);
  };
  return { fresh, record };
};
