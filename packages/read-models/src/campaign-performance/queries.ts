import type { CampaignMemberStatus } from '@crm/domain';
import type { Kysely, Selectable } from 'kysely';
import { bigintOf, isoOf } from '../projection-kit/index.ts';
import { campaignFromRow, type FunnelStep } from './campaign-state.ts';
import type { CampaignPerformanceTables, CampaignTable } from './tables.ts';

/** Won deals whose figures could not be converted to the reporting currency, per currency. */
export interface UnconvertedWins {
  readonly currency: string;
  readonly deals: number;
  readonly revenueMinor: bigint;
  readonly profitMinor: bigint;
}

/** A campaign's response funnel. */
export interface CampaignFunnel {
  readonly members: number;
  /** Members by the status they stand at now; each member is counted once, at its furthest. */
  readonly byStatus: Readonly<Record<CampaignMemberStatus, number>>;
  /**
   * Members who reached at least each step (a member who opened was delivered and sent, even
   * if those responses were never recorded, and still counts after unsubscribing).
   */
  readonly reached: Readonly<Record<FunnelStep, number>>;
}

/** What a campaign did: its funnel, the deals it sourced, what they brought in, cost and ROI. */
export interface CampaignPerformance {
  readonly campaignId: string;
  readonly name: string;
  readonly channel: string;
  readonly status: CampaignTable['status'];
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly plannedAt: string;
  readonly launchedAt: string | null;
  readonly endedAt: string | null;
  /** The budget's currency, which is also the currency of the actual cost. */
  readonly currency: string;
  readonly budgetMinor: bigint;
  /** Σ recorded costs. */
  readonly actualCostMinor: bigint;
  readonly costInReportingCurrency: boolean;
  readonly funnel: CampaignFunnel;
  /** Deals naming this campaign as their source, by where they stand now. */
  readonly deals: {
    readonly sourced: number;
    readonly open: number;
    readonly won: number;
    readonly lost: number;
  };
  /** Revenue of the won sourced deals, reporting currency (converted deals only). */
  readonly attributedRevenueMinor: bigint;
  /** Profit (revenue − cost) of the won sourced deals, reporting currency (converted only). */
  readonly attributedProfitMinor: bigint;
  /** Won sourced deals left out of the two figures above because they could not be converted. */
  readonly unconverted: ReadonlyArray<UnconvertedWins>;
  /**
   * (attributed profit − actual cost) / actual cost; `null` when nothing was spent, or when the
   * cost is not in the reporting currency (there is no rate to compare the two).
   */
  readonly roi: number | null;
}

/** Which campaigns to list. */
export interface CampaignFilter {
  readonly status?: CampaignTable['status'];
  readonly channel?: string;
}

interface DealTotals {
  readonly sourced: number;
  readonly open: number;
  readonly won: number;
  readonly lost: number;
  readonly revenue: bigint;
  readonly profit: bigint;
}

const noDeals: DealTotals = { sourced: 0, open: 0, won: 0, lost: 0, revenue: 0n, profit: 0n };

/** ROI as defined above; exact up to the final division. */
export const returnOnInvestment = (
  attributedProfitMinor: bigint,
  actualCostMinor: bigint,
  costInReportingCurrency: boolean,
): number | null =>
  actualCostMinor === 0n || !costInReportingCurrency
    ? null
    : Number(attributedProfitMinor - actualCostMinor) / Number(actualCostMinor);

const dealTotalsOf = async (
  db: Kysely<CampaignPerformanceTables>,
  campaignIds: ReadonlyArray<string>,
): Promise<ReadonlyMap<string, DealTotals>> => {
  if (campaignIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('campaign_deal')
    .select((eb) => [
      'campaign_id',
      eb.fn.countAll<string>().as('sourced'),
      eb.fn.countAll<string>().filterWhere('status', '=', 'open').as('open'),
      eb.fn.countAll<string>().filterWhere('status', '=', 'won').as('won'),
      eb.fn.countAll<string>().filterWhere('status', '=', 'lost').as('lost'),
      eb.fn
        .sum<string | null>('reporting_revenue_minor')
        .filterWhere('status', '=', 'won')
        .as('revenue'),
      eb.fn
        .sum<string | null>('reporting_profit_minor')
        .filterWhere('status', '=', 'won')
        .as('profit'),
    ])
    .where('campaign_id', 'in', campaignIds)
    .groupBy('campaign_id')
    .execute();
  return new Map(
    rows.map((row) => [
      row.campaign_id,
      {
        sourced: Number(row.sourced),
        open: Number(row.open),
        won: Number(row.won),
        lost: Number(row.lost),
        revenue: bigintOf(row.revenue),
        profit: bigintOf(row.profit),
      },
    ]),
  );
};

const unconvertedOf = async (
  db: Kysely<CampaignPerformanceTables>,
  campaignIds: ReadonlyArray<string>,
): Promise<ReadonlyMap<string, ReadonlyArray<UnconvertedWins>>> => {
  if (campaignIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('campaign_deal')
    .select((eb) => [
      'campaign_id',
      'currency',
      eb.fn.countAll<string>().as('deals'),
      eb.fn.sum<string>('revenue_minor').as('revenue'),
      eb.fn.sum<string>('profit_minor').as('profit'),
    ])
    .where('campaign_id', 'in', campaignIds)
    .where('status', '=', 'won')
    .where('reporting_revenue_minor', 'is', null)
    .groupBy(['campaign_id', 'currency'])
    .orderBy('currency')
    .execute();
  const byCampaign = new Map<string, UnconvertedWins[]>();
  for (const row of rows) {
    const list = byCampaign.get(row.campaign_id) ?? [];
    list.push({
      currency: row.currency,
      deals: Number(row.deals),
      revenueMinor: bigintOf(row.revenue),
      profitMinor: bigintOf(row.profit),
    });
    byCampaign.set(row.campaign_id, list);
  }
  return byCampaign;
};

const performanceOf = (
  row: Selectable<CampaignTable>,
  deals: DealTotals,
  unconverted: ReadonlyArray<UnconvertedWins>,
): CampaignPerformance => {
  const campaign = campaignFromRow(row);
  return {
    campaignId: campaign.campaignId,
    name: campaign.name,
    channel: campaign.channel,
    status: campaign.status,
    periodStart: campaign.periodStart,
    periodEnd: campaign.periodEnd,
    plannedAt: isoOf(row.planned_at),
    launchedAt: campaign.launchedAt,
    endedAt: campaign.endedAt,
    currency: campaign.currency,
    budgetMinor: campaign.budgetMinor,
    actualCostMinor: campaign.actualCostMinor,
    costInReportingCurrency: campaign.costInReportingCurrency,
    funnel: { members: campaign.members, byStatus: campaign.now, reached: campaign.reached },
    deals: { sourced: deals.sourced, open: deals.open, won: deals.won, lost: deals.lost },
    attributedRevenueMinor: deals.revenue,
    attributedProfitMinor: deals.profit,
    unconverted,
    roi: returnOnInvestment(
      deals.profit,
      campaign.actualCostMinor,
      campaign.costInReportingCurrency,
    ),
  };
};

const performancesOf = async (
  db: Kysely<CampaignPerformanceTables>,
  rows: ReadonlyArray<Selectable<CampaignTable>>,
): Promise<ReadonlyArray<CampaignPerformance>> => {
  const ids = rows.map((row) => row.campaign_id);
  const deals = await dealTotalsOf(db, ids);
  const unconverted = await unconvertedOf(db, ids);
  return rows.map((row) =>
    performanceOf(
      row,
      deals.get(row.campaign_id) ?? noDeals,
      unconverted.get(row.campaign_id) ?? [],
    ),
  );
};

/**
 * One campaign's performance, or `undefined` for a campaign never planned.
 *
 * @example
 * const spring = await campaignPerformanceById(db, 'campaign-spring');
 * spring?.roi; // 3 = every unit spent came back as four units of profit
 */
export const campaignPerformanceById = async (
  db: Kysely<CampaignPerformanceTables>,
  campaignId: string,
): Promise<CampaignPerformance | undefined> => {
  const rows = await db
    .selectFrom('campaign')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .execute();
  const [performance] = await performancesOf(db, rows);
  return performance;
};

/** Every campaign's performance (optionally of one status or channel), newest plan first. */
export const campaignPerformanceList = async (
  db: Kysely<CampaignPerformanceTables>,
  filter: CampaignFilter = {},
): Promise<ReadonlyArray<CampaignPerformance>> => {
  let query = db.selectFrom('campaign').selectAll();
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.channel !== undefined) query = query.where('channel', '=', filter.channel);
  const rows = await query.orderBy('planned_at', 'desc').orderBy('campaign_id').execute();
  return performancesOf(db, rows);
};

/** A campaign's members standing at `status` now (say, who clicked but did not respond). */
export const campaignMembersAt = async (
  db: Kysely<CampaignPerformanceTables>,
  campaignId: string,
  status: CampaignMemberStatus,
): Promise<ReadonlyArray<{ readonly customerId: string; readonly since: string }>> => {
  const rows = await db
    .selectFrom('campaign_member')
    .select(['customer_id', 'changed_at'])
    .where('campaign_id', '=', campaignId)
    .where('status', '=', status)
    .orderBy('customer_id')
    .execute();
  return rows.map((row) => ({ customerId: row.customer_id, since: isoOf(row.changed_at) }));
};
