export {
  addCampaignMembersArbitrary,
  campaignCommandArbitrary,
  campaignCustomerIdArbitrary,
  campaignEndArbitrary,
  campaignIdArbitrary,
  campaignRunningArbitrary,
  cancelCampaignArbitrary,
  completeCampaignArbitrary,
  launchCampaignArbitrary,
  planCampaignArbitrary,
  recordCampaignCostArbitrary,
  recordCampaignResponseArbitrary,
} from './command-arbitraries.ts';
export {
  campaignCancelledArbitrary,
  campaignCompletedArbitrary,
  campaignCostRecordedArbitrary,
  campaignEventArbitrary,
  campaignLaunchedArbitrary,
  campaignMembersAddedArbitrary,
  campaignPlannedArbitrary,
  campaignResponseRecordedArbitrary,
} from './event-arbitraries.ts';
export type { CampaignHistory } from './history-arbitrary.ts';
export { campaignHistoryArbitrary } from './history-arbitrary.ts';
export { campaignSpecification } from './spec.ts';
export {
  campaignChannelArbitrary,
  campaignCurrencyArbitrary,
  campaignMoneyArbitrary,
  campaignPeriodArbitrary,
  campaignResponseArbitrary,
  targetSegmentArbitrary,
} from './value-arbitraries.ts';
