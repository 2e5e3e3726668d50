import { type Kysely, type Migration, sql } from 'kysely';
import { createAppliedPositionTable } from '../projection-kit/index.ts';

/** Creates the sales forecast tables (inside the projection's schema). */
export const salesForecastMigrations: Readonly<Record<string, Migration>> = {
  '0001_sales_forecast': {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('forecast_deal')
        .addColumn('deal_id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('win_probability', 'smallint', (c) => c.notNull())
        .addColumn('expected_close_date', 'text', (c) => c.notNull())
        .addColumn('close_month', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('value_minor', 'bigint', (c) => c.notNull())
        .addColumn('weighted_centi_minor', 'bigint', (c) => c.notNull())
        .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
        .execute();
      // The forecast reads open deals only, by close month and by owner.
      await db.schema
        .createIndex('forecast_open_month_owner_idx')
        .on('forecast_deal')
        .columns(['close_month', 'owner_id'])
        .where(sql.ref('status'), '=', 'open')
        .execute();
      await db.schema
        .createIndex('forecast_open_owner_idx')
        .on('forecast_deal')
        .columns(['owner_id', 'close_month'])
        .where(sql.ref('status'), '=', 'open')
        .execute();
      await createAppliedPositionTable(db);
    },
  },
};
