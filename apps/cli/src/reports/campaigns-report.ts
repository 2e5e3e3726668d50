import {
  type CampaignPerformance,
  type CampaignPerformanceTables,
  campaignPerformanceList,
} from '@crm/read-models';
import type { Kysely } from 'kysely';
import { count, money, percent, truncate } from '../output/format.ts';
import { renderTable } from '../output/table.ts';

export const loadCampaigns = (
  db: Kysely<CampaignPerformanceTables>,
): Promise<ReadonlyArray<CampaignPerformance>> => campaignPerformanceList(db);

/** One line per campaign: reach, responses, sourced deals, attributed profit, cost and ROI. */
export const renderCampaigns = (
  campaigns: ReadonlyArray<CampaignPerformance>,
  reportingCurrency: string,
  limit = campaigns.length,
): string => {
  const shown = [...campaigns]
    .sort((a, b) => b.periodStart.localeCompare(a.periodStart))
    .slice(0, limit);
  return `Campaign ROI (${shown.length} of ${campaigns.length}, newest first)\n${renderTable({
    head: [
      'campaign',
      'channel',
      'status',
      'members',
      'converted',
      'won deals',
      'attributed profit',
      'cost',
      'ROI',
    ],
    right: [3, 4, 5, 6, 7, 8],
    rows: shown.map((c) => [
      truncate(c.name, 34),
      c.channel,
      c.status,
      count(c.funnel.members),
      count(c.funnel.reached.converted),
      `${count(c.deals.won)}/${count(c.deals.sourced)}`,
      money(c.attributedProfitMinor, reportingCurrency),
      money(c.actualCostMinor, c.currency),
      percent(c.roi, 0),
    ]),
  })}`;
};
