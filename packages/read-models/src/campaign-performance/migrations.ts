import type { Kysely, Migration } from 'kysely';
import { createAppliedPositionTable } from '../projection-kit/index.ts';

/** Creates the campaign performance tables (inside the projection's schema). */
export const campaignPerformanceMigrations: Readonly<Record<string, Migration>> = {
  '0001_campaign_performance': {
    up: async (db: Kysely<unknown>) => {
      const counters = [
        'members',
        'now_added',
        'now_sent',
        'now_delivered',
        'now_opened',
        'now_clicked',
        'now_responded',
        'now_converted',
        'now_unsubscribed',
        'now_bounced',
        'reached_sent',
        'reached_delivered',
        'reached_opened',
        'reached_clicked',
        'reached_responded',
        'reached_converted',
      ];
      let campaign = db.schema
        .createTable('campaign')
        .addColumn('campaign_id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('budget_minor', 'bigint', (c) => c.notNull())
        .addColumn('actual_cost_minor', 'bigint', (c) => c.notNull())
        .addColumn('cost_in_reporting_currency', 'boolean', (c) => c.notNull())
        .addColumn('cost_entries', 'integer', (c) => c.notNull())
        .addColumn('period_start', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('planned_at', 'timestamptz', (c) => c.notNull())
        .addColumn('launched_at', 'timestamptz')
        .addColumn('ended_at', 'timestamptz');
      for (const counter of counters) {
        campaign = campaign.addColumn(counter, 'integer', (c) => c.notNull().defaultTo(0));
      }
      await campaign.execute();
      await db.schema
        .createTable('campaign_member')
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('furthest_rank', 'smallint', (c) => c.notNull())
        .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('campaign_member_pkey', ['campaign_id', 'customer_id'])
        .execute();
      await db.schema
        .createTable('campaign_deal')
        .addColumn('deal_id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('won_at', 'timestamptz')
        .addColumn('revenue_minor', 'bigint')
        .addColumn('profit_minor', 'bigint')
        .addColumn('reporting_revenue_minor', 'bigint')
        .addColumn('reporting_profit_minor', 'bigint')
        .execute();
      await db.schema
        .createIndex('campaign_deal_campaign_idx')
        .on('campaign_deal')
        .columns(['campaign_id', 'status'])
        .execute();
      await db.schema
        .createIndex('campaign_status_idx')
        .on('campaign')
        .columns(['status', 'planned_at'])
        .execute();
      await createAppliedPositionTable(db);
    },
  },
};
