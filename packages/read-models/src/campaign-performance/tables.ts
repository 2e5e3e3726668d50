import type {
  AppliedPositionTable,
  ColumnKinds,
  Int8,
  Timestamptz,
} from '../projection-kit/index.ts';

/** One row per campaign: its plan, its spend, and its members counted by status. */
export interface CampaignTable {
  campaign_id: string;
  name: string;
  channel: string;
  status: 'planned' | 'launched' | 'completed' | 'cancelled';
  /** The budget's currency, which is also the currency of every recorded cost. */
  currency: string;
  budget_minor: Int8;
  actual_cost_minor: Int8;
  /** Whether the budget (and so every cost) is in the reporting currency, which ROI needs. */
  cost_in_reporting_currency: boolean;
  cost_entries: number;
  period_start: string;
  period_end: string;
  planned_at: Timestamptz;
  launched_at: Timestamptz | null;
  ended_at: Timestamptz | null;
  members: number;
  /** Members by the status they stand at now (each member in exactly one). */
  now_added: number;
  now_sent: number;
  now_delivered: number;
  now_opened: number;
  now_clicked: number;
  now_responded: number;
  now_converted: number;
  now_unsubscribed: number;
  now_bounced: number;
  /** Members who reached at least this funnel step (an open implies delivery, and so on). */
  reached_sent: number;
  reached_delivered: number;
  reached_opened: number;
  reached_clicked: number;
  reached_responded: number;
  reached_converted: number;
}

/** One row per campaign member: where it stands and the furthest funnel step it reached. */
export interface CampaignMemberTable {
  campaign_id: string;
  customer_id: string;
  status: string;
  /** Rank in the funnel `added(0) … converted(6)` of the furthest step reached. */
  furthest_rank: number;
  changed_at: Timestamptz;
}

/** One row per deal naming the campaign as its source: what it brought in when won. */
export interface CampaignDealTable {
  deal_id: string;
  campaign_id: string;
  customer_id: string;
  status: 'open' | 'won' | 'lost';
  currency: string;
  won_at: Timestamptz | null;
  /** Deal-currency figures, set when won. */
  revenue_minor: Int8 | null;
  profit_minor: Int8 | null;
  /** Reporting-currency figures; `null` while open or when the deal cannot be converted. */
  reporting_revenue_minor: Int8 | null;
  reporting_profit_minor: Int8 | null;
}

/** The tables of the campaign performance read model. */
export interface CampaignPerformanceTables {
  campaign: CampaignTable;
  campaign_member: CampaignMemberTable;
  campaign_deal: CampaignDealTable;
  applied_position: AppliedPositionTable;
}

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
] as const;

/** The column types of `campaign`, for bulk writes. */
export const campaignKinds: ColumnKinds<CampaignTable> = {
  campaign_id: 'text',
  name: 'text',
  channel: 'text',
  status: 'text',
  currency: 'text',
  budget_minor: 'int8',
  actual_cost_minor: 'int8',
  cost_in_reporting_currency: 'bool',
  cost_entries: 'int4',
  period_start: 'text',
  period_end: 'text',
  planned_at: 'timestamptz',
  launched_at: 'timestamptz',
  ended_at: 'timestamptz',
  ...(Object.fromEntries(counters.map((column) => [column, 'int4'])) as Record<
    (typeof counters)[number],
    'int4'
  >),
};

/** The column types of `campaign_member`, for bulk writes. */
export const memberKinds: ColumnKinds<CampaignMemberTable> = {
  campaign_id: 'text',
  customer_id: 'text',
  status: 'text',
  furthest_rank: 'int2',
  changed_at: 'timestamptz',
};

/** The column types of `campaign_deal`, for bulk writes. */
export const dealKinds: ColumnKinds<CampaignDealTable> = {
  deal_id: 'text',
  campaign_id: 'text',
  customer_id: 'text',
  status: 'text',
  currency: 'text',
  won_at: 'timestamptz',
  revenue_minor: 'int8',
  profit_minor: 'int8',
  reporting_revenue_minor: 'int8',
  reporting_profit_minor: 'int8',
};
