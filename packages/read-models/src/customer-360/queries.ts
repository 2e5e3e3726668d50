import {
  type EmailAddress,
  type InvalidEmailAddress,
  type InvalidPhoneNumber,
  normaliseEmail,
  normalisePhone,
  type PhoneE164,
  type PhoneRegion,
} from '@crm/domain';
import { type Kysely, sql } from 'kysely';
import { bigintOf, isoOf, isoOrNull, safeNumberOf } from '../projection-kit/index.ts';
import { runLookup } from './lookup-statement.ts';
import type { DeliveryStatus, PaymentStatus } from './order-status.ts';
import type { Customer360Tables } from './tables.ts';
import type { Average, Customer360, LastCommunication } from './view.ts';
import { type Customer360Row, customer360Select } from './view-query.ts';

/** Options of the 360° look-ups. */
export interface Customer360QueryOptions {
  /** Timeline entries returned (at most what the projection keeps); 20 by default. */
  readonly timelineLimit?: number;
}

/** Options of the phone look-up. */
export interface PhoneLookupOptions extends Customer360QueryOptions {
  /** Region that national numbers (`020 7183 8750`) are read in; without one, only `+…` numbers parse. */
  readonly defaultRegion?: PhoneRegion;
}

/** Options of the name look-up. */
export interface NameLookupOptions extends Customer360QueryOptions {
  /** At most this many customers; 20 by default. */
  readonly limit?: number;
}

/** A look-up that read its input: the customers found (possibly none). */
export interface Found<TKey> {
  readonly _tag: 'Found';
  /** The normalised input the look-up searched for. */
  readonly searched: TKey;
  readonly customers: ReadonlyArray<Customer360>;
}

const average = (count: number, total: number): Average => ({
  count,
  average: count === 0 ? null : total / count,
});

const lastCommunicationOf = (
  value: Customer360Row['last_communication'],
): LastCommunication | null =>
  value === null || value.last_comm_at === null
    ? null
    : {
        source: value.last_comm_source === 'ticket_reply' ? 'ticket_reply' : 'interaction',
        reference: value.last_comm_reference ?? '',
        channel: value.last_comm_channel ?? '',
        direction: value.last_comm_direction === 'inbound' ? 'inbound' : 'outbound',
        summary: value.last_comm_summary,
        by: value.last_comm_by,
        at: isoOf(value.last_comm_at),
      };

/** Maps one row of the 360° statement to the view. */
const toView = (row: Customer360Row): Customer360 => {
  const deals = row.deal_totals;
  const tickets = row.ticket_totals;
  const campaigns = row.campaign_totals;
  const surveyCsat = average(row.survey_csat_count, row.survey_csat_total);
  const ticketCsat = average(Number(tickets?.ratings ?? 0), Number(tickets?.rating_total ?? 0));
  return {
    customerId: row.customer_id,
    kind: row.kind === 'company' ? 'company' : 'person',
    name:
      row.display_name === null
        ? null
        : {
            display: row.display_name,
            givenName: row.given_name,
            familyName: row.family_name,
            legalName: row.legal_name,
          },
    email: row.email,
    phone: row.phone,
    address: row.address,
    acquisition: { source: row.acquisition_source, channel: row.acquisition_channel },
    ownerId: row.owner_id,
    registeredAt: isoOf(row.registered_at),
    tags: row.tags,
    lifecycle: {
      stage: row.lifecycle_stage,
      since: isoOf(row.lifecycle_since),
      furthestStage: row.furthest_stage,
    },
    mergedInto: row.merged_into,
    mergedDuplicates: row.family.filter((id) => id !== row.customer_id),
    erasedAt: isoOrNull(row.erased_at),
    deals: {
      open: Number(deals?.open ?? 0),
      won: Number(deals?.won ?? 0),
      lost: Number(deals?.lost ?? 0),
      pipeline: row.pipeline.map((entry) => ({
        currency: entry.currency,
        valueMinor: bigintOf(entry.value),
        weightedMinor: bigintOf(entry.weighted),
      })),
    },
    won: {
      revenueMinor: bigintOf(deals?.revenue),
      costMinor: bigintOf(deals?.cost),
      profitMinor: bigintOf(deals?.profit),
      unconverted: row.unconverted.map((entry) => ({
        currency: entry.currency,
        deals: Number(entry.deals),
        revenueMinor: bigintOf(entry.revenue),
        profitMinor: bigintOf(entry.profit),
      })),
    },
    orders: row.orders.map((order) => ({
      dealId: order.deal_id,
      title: order.title,
      customerId: order.customer_id,
      ownerId: order.owner_id,
      wonAt: isoOf(order.won_at),
      currency: order.currency,
      revenueMinor: safeNumberOf(order.revenue_minor),
      costMinor: safeNumberOf(order.cost_minor),
      profitMinor: safeNumberOf(order.profit_minor),
      exchangeRate: order.exchange_rate,
      reportingRevenueMinor:
        order.reporting_revenue_minor === null ? null : safeNumberOf(order.reporting_revenue_minor),
      reportingProfitMinor:
        order.reporting_profit_minor === null ? null : safeNumberOf(order.reporting_profit_minor),
      ordered: order.ordered,
      delivered: order.delivered,
      deliveryStatus: (order.delivery_status ?? 'not_delivered') as DeliveryStatus,
      invoicedMinor: safeNumberOf(order.invoiced_minor),
      paidMinor: safeNumberOf(order.paid_minor),
      outstandingMinor: safeNumberOf(order.outstanding_minor),
      paymentStatus: (order.payment_status ?? 'not_invoiced') as PaymentStatus,
      corrections: order.corrections,
    })),
    outstandingBalance: row.outstanding.map((entry) => ({
      currency: entry.currency,
      amountMinor: bigintOf(entry.amount),
    })),
    tickets: {
      open: Number(tickets?.open ?? 0),
      total: Number(tickets?.total ?? 0),
      slaBreaches: Number(tickets?.breaches ?? 0),
    },
    satisfaction: {
      csat: {
        ticketRatings: ticketCsat,
        surveys: surveyCsat,
        combined: average(
          ticketCsat.count + surveyCsat.count,
          Number(tickets?.rating_total ?? 0) + row.survey_csat_total,
        ),
      },
      nps: {
        ...average(row.nps_count, row.nps_total),
        latest: row.nps_latest,
        latestAt: isoOrNull(row.nps_latest_at),
      },
    },
    campaigns: {
      memberships: Number(campaigns?.memberships ?? 0),
      touches: Number(campaigns?.touches ?? 0),
      conversions: Number(campaigns?.conversions ?? 0),
    },
    loyalty: {
      balance: safeNumberOf(row.loyalty_balance),
      earned: safeNumberOf(row.loyalty_earned),
      redeemed: safeNumberOf(row.loyalty_redeemed),
    },
    preferences: row.preferences,
    nextFollowUp:
      row.next_follow_up === null
        ? null
        : {
            followUpId: row.next_follow_up.follow_up_id,
            customerId: row.next_follow_up.customer_id,
            dueAt: isoOf(row.next_follow_up.due_at),
            assigneeId: row.next_follow_up.assignee_id,
            note: row.next_follow_up.note,
          },
    openFollowUps: Number(row.open_follow_ups ?? 0),
    interactionCount: row.interaction_count,
    lastCommunication: lastCommunicationOf(row.last_communication),
    timeline: row.timeline.map((entry) => ({
      at: isoOf(entry.at),
      kind: entry.kind,
      title: entry.title,
      summary: entry.summary,
      reference: entry.reference,
      customerId: entry.customer_id,
    })),
  };
};

const timelineLimitOf = (options: Customer360QueryOptions): number => options.timelineLimit ?? 20;

/**
 * The 360° view of one customer, or `undefined` when there is none. A merged-away duplicate is
 * returned as it is, a tombstone whose `mergedInto` names the survivor.
 *
 * @example
 * const view = await customer360ById(db, 'customer-1');
 */
export const customer360ById = async (
  db: Kysely<Customer360Tables>,
  customerId: string,
  options: Customer360QueryOptions = {},
): Promise<Customer360 | undefined> => {
  const limit = timelineLimitOf(options);
  const [row] = await runLookup(db, `id:${limit}`, customerId, (id) =>
    customer360Select(db, limit).where('c.customer_id', '=', id),
  );
  return row === undefined ? undefined : toView(row);
};

// A match on a merged-away duplicate answers with its survivor: that is who is on the line.
const survivorsWhere = (column: 'phone' | 'email', value: string) =>
  sql<boolean>`c.customer_id in (select coalesce(m.merged_into, m.customer_id) from ${sql.table('customers')} as m where ${sql.ref(`m.${column}`)} = ${value})`;

/**
 * Who is calling: the customers with this phone number, typed in any common way
 * (`+44 20 7183 8750`, `020 7183 8750` with `defaultRegion: 'GB'`), normalised to E.164 with the
 * domain's `normalisePhone`. An unreadable number gives `InvalidPhoneNumber`.
 *
 * @example
 * const found = await customer360ByPhone(db, '020 7183 8750', { defaultRegion: 'GB' as PhoneRegion });
 * if (found._tag === 'Found') show(found.customers);
 */
export const customer360ByPhone = async (
  db: Kysely<Customer360Tables>,
  phone: string,
  options: PhoneLookupOptions = {},
): Promise<Found<PhoneE164> | InvalidPhoneNumber> => {
  const normalised = normalisePhone(phone, { region: options.defaultRegion, field: 'phone' });
  if (normalised._tag === 'Left') return normalised.left;
  const limit = timelineLimitOf(options);
  const rows = await runLookup(db, `phone:${limit}`, normalised.right, (value) =>
    customer360Select(db, limit).where(survivorsWhere('phone', value)).orderBy('c.customer_id'),
  );
  return { _tag: 'Found', searched: normalised.right, customers: rows.map(toView) };
};

/** The customers with this email address (trimmed and lower-cased first). */
export const customer360ByEmail = async (
  db: Kysely<Customer360Tables>,
  email: string,
  options: Customer360QueryOptions = {},
): Promise<Found<EmailAddress> | InvalidEmailAddress> => {
  const normalised = normaliseEmail(email, { field: 'email' });
  if (normalised._tag === 'Left') return normalised.left;
  const limit = timelineLimitOf(options);
  const rows = await runLookup(db, `email:${limit}`, normalised.right, (value) =>
    customer360Select(db, limit).where(survivorsWhere('email', value)).orderBy('c.customer_id'),
  );
  return { _tag: 'Found', searched: normalised.right, customers: rows.map(toView) };
};

/**
 * Customers whose display name or family name starts with `prefix`, case-insensitively (served
 * by `lower(...) text_pattern_ops` indexes), ordered by display name. Merged-away duplicates
 * answer with their survivor; erased customers have no name and never match.
 */
export const customer360ByNamePrefix = async (
  db: Kysely<Customer360Tables>,
  prefix: string,
  options: NameLookupOptions = {},
): Promise<ReadonlyArray<Customer360>> => {
  const trimmed = prefix.trim().toLowerCase();
  if (trimmed.length === 0) return [];
  const pattern = `${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await customer360Select(db, timelineLimitOf(options))
    .where(
      sql<boolean>`c.customer_id in (select coalesce(m.merged_into, m.customer_id) from ${sql.table('customers')} as m where lower(m.display_name) like ${pattern} or lower(m.family_name) like ${pattern})`,
    )
    .orderBy('c.display_name')
    .orderBy('c.customer_id')
    .limit(options.limit ?? 20)
    .execute();
  return rows.map(toView);
};
