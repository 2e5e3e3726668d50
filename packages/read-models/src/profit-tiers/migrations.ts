import type { Kysely, Migration } from 'kysely';
import { createAppliedPositionTable } from '../projection-kit/index.ts';
import type { ProfitTiersTables } from './tables.ts';

const money = ['revenue', 'cost', 'profit'] as const;

const up = async (db: Kysely<ProfitTiersTables>): Promise<void> => {
  await db.schema
    .createTable('customers')
    .addColumn('customer_id', 'text', (col) => col.primaryKey())
    .addColumn('merged_into', 'text')
    .execute();
  await db.schema
    .createTable('won_deals')
    .addColumn('deal_id', 'text', (col) => col.primaryKey())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('won_month', 'text', (col) => col.notNull())
    .execute();
  let customerMonths = db.schema
    .createTable('customer_months')
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('month', 'text', (col) => col.notNull())
    .addColumn('year', 'int4', (col) => col.notNull());
  for (const column of money) {
    customerMonths = customerMonths.addColumn(column, 'int8', (col) => col.notNull());
  }
  await customerMonths
    .addColumn('orders', 'int4', (col) => col.notNull())
    .addPrimaryKeyConstraint('customer_months_pk', ['customer_id', 'month'])
    .execute();
  let productMonths = db.schema
    .createTable('product_months')
    .addColumn('product_id', 'text', (col) => col.notNull())
    .addColumn('month', 'text', (col) => col.notNull())
    .addColumn('year', 'int4', (col) => col.notNull());
  for (const column of money) {
    productMonths = productMonths.addColumn(column, 'int8', (col) => col.notNull());
  }
  await productMonths
    .addColumn('quantity', 'int8', (col) => col.notNull())
    .addColumn('orders', 'int4', (col) => col.notNull())
    .addPrimaryKeyConstraint('product_months_pk', ['product_id', 'month'])
    .execute();
  let unconverted = db.schema
    .createTable('unconverted_amounts')
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'text', (col) => col.notNull())
    .addColumn('month', 'text', (col) => col.notNull())
    .addColumn('year', 'int4', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull());
  for (const column of money) {
    unconverted = unconverted.addColumn(column, 'int8', (col) => col.notNull());
  }
  await unconverted
    .addColumn('deals', 'int4', (col) => col.notNull())
    .addPrimaryKeyConstraint('unconverted_amounts_pk', [
      'subject',
      'subject_id',
      'month',
      'currency',
    ])
    .execute();
  // Period filters read one month range or one year across every customer or product.
  await db.schema
    .createIndex('customer_months_month')
    .on('customer_months')
    .column('month')
    .execute();
  await db.schema
    .createIndex('customer_months_year')
    .on('customer_months')
    .column('year')
    .execute();
  await db.schema
    .createIndex('product_months_month')
    .on('product_months')
    .column('month')
    .execute();
  await db.schema.createIndex('product_months_year').on('product_months').column('year').execute();
  await createAppliedPositionTable(db);
};

/** The migrations of the profit-tiers read model, run inside its schema. */
export const profitTiersMigrations: Readonly<Record<string, Migration>> = {
  '0001_profit_tiers': { up },
};
