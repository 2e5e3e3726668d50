import type { Kysely, Migration } from 'kysely';
import { createAppliedPositionTable } from '../projection-kit/index.ts';

/** Creates the KPI board tables (inside the projection's schema). */
export const kpiBoardMigrations: Readonly<Record<string, Migration>> = {
  '0001_kpi_board': {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('kpi_customer')
        .addColumn('customer_id', 'text', (c) => c.primaryKey())
        .addColumn('registered_at', 'timestamptz', (c) => c.notNull())
        .addColumn('registered_month', 'text', (c) => c.notNull())
        .addColumn('became_customer_at', 'timestamptz')
        .addColumn('became_customer_month', 'text')
        .addColumn('churned', 'boolean', (c) => c.notNull())
        .addColumn('merged', 'boolean', (c) => c.notNull())
        .addColumn('active', 'boolean', (c) => c.notNull())
        .addColumn('spans', 'integer', (c) => c.notNull())
        .addColumn('active_since', 'timestamptz')
        .addColumn('active_since_month', 'text')
        .execute();
      await db.schema
        .createIndex('kpi_customer_registered_idx')
        .on('kpi_customer')
        .columns(['registered_month'])
        .execute();
      await db.schema
        .createIndex('kpi_customer_converted_idx')
        .on('kpi_customer')
        .columns(['became_customer_month'])
        .execute();
      await db.schema
        .createTable('kpi_active_span')
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('span_no', 'integer', (c) => c.notNull())
        .addColumn('from_at', 'timestamptz', (c) => c.notNull())
        .addColumn('from_month', 'text', (c) => c.notNull())
        .addColumn('to_at', 'timestamptz')
        .addColumn('to_month', 'text')
        .addPrimaryKeyConstraint('kpi_active_span_pkey', ['customer_id', 'span_no'])
        .execute();
      await db.schema
        .createIndex('kpi_active_span_months_idx')
        .on('kpi_active_span')
        .columns(['from_month', 'to_month'])
        .execute();
      await db.schema
        .createTable('kpi_score')
        .addColumn('source_id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'smallint', (c) => c.notNull())
        .addColumn('answered_at', 'timestamptz', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('kpi_score_month_idx')
        .on('kpi_score')
        .columns(['month', 'kind'])
        .execute();
      await db.schema
        .createTable('kpi_won_deal')
        .addColumn('deal_id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('won_at', 'timestamptz', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('revenue_minor', 'bigint', (c) => c.notNull())
        .addColumn('reporting_revenue_minor', 'bigint')
        .execute();
      await db.schema
        .createIndex('kpi_won_deal_month_idx')
        .on('kpi_won_deal')
        .columns(['month'])
        .execute();
      await createAppliedPositionTable(db);
    },
  },
};
