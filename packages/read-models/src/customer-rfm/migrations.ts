import type { Kysely, Migration } from 'kysely';
import { createAppliedPositionTable } from '../projection-kit/index.ts';

/** Creates the RFM tables (inside the projection's schema). */
export const customerRfmMigrations: Readonly<Record<string, Migration>> = {
  '0001_customer_rfm': {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('rfm_customer')
        .addColumn('customer_id', 'text', (c) => c.primaryKey())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('churned_at', 'timestamptz')
        .addColumn('merged_into', 'text')
        .execute();
      await db.schema
        .createTable('rfm_deal')
        .addColumn('deal_id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('won_at', 'timestamptz', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('revenue_minor', 'bigint', (c) => c.notNull())
        .addColumn('reporting_revenue_minor', 'bigint')
        .execute();
      await db.schema
        .createIndex('rfm_deal_customer_idx')
        .on('rfm_deal')
        .columns(['customer_id', 'won_at'])
        .execute();
      await createAppliedPositionTable(db);
    },
  },
};
