import { type Kysely, type Migration, sql } from 'kysely';
import { createAppliedPositionTable } from '../projection-kit/index.ts';
import type { LifecycleFunnelTables } from './tables.ts';

const up = async (db: Kysely<LifecycleFunnelTables>): Promise<void> => {
  await db.schema
    .createTable('customers')
    .addColumn('customer_id', 'text', (col) => col.primaryKey())
    .addColumn('registered_at', 'timestamptz', (col) => col.notNull())
    .addColumn('cohort_month', 'text', (col) => col.notNull())
    .addColumn('current_stage', 'text', (col) => col.notNull())
    .addColumn('current_since', 'timestamptz', (col) => col.notNull())
    .addColumn('furthest_rank', 'int2', (col) => col.notNull())
    .addColumn('stay_count', 'int4', (col) => col.notNull())
    .addColumn('merged_into', 'text')
    .execute();
  await db.schema
    .createTable('stage_stays')
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('seq', 'int4', (col) => col.notNull())
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('entered_at', 'timestamptz', (col) => col.notNull())
    .addColumn('entered_month', 'text', (col) => col.notNull())
    .addColumn('left_at', 'timestamptz')
    .addPrimaryKeyConstraint('stage_stays_pk', ['customer_id', 'seq'])
    .execute();
  await db.schema
    .createTable('deals')
    .addColumn('deal_id', 'text', (col) => col.primaryKey())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('furthest_rank', 'int2', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('win_probability', 'int2', (col) => col.notNull())
    .addColumn('value_minor', 'int8', (col) => col.notNull())
    .addColumn('weighted_minor', 'int8', (col) => col.notNull())
    .addColumn('won_reporting_minor', 'int8')
    .execute();
  // Counting queries group whole tables; these serve the per-month and per-cohort filters.
  await db.schema
    .createIndex('stage_stays_month')
    .on('stage_stays')
    .columns(['entered_month', 'stage'])
    .execute();
  await db.schema.createIndex('customers_cohort').on('customers').column('cohort_month').execute();
  await db.schema
    .createIndex('stage_stays_open')
    .on('stage_stays')
    .column('customer_id')
    .where(sql.ref('left_at'), 'is', null)
    .execute();
  await createAppliedPositionTable(db);
};

/** The migrations of the lifecycle-funnel read model, run inside its schema. */
export const lifecycleFunnelMigrations: Readonly<Record<string, Migration>> = {
  '0001_lifecycle_funnel': { up },
};
