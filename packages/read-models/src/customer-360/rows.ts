import type {
  StoredAddress,
  StoredExchangeRate,
  StoredPreferences,
  StoredQuantity,
} from './tables.ts';

// The rows a batch works on, in memory: plain values (instants as canonical UTC text, amounts of
// one deal as safe integers), converted from and to the columns in `working-set.ts`.

export interface CustomerRow {
  customer_id: string;
  kind: string;
  given_name: string | null;
  family_name: string | null;
  legal_name: string | null;
  display_name: string | null;
  email: string | null;
  phone: string | null;
  address: StoredAddress | null;
  acquisition_source: string;
  acquisition_channel: string;
  owner_id: string;
  registered_at: string;
  tags: string[];
  lifecycle_stage: string;
  lifecycle_since: string;
  furthest_stage: string;
  preferences: StoredPreferences;
  loyalty_balance: number;
  loyalty_earned: number;
  loyalty_redeemed: number;
  survey_csat_count: number;
  survey_csat_total: number;
  nps_count: number;
  nps_total: number;
  nps_latest: number | null;
  nps_latest_at: string | null;
  interaction_count: number;
  last_comm_source: string | null;
  last_comm_reference: string | null;
  last_comm_channel: string | null;
  last_comm_direction: string | null;
  last_comm_summary: string | null;
  last_comm_by: string | null;
  last_comm_at: string | null;
  merged_into: string | null;
  family: string[];
  erased_at: string | null;
  timeline_entries: number;
}

export interface DealRow {
  deal_id: string;
  customer_id: string;
  title: string | null;
  owner_id: string;
  status: string;
  stage: string;
  currency: string;
  win_probability: number;
  value_minor: number;
  weighted_minor: number;
  expected_close_date: string;
  opened_at: string;
  closed_at: string | null;
  revenue_minor: number | null;
  cost_minor: number | null;
  profit_minor: number | null;
  exchange_rate: StoredExchangeRate | null;
  reporting_revenue_minor: number | null;
  reporting_cost_minor: number | null;
  reporting_profit_minor: number | null;
  ordered: StoredQuantity[];
  delivered: StoredQuantity[];
  delivery_status: string | null;
  invoiced_minor: number;
  paid_minor: number;
  outstanding_minor: number;
  payment_status: string | null;
  corrections: number;
}

export interface TicketRow {
  ticket_id: string;
  customer_id: string;
  deal_id: string | null;
  subject: string | null;
  channel: string;
  category: string;
  priority: string;
  status: string;
  opened_at: string;
  first_response_breached: boolean;
  resolution_breached: boolean;
  rating: number | null;
}

export interface FollowUpRow {
  customer_id: string;
  follow_up_id: string;
  due_at: string;
  assignee_id: string;
  note: string | null;
  status: string;
}

export interface MemberRow {
  campaign_id: string;
  customer_id: string;
  status: string;
  touched: boolean;
  converted: boolean;
}

export interface TimelineRow {
  customer_id: string;
  commit_position: bigint;
  prepare_position: bigint;
  at: string;
  kind: string;
  title: string;
  summary: string | null;
  reference: string | null;
}
