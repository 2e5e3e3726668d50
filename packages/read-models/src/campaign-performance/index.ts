export type { CampaignFunnel, CampaignFilter, CampaignPerformance, UnconvertedWins } from './queries.ts';
export {
  campaignMembersAt,
  campaignPerformanceById,
  campaignPerformanceList,
  returnOnInvestment,
} from './queries.ts';
export type { FunnelStep } from './campaign-state.ts';
export { campaignPerformanceEventTypes, campaignPerformanceProjection } from './projection.ts';
export { campaignPerformanceMigrations } from './migrations.ts';
export type {
  CampaignDealTable,
  CampaignMemberTable,
  CampaignPerformanceTables,
  CampaignTable,
} from './tables.ts';
