export {
  AddCampaignMembers,
  CampaignCommand,
  CancelCampaign,
  CompleteCampaign,
  campaignCommandCodecs,
  decodeCampaignCommand,
  LaunchCampaign,
  PlanCampaign,
  RecordCampaignCost,
  RecordCampaignResponse,
} from './commands.ts';
export { decideCampaign } from './decide.ts';
export { campaignDecider, campaignInvariantBreaches } from './decider.ts';
export type {
  CampaignAlreadyEnded,
  CampaignAlreadyPlanned,
  CampaignBudgetNegative,
  CampaignCostNotPositive,
  CampaignError,
  CampaignHasNoMembers,
  CampaignIdMismatch,
  CampaignMemberUnreachable,
  CampaignNotLaunched,
  CampaignNotPlanned,
  CampaignPeriodEndsBeforeStart,
  CampaignResponseOutOfOrder,
  CustomerNotCampaignMember,
} from './errors.ts';
export {
  CampaignCancelled,
  CampaignCompleted,
  CampaignCostRecorded,
  CampaignEvent,
  CampaignLaunched,
  CampaignMembersAdded,
  CampaignPlanned,
  CampaignResponseRecorded,
  campaignEventCodecs,
  campaignUpcasters,
  decodeCampaignEvent,
} from './events.ts';
export { evolveCampaign } from './evolve.ts';
export type { ResponseVerdict } from './member-progress.ts';
export { funnelRank, judgeResponse, responseFunnel } from './member-progress.ts';
export type { CampaignState, CampaignStatus, PlannedCampaign } from './state.ts';
export { initialCampaignState, memberStatusOf } from './state.ts';
export {
  CampaignChannel,
  CampaignMemberStatus,
  CampaignPeriod,
  CampaignResponse,
  TargetSegment,
} from './values.ts';
