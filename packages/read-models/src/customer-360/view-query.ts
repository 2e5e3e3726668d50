import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Customer360Tables } from './tables.ts';

// Everything of a 360° view in one statement (one round trip while the customer is on the line):
// the customer row, and per-customer aggregates as JSON sub-selects, each served by an index on
// customer_id. `family` holds the customer and the duplicates merged into it.
const ofFamily = (alias: string) =>
  sql<boolean>`${sql.ref(`${alias}.customer_id`)} = any(c.family)`;

/** The select every look-up narrows with its own `where`. */
export const customer360Select = (db: Kysely<Customer360Tables>, timelineLimit: number) =>
  db
    .selectFrom('customers as c')
    .selectAll('c')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('deals as d')
          .select([
            'd.deal_id',
            'd.title',
            'd.customer_id',
            'd.owner_id',
            sql<string>`d.closed_at`.as('won_at'),
            'd.currency',
            sql<number>`d.revenue_minor`.as('revenue_minor'),
            sql<number>`d.cost_minor`.as('cost_minor'),
            sql<number>`d.profit_minor`.as('profit_minor'),
            'd.exchange_rate',
            sql<number | null>`d.reporting_revenue_minor`.as('reporting_revenue_minor'),
            sql<number | null>`d.reporting_profit_minor`.as('reporting_profit_minor'),
            'd.ordered',
            'd.delivered',
            'd.delivery_status',
            sql<number>`d.invoiced_minor`.as('invoiced_minor'),
            sql<number>`d.paid_minor`.as('paid_minor'),
            sql<number>`d.outstanding_minor`.as('outstanding_minor'),
            'd.payment_status',
            'd.corrections',
          ])
          .where(ofFamily('d'))
          .where('d.status', '=', 'won')
          .orderBy('d.closed_at', 'desc')
          .orderBy('d.deal_id'),
      ).as('orders'),
      jsonArrayFrom(
        eb
          .selectFrom('deals as d')
          .select([
            'd.currency',
            sql<string>`sum(d.value_minor)::text`.as('value'),
            sql<string>`sum(d.weighted_minor)::text`.as('weighted'),
          ])
          .where(ofFamily('d'))
          .where('d.status', '=', 'open')
          .groupBy('d.currency')
          .orderBy('d.currency'),
      ).as('pipeline'),
      jsonObjectFrom(
        eb
          .selectFrom('deals as d')
          .select([
            sql<number>`count(*) filter (where d.status = 'open')`.as('open'),
            sql<number>`count(*) filter (where d.status = 'won')`.as('won'),
            sql<number>`count(*) filter (where d.status = 'lost')`.as('lost'),
            sql<
              string | null
            >`sum(d.reporting_revenue_minor) filter (where d.status = 'won')::text`.as('revenue'),
            sql<
              string | null
            >`sum(d.reporting_cost_minor) filter (where d.status = 'won')::text`.as('cost'),
            sql<
              string | null
            >`sum(d.reporting_profit_minor) filter (where d.status = 'won')::text`.as('profit'),
          ])
          .where(ofFamily('d')),
      ).as('deal_totals'),
      jsonArrayFrom(
        eb
          .selectFrom('deals as d')
          .select([
            'd.currency',
            sql<number>`count(*)`.as('deals'),
            sql<string>`sum(d.revenue_minor)::text`.as('revenue'),
            sql<string>`sum(d.profit_minor)::text`.as('profit'),
          ])
          .where(ofFamily('d'))
          .where('d.status', '=', 'won')
          .where('d.reporting_revenue_minor', 'is', null)
          .groupBy('d.currency')
          .orderBy('d.currency'),
      ).as('unconverted'),
      jsonArrayFrom(
        eb
          .selectFrom('deals as d')
          .select(['d.currency', sql<string>`sum(d.outstanding_minor)::text`.as('amount')])
          .where(ofFamily('d'))
          .where('d.status', '=', 'won')
          .groupBy('d.currency')
          .having(sql<boolean>`sum(d.outstanding_minor) <> 0`)
          .orderBy('d.currency'),
      ).as('outstanding'),
      jsonObjectFrom(
        eb
          .selectFrom('tickets as t')
          .select([
            sql<number>`count(*) filter (where t.status = 'open')`.as('open'),
            sql<number>`count(*)`.as('total'),
            sql<number>`count(*) filter (where t.first_response_breached) + count(*) filter (where t.resolution_breached)`.as(
              'breaches',
            ),
            sql<number>`count(t.rating)`.as('ratings'),
            sql<number>`coalesce(sum(t.rating), 0)`.as('rating_total'),
          ])
          .where(ofFamily('t')),
      ).as('ticket_totals'),
      jsonObjectFrom(
        eb
          .selectFrom('follow_ups as f')
          .select([
            'f.follow_up_id',
            'f.customer_id',
            sql<string>`f.due_at`.as('due_at'),
            'f.assignee_id',
            'f.note',
          ])
          .where(ofFamily('f'))
          .where('f.status', '=', 'open')
          .orderBy('f.due_at')
          .orderBy('f.follow_up_id')
          .limit(1),
      ).as('next_follow_up'),
      eb
        .selectFrom('follow_ups as f')
        .select(sql<number>`count(*)`.as('n'))
        .where(ofFamily('f'))
        .where('f.status', '=', 'open')
        .as('open_follow_ups'),
      jsonObjectFrom(
        eb
          .selectFrom('campaign_members as m')
          .select([
            sql<number>`count(distinct m.campaign_id)`.as('memberships'),
            sql<number>`count(distinct m.campaign_id) filter (where m.touched)`.as('touches'),
            sql<number>`count(distinct m.campaign_id) filter (where m.converted)`.as('conversions'),
          ])
          .where(ofFamily('m')),
      ).as('campaign_totals'),
      jsonObjectFrom(
        eb
          .selectFrom('customers as l')
          .select([
            'l.last_comm_source',
            'l.last_comm_reference',
            'l.last_comm_channel',
            'l.last_comm_direction',
            'l.last_comm_summary',
            'l.last_comm_by',
            sql<string>`l.last_comm_at`.as('last_comm_at'),
          ])
          .where(sql<boolean>`l.customer_id = any(c.family)`)
          .where('l.last_comm_at', 'is not', null)
          .orderBy('l.last_comm_at', 'desc')
          .orderBy('l.customer_id')
          .limit(1),
      ).as('last_communication'),
      jsonArrayFrom(
        eb
          .selectFrom('timeline as e')
          .select([
            sql<string>`e.at`.as('at'),
            'e.kind',
            'e.title',
            'e.summary',
            'e.reference',
            'e.customer_id',
          ])
          .where(ofFamily('e'))
          .orderBy('e.at', 'desc')
          .orderBy('e.commit_position', 'desc')
          .orderBy('e.prepare_position', 'desc')
          .limit(timelineLimit),
      ).as('timeline'),
    ]);

/** One row of `customer360Select`. */
export type Customer360Row = Awaited<
  ReturnType<ReturnType<typeof customer360Select>['executeTakeFirstOrThrow']>
>;
