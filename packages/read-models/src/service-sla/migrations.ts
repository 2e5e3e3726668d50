import type { Kysely, Migration } from 'kysely';
import { createAppliedPositionTable } from '../projection-kit/index.ts';

/** Creates the service SLA tables (inside the projection's schema). */
export const serviceSlaMigrations: Readonly<Record<string, Migration>> = {
  '0001_service_sla': {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('sla_ticket')
        .addColumn('ticket_id', 'text', (c) => c.primaryKey())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('assignee_id', 'text')
        .addColumn('level', 'smallint', (c) => c.notNull())
        .addColumn('escalations', 'integer', (c) => c.notNull())
        .addColumn('reopenings', 'integer', (c) => c.notNull())
        .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
        .addColumn('first_response_due_at', 'timestamptz', (c) => c.notNull())
        .addColumn('resolution_due_at', 'timestamptz', (c) => c.notNull())
        .addColumn('first_responded_at', 'timestamptz')
        .addColumn('resolved_at', 'timestamptz')
        .addColumn('closed_at', 'timestamptz')
        .addColumn('first_response_breached_at', 'timestamptz')
        .addColumn('resolution_breached_at', 'timestamptz')
        .addColumn('rating', 'smallint')
        .execute();
      await db.schema
        .createIndex('sla_ticket_priority_idx')
        .on('sla_ticket')
        .columns(['priority', 'status'])
        .execute();
      await db.schema
        .createIndex('sla_ticket_assignee_idx')
        .on('sla_ticket')
        .columns(['assignee_id', 'status'])
        .execute();
      await db.schema
        .createIndex('sla_ticket_opened_idx')
        .on('sla_ticket')
        .columns(['opened_at'])
        .execute();
      await createAppliedPositionTable(db);
    },
  },
};
