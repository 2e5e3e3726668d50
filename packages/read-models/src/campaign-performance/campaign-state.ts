import type { CampaignMemberStatus } from '@crm/domain';
import type { Insertable, Selectable } from 'kysely';
import { bigintOf, isoOf, isoOrNull, utcOf } from '../projection-kit/index.ts';
import type { CampaignTable } from './tables.ts';

/** The funnel steps a member can reach after being added, in order. */
export const funnelSteps = [
  'sent',
  'delivered',
  'opened',
  'clicked',
  'responded',
  'converted',
] as const;

/** A step of the response funnel after `added`. */
export type FunnelStep = (typeof funnelSteps)[number];

/** Every status a member can stand at, in the order the read model reports them. */
export const memberStatuses = [
  'added',
  ...funnelSteps,
  'unsubscribed',
  'bounced',
] as const satisfies ReadonlyArray<CampaignMemberStatus>;

/** A campaign row in memory while a batch is applied: money as `bigint`, counters as records. */
export interface CampaignRecord {
  campaignId: string;
  name: string;
  channel: string;
  status: CampaignTable['status'];
  currency: string;
  budgetMinor: bigint;
  actualCostMinor: bigint;
  costInReportingCurrency: boolean;
  costEntries: number;
  periodStart: string;
  periodEnd: string;
  plannedAt: string;
  launchedAt: string | null;
  endedAt: string | null;
  members: number;
  now: Record<CampaignMemberStatus, number>;
  reached: Record<FunnelStep, number>;
}

/** No member anywhere yet. */
export const emptyCounters = (): Pick<CampaignRecord, 'members' | 'now' | 'reached'> => ({
  members: 0,
  now: {
    added: 0,
    sent: 0,
    delivered: 0,
    opened: 0,
    clicked: 0,
    responded: 0,
    converted: 0,
    unsubscribed: 0,
    bounced: 0,
  },
  reached: { sent: 0, delivered: 0, opened: 0, clicked: 0, responded: 0, converted: 0 },
});

/** Reads a stored campaign row into its in-memory form. */
export const campaignFromRow = (row: Selectable<CampaignTable>): CampaignRecord => ({
  campaignId: row.campaign_id,
  name: row.name,
  channel: row.channel,
  status: row.status,
  currency: row.currency,
  budgetMinor: bigintOf(row.budget_minor),
  actualCostMinor: bigintOf(row.actual_cost_minor),
  costInReportingCurrency: row.cost_in_reporting_currency,
  costEntries: row.cost_entries,
  periodStart: row.period_start,
  periodEnd: row.period_end,
  plannedAt: isoOf(row.planned_at),
  launchedAt: isoOrNull(row.launched_at),
  endedAt: isoOrNull(row.ended_at),
  members: row.members,
  now: {
    added: row.now_added,
    sent: row.now_sent,
    delivered: row.now_delivered,
    opened: row.now_opened,
    clicked: row.now_clicked,
    responded: row.now_responded,
    converted: row.now_converted,
    unsubscribed: row.now_unsubscribed,
    bounced: row.now_bounced,
  },
  reached: {
    sent: row.reached_sent,
    delivered: row.reached_delivered,
    opened: row.reached_opened,
    clicked: row.reached_clicked,
    responded: row.reached_responded,
    converted: row.reached_converted,
  },
});

/** The row to store for an in-memory campaign. */
export const campaignToRow = (campaign: CampaignRecord): Insertable<CampaignTable> => ({
  campaign_id: campaign.campaignId,
  name: campaign.name,
  channel: campaign.channel,
  status: campaign.status,
  currency: campaign.currency,
  budget_minor: campaign.budgetMinor,
  actual_cost_minor: campaign.actualCostMinor,
  cost_in_reporting_currency: campaign.costInReportingCurrency,
  cost_entries: campaign.costEntries,
  period_start: campaign.periodStart,
  period_end: campaign.periodEnd,
  planned_at: utcOf(campaign.plannedAt),
  launched_at: campaign.launchedAt === null ? null : utcOf(campaign.launchedAt),
  ended_at: campaign.endedAt === null ? null : utcOf(campaign.endedAt),
  members: campaign.members,
  now_added: campaign.now.added,
  now_sent: campaign.now.sent,
  now_delivered: campaign.now.delivered,
  now_opened: campaign.now.opened,
  now_clicked: campaign.now.clicked,
  now_responded: campaign.now.responded,
  now_converted: campaign.now.converted,
  now_unsubscribed: campaign.now.unsubscribed,
  now_bounced: campaign.now.bounced,
  reached_sent: campaign.reached.sent,
  reached_delivered: campaign.reached.delivered,
  reached_opened: campaign.reached.opened,
  reached_clicked: campaign.reached.clicked,
  reached_responded: campaign.reached.responded,
  reached_converted: campaign.reached.converted,
});
