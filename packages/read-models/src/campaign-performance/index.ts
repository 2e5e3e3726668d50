export type { FunnelStep } from './campaign-state.ts';
export { campaignPerformanceMigrations } from './migrations.ts';
export { campaignPerformanceEventTypes, campaignPerformanceProjection } from './projection.ts';
export type {
  CampaignFilter,
  CampaignFunnel,
  CampaignPerformance,
  UnconvertedWins,
} from './queries.ts';
export {
  campaignMembersAt,
  campaignPerformanceById,
  campaignPerformanceList,
  returnOnInvestment,
} from './queries.ts';
export type {
  CampaignDealTable,
  CampaignMemberTable,
  CampaignPerformanceTables,
  CampaignTable,
} from './tables.ts';
