import { type Kysely, type Migration, sql } from 'kysely';
import { createAppliedPositionTable } from '../projection-kit/index.ts';

/** Creates the rep performance tables (inside the projection's schema). */
export const repPerformanceMigrations: Readonly<Record<string, Migration>> = {
  '0001_rep_performance': {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('rep_deal')
        .addColumn('deal_id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'timestamptz')
        .addColumn('closed_month', 'text')
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('revenue_minor', 'bigint')
        .addColumn('cost_minor', 'bigint')
        .addColumn('profit_minor', 'bigint')
        .addColumn('reporting_revenue_minor', 'bigint')
        .addColumn('reporting_cost_minor', 'bigint')
        .addColumn('reporting_profit_minor', 'bigint')
        .execute();
      await db.schema
        .createIndex('rep_deal_closed_idx')
        .on('rep_deal')
        .columns(['owner_id', 'closed_month'])
        .where(sql.ref('status'), '<>', 'open')
        .execute();
      await db.schema
        .createTable('rep_deal_line')
        .addColumn('deal_id', 'text', (c) => c.notNull())
        .addColumn('line_no', 'integer', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('closed_month', 'text', (c) => c.notNull())
        .addColumn('quantity', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('profit_minor', 'bigint', (c) => c.notNull())
        .addColumn('reporting_profit_minor', 'bigint')
        .addPrimaryKeyConstraint('rep_deal_line_pkey', ['deal_id', 'line_no'])
        .execute();
      await db.schema
        .createIndex('rep_deal_line_product_idx')
        .on('rep_deal_line')
        .columns(['product_id'])
        .execute();
      await db.schema
        .createIndex('rep_deal_line_owner_idx')
        .on('rep_deal_line')
        .columns(['owner_id', 'closed_month'])
        .execute();
      await createAppliedPositionTable(db);
    },
  },
};
