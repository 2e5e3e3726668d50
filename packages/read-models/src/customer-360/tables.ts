import type {
  AppliedPositionTable,
  ColumnKinds,
  Int8,
  Jsonb,
  Timestamptz,
} from '../projection-kit/index.ts';

/** The stored form of the customer's preferences (the domain's `Preferences`). */
export interface StoredPreferences {
  readonly preferredChannel: string | null;
  readonly language: string | null;
  readonly optOuts: ReadonlyArray<string>;
  readonly custom: Readonly<Record<string, string>>;
}

/** The stored form of a postal address (the domain's `PostalAddress`). */
export interface StoredAddress {
  readonly lines: ReadonlyArray<string>;
  readonly city: string;
  readonly postalCode?: string;
  readonly country: string;
}

/** The stored form of an exchange rate (the domain's `ExchangeRate`). */
export interface StoredExchangeRate {
  readonly base: string;
  readonly quote: string;
  readonly rate: string;
}

/** A quantity of one product. */
export interface StoredQuantity {
  readonly productId: string;
  readonly quantity: number;
}

/**
 * One row per customer: profile, owner, tags, lifecycle, satisfaction, loyalty, preferences and
 * the last communication. Personal columns (names, email, phone, address, custom preferences,
 * the last communication's summary) are `null` once the customer's personal data is erased.
 */
export interface Customer360CustomersTable {
  readonly customer_id: string;
  readonly kind: string;
  readonly given_name: string | null;
  readonly family_name: string | null;
  readonly legal_name: string | null;
  readonly display_name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: Jsonb<StoredAddress> | null;
  readonly acquisition_source: string;
  readonly acquisition_channel: string;
  readonly owner_id: string;
  readonly registered_at: Timestamptz;
  readonly tags: ReadonlyArray<string>;
  readonly lifecycle_stage: string;
  readonly lifecycle_since: Timestamptz;
  readonly furthest_stage: string;
  readonly preferences: Jsonb<StoredPreferences>;
  readonly loyalty_balance: Int8;
  readonly loyalty_earned: Int8;
  readonly loyalty_redeemed: Int8;
  readonly survey_csat_count: number;
  readonly survey_csat_total: number;
  readonly nps_count: number;
  readonly nps_total: number;
  readonly nps_latest: number | null;
  readonly nps_latest_at: Timestamptz | null;
  readonly interaction_count: number;
  /** `interaction` or `ticket_reply`. */
  readonly last_comm_source: string | null;
  readonly last_comm_reference: string | null;
  readonly last_comm_channel: string | null;
  readonly last_comm_direction: string | null;
  readonly last_comm_summary: string | null;
  readonly last_comm_by: string | null;
  readonly last_comm_at: Timestamptz | null;
  /** The survivor this customer was merged into, while it is a merged-away duplicate. */
  readonly merged_into: string | null;
  /** This customer and the duplicates merged into it: whose deals, tickets and timeline it shows. */
  readonly family: ReadonlyArray<string>;
  readonly erased_at: Timestamptz | null;
  /** How many timeline rows the customer has: its timeline is trimmed only once past the limit. */
  readonly timeline_entries: number;
}

/** One row per deal (open, won = the customer's order, or lost). */
export interface Customer360DealsTable {
  readonly deal_id: string;
  readonly customer_id: string;
  /** Personal (it may name the customer): `null` once erased. */
  readonly title: string | null;
  readonly owner_id: string;
  readonly status: string;
  readonly stage: string;
  readonly currency: string;
  readonly win_probability: number;
  readonly value_minor: Int8;
  readonly weighted_minor: Int8;
  readonly expected_close_date: string;
  readonly opened_at: Timestamptz;
  readonly closed_at: Timestamptz | null;
  readonly revenue_minor: Int8 | null;
  readonly cost_minor: Int8 | null;
  readonly profit_minor: Int8 | null;
  /** The rate recorded on the win (or its latest correction). */
  readonly exchange_rate: Jsonb<StoredExchangeRate> | null;
  /** Revenue, cost and profit in the reporting currency; `null` when not convertible. */
  readonly reporting_revenue_minor: Int8 | null;
  readonly reporting_cost_minor: Int8 | null;
  readonly reporting_profit_minor: Int8 | null;
  readonly ordered: Jsonb<ReadonlyArray<StoredQuantity>>;
  readonly delivered: Jsonb<ReadonlyArray<StoredQuantity>>;
  /** `not_delivered`, `partially_delivered` or `fully_delivered` (won deals only). */
  readonly delivery_status: string | null;
  readonly invoiced_minor: Int8;
  readonly paid_minor: Int8;
  readonly outstanding_minor: Int8;
  /** `not_invoiced`, `unpaid`, `partially_paid` or `paid` (won deals only). */
  readonly payment_status: string | null;
  readonly corrections: number;
}

/** One row per ticket. */
export interface Customer360TicketsTable {
  readonly ticket_id: string;
  readonly customer_id: string;
  readonly deal_id: string | null;
  /** Personal: `null` once erased. */
  readonly subject: string | null;
  readonly channel: string;
  readonly category: string;
  readonly priority: string;
  readonly status: string;
  readonly opened_at: Timestamptz;
  readonly first_response_breached: boolean;
  readonly resolution_breached: boolean;
  readonly rating: number | null;
}

/** One row per follow-up. */
export interface Customer360FollowUpsTable {
  readonly customer_id: string;
  readonly follow_up_id: string;
  readonly due_at: Timestamptz;
  readonly assignee_id: string;
  /** Personal: `null` when none was given or once erased. */
  readonly note: string | null;
  readonly status: string;
}

/** Campaign names, for the timeline. */
export interface Customer360CampaignsTable {
  readonly campaign_id: string;
  readonly name: string;
}

/** One row per campaign membership, with the furthest response. */
export interface Customer360CampaignMembersTable {
  readonly campaign_id: string;
  readonly customer_id: string;
  readonly status: string;
  /** A message reached the customer: any response but `bounced`. */
  readonly touched: boolean;
  readonly converted: boolean;
}

/**
 * The recent-activity timeline, bounded: only the latest entries per customer are kept (by
 * business time, then log position). `title` holds no personal data; `summary` does and is
 * `null` once erased.
 */
export interface Customer360TimelineTable {
  readonly customer_id: string;
  readonly commit_position: Int8;
  readonly prepare_position: Int8;
  readonly at: Timestamptz;
  readonly kind: string;
  readonly title: string;
  readonly summary: string | null;
  /** The deal, ticket, campaign, interaction or follow-up the entry is about. */
  readonly reference: string | null;
}

/** The tables of the `customer_360` schema. */
export interface Customer360Tables {
  readonly customers: Customer360CustomersTable;
  readonly deals: Customer360DealsTable;
  readonly tickets: Customer360TicketsTable;
  readonly follow_ups: Customer360FollowUpsTable;
  readonly campaigns: Customer360CampaignsTable;
  readonly campaign_members: Customer360CampaignMembersTable;
  readonly timeline: Customer360TimelineTable;
  readonly applied_position: AppliedPositionTable;
}

/** Column types of the customer 360° tables, for bulk writes. */
export const customer360ColumnKinds = {
  customers: {
    customer_id: 'text',
    kind: 'text',
    given_name: 'text',
    family_name: 'text',
    legal_name: 'text',
    display_name: 'text',
    email: 'text',
    phone: 'text',
    address: 'jsonb',
    acquisition_source: 'text',
    acquisition_channel: 'text',
    owner_id: 'text',
    registered_at: 'timestamptz',
    tags: 'text[]',
    lifecycle_stage: 'text',
    lifecycle_since: 'timestamptz',
    furthest_stage: 'text',
    preferences: 'jsonb',
    loyalty_balance: 'int8',
    loyalty_earned: 'int8',
    loyalty_redeemed: 'int8',
    survey_csat_count: 'int4',
    survey_csat_total: 'int4',
    nps_count: 'int4',
    nps_total: 'int4',
    nps_latest: 'int2',
    nps_latest_at: 'timestamptz',
    interaction_count: 'int4',
    last_comm_source: 'text',
    last_comm_reference: 'text',
    last_comm_channel: 'text',
    last_comm_direction: 'text',
    last_comm_summary: 'text',
    last_comm_by: 'text',
    last_comm_at: 'timestamptz',
    merged_into: 'text',
    family: 'text[]',
    erased_at: 'timestamptz',
    timeline_entries: 'int4',
  },
  deals: {
    deal_id: 'text',
    customer_id: 'text',
    title: 'text',
    owner_id: 'text',
    status: 'text',
    stage: 'text',
    currency: 'text',
    win_probability: 'int2',
    value_minor: 'int8',
    weighted_minor: 'int8',
    expected_close_date: 'text',
    opened_at: 'timestamptz',
    closed_at: 'timestamptz',
    revenue_minor: 'int8',
    cost_minor: 'int8',
    profit_minor: 'int8',
    exchange_rate: 'jsonb',
    reporting_revenue_minor: 'int8',
    reporting_cost_minor: 'int8',
    reporting_profit_minor: 'int8',
    ordered: 'jsonb',
    delivered: 'jsonb',
    delivery_status: 'text',
    invoiced_minor: 'int8',
    paid_minor: 'int8',
    outstanding_minor: 'int8',
    payment_status: 'text',
    corrections: 'int4',
  },
  tickets: {
    ticket_id: 'text',
    customer_id: 'text',
    deal_id: 'text',
    subject: 'text',
    channel: 'text',
    category: 'text',
    priority: 'text',
    status: 'text',
    opened_at: 'timestamptz',
    first_response_breached: 'bool',
    resolution_breached: 'bool',
    rating: 'int2',
  },
  follow_ups: {
    customer_id: 'text',
    follow_up_id: 'text',
    due_at: 'timestamptz',
    assignee_id: 'text',
    note: 'text',
    status: 'text',
  },
  campaigns: { campaign_id: 'text', name: 'text' },
  campaign_members: {
    campaign_id: 'text',
    customer_id: 'text',
    status: 'text',
    touched: 'bool',
    converted: 'bool',
  },
  timeline: {
    customer_id: 'text',
    commit_position: 'int8',
    prepare_position: 'int8',
    at: 'timestamptz',
    kind: 'text',
    title: 'text',
    summary: 'text',
    reference: 'text',
  },
} as const satisfies {
  readonly [K in Exclude<keyof Customer360Tables, 'applied_position'>]: ColumnKinds<
    Customer360Tables[K]
  >;
};
