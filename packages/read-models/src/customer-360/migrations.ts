import { type Kysely, type Migration, sql } from 'kysely';
import { createAppliedPositionTable } from '../projection-kit/index.ts';
import type { Customer360Tables } from './tables.ts';

const createCustomers = async (db: Kysely<Customer360Tables>): Promise<void> => {
  await db.schema
    .createTable('customers')
    .addColumn('customer_id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('given_name', 'text')
    .addColumn('family_name', 'text')
    .addColumn('legal_name', 'text')
    .addColumn('display_name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('address', 'jsonb')
    .addColumn('acquisition_source', 'text', (col) => col.notNull())
    .addColumn('acquisition_channel', 'text', (col) => col.notNull())
    .addColumn('owner_id', 'text', (col) => col.notNull())
    .addColumn('registered_at', 'timestamptz', (col) => col.notNull())
    .addColumn('tags', sql`text[]`, (col) => col.notNull())
    .addColumn('lifecycle_stage', 'text', (col) => col.notNull())
    .addColumn('lifecycle_since', 'timestamptz', (col) => col.notNull())
    .addColumn('furthest_stage', 'text', (col) => col.notNull())
    .addColumn('preferences', 'jsonb', (col) => col.notNull())
    .addColumn('loyalty_balance', 'int8', (col) => col.notNull())
    .addColumn('loyalty_earned', 'int8', (col) => col.notNull())
    .addColumn('loyalty_redeemed', 'int8', (col) => col.notNull())
    .addColumn('survey_csat_count', 'int4', (col) => col.notNull())
    .addColumn('survey_csat_total', 'int4', (col) => col.notNull())
    .addColumn('nps_count', 'int4', (col) => col.notNull())
    .addColumn('nps_total', 'int4', (col) => col.notNull())
    .addColumn('nps_latest', 'int2')
    .addColumn('nps_latest_at', 'timestamptz')
    .addColumn('interaction_count', 'int4', (col) => col.notNull())
    .addColumn('last_comm_source', 'text')
    .addColumn('last_comm_reference', 'text')
    .addColumn('last_comm_channel', 'text')
    .addColumn('last_comm_direction', 'text')
    .addColumn('last_comm_summary', 'text')
    .addColumn('last_comm_by', 'text')
    .addColumn('last_comm_at', 'timestamptz')
    .addColumn('merged_into', 'text')
    .addColumn('family', sql`text[]`, (col) => col.notNull())
    .addColumn('erased_at', 'timestamptz')
    .execute();
  // Look-ups while the customer is on the line: by E.164 phone, by normalised email, by name prefix.
  await db.schema.createIndex('customers_phone').on('customers').column('phone').execute();
  await db.schema.createIndex('customers_email').on('customers').column('email').execute();
  await db.schema
    .createIndex('customers_display_name_prefix')
    .on('customers')
    .expression(sql`lower(display_name) text_pattern_ops`)
    .execute();
  await db.schema
    .createIndex('customers_family_name_prefix')
    .on('customers')
    .expression(sql`lower(family_name) text_pattern_ops`)
    .execute();
};

const createActivity = async (db: Kysely<Customer360Tables>): Promise<void> => {
  await db.schema
    .createTable('deals')
    .addColumn('deal_id', 'text', (col) => col.primaryKey())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('title', 'text')
    .addColumn('owner_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('win_probability', 'int2', (col) => col.notNull())
    .addColumn('value_minor', 'int8', (col) => col.notNull())
    .addColumn('weighted_minor', 'int8', (col) => col.notNull())
    .addColumn('expected_close_date', 'text', (col) => col.notNull())
    .addColumn('opened_at', 'timestamptz', (col) => col.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('revenue_minor', 'int8')
    .addColumn('cost_minor', 'int8')
    .addColumn('profit_minor', 'int8')
    .addColumn('exchange_rate', 'jsonb')
    .addColumn('reporting_revenue_minor', 'int8')
    .addColumn('reporting_cost_minor', 'int8')
    .addColumn('reporting_profit_minor', 'int8')
    .addColumn('ordered', 'jsonb', (col) => col.notNull())
    .addColumn('delivered', 'jsonb', (col) => col.notNull())
    .addColumn('delivery_status', 'text')
    .addColumn('invoiced_minor', 'int8', (col) => col.notNull())
    .addColumn('paid_minor', 'int8', (col) => col.notNull())
    .addColumn('outstanding_minor', 'int8', (col) => col.notNull())
    .addColumn('payment_status', 'text')
    .addColumn('corrections', 'int4', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('deals_customer')
    .on('deals')
    .columns(['customer_id', 'status'])
    .execute();
  await db.schema
    .createTable('tickets')
    .addColumn('ticket_id', 'text', (col) => col.primaryKey())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('deal_id', 'text')
    .addColumn('subject', 'text')
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('priority', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('opened_at', 'timestamptz', (col) => col.notNull())
    .addColumn('first_response_breached', 'boolean', (col) => col.notNull())
    .addColumn('resolution_breached', 'boolean', (col) => col.notNull())
    .addColumn('rating', 'int2')
    .execute();
  await db.schema.createIndex('tickets_customer').on('tickets').column('customer_id').execute();
  await db.schema
    .createTable('follow_ups')
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('follow_up_id', 'text', (col) => col.notNull())
    .addColumn('due_at', 'timestamptz', (col) => col.notNull())
    .addColumn('assignee_id', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('follow_ups_pk', ['customer_id', 'follow_up_id'])
    .execute();
  await db.schema
    .createIndex('follow_ups_open_due')
    .on('follow_ups')
    .columns(['customer_id', 'due_at'])
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createTable('campaigns')
    .addColumn('campaign_id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('campaign_members')
    .addColumn('campaign_id', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('touched', 'boolean', (col) => col.notNull())
    .addColumn('converted', 'boolean', (col) => col.notNull())
    .addPrimaryKeyConstraint('campaign_members_pk', ['campaign_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('campaign_members_customer')
    .on('campaign_members')
    .column('customer_id')
    .execute();
  await db.schema
    .createTable('timeline')
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('commit_position', 'int8', (col) => col.notNull())
    .addColumn('prepare_position', 'int8', (col) => col.notNull())
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('summary', 'text')
    .addColumn('reference', 'text')
    .addPrimaryKeyConstraint('timeline_pk', ['customer_id', 'commit_position', 'prepare_position'])
    .execute();
  await db.schema
    .createIndex('timeline_latest')
    .on('timeline')
    .expression(sql`customer_id, at desc, commit_position desc, prepare_position desc`)
    .execute();
};

const up = async (db: Kysely<Customer360Tables>): Promise<void> => {
  await createCustomers(db);
  await createActivity(db);
  await createAppliedPositionTable(db);
};

/*
 * Rebuild speed: each customer row counts its timeline entries, so that only customers past the
 * limit are ranked and trimmed (ranking every touched customer's timeline took a fifth of a
 * batch); the timeline keeps one index, its key (a customer's ≤ 50 rows are sorted in memory);
 * and the rows rewritten most often leave room in their pages, so that a rewrite that changes no
 * indexed column is a HOT update, touching none of the indexes.
 */
const countTimelineEntries = async (db: Kysely<Customer360Tables>): Promise<void> => {
  await db.schema
    .alterTable('customers')
    .addColumn('timeline_entries', 'int4', (col) => col.notNull().defaultTo(0))
    .execute();
  await db
    .updateTable('customers')
    .set((eb) => ({
      timeline_entries: eb
        .selectFrom('timeline')
        .select(sql<number>`count(*)::int4`.as('entries'))
        .whereRef('timeline.customer_id', '=', 'customers.customer_id'),
    }))
    .execute();
  await db.schema.dropIndex('timeline_latest').execute();
  // A raw statement is not schema-bound by `withSchema`: name the table as the builder does.
  for (const table of ['customers', 'deals'] as const) {
    const name = db
      .selectFrom(table)
      .selectAll()
      .compile()
      .sql.replace(/^select \* from /, '');
    await sql`ALTER TABLE ${sql.raw(name)} SET (fillfactor = 70)`.execute(db);
  }
};

/** The migrations of the customer 360° read model, run inside its schema. */
export const customer360Migrations: Readonly<Record<string, Migration>> = {
  '0001_customer_360': { up },
  '0002_timeline_entries': { up: countTimelineEntries },
};
