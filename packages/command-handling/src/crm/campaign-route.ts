import {
  type CampaignCommand,
  type CampaignError,
  type CampaignEvent,
  type CampaignState,
  campaignCommandCodecs,
  campaignDecider,
  campaignEventCodecs,
  decodeCampaignEvent,
} from '@crm/domain';
import { defineRoute } from '../handling/command-route.ts';

/**
 * The campaign aggregate's route. Campaigns hold no personal data: members are customer ids,
 * and names and cost descriptions describe the campaign, not a person.
 */
export const campaignRoute = defineRoute<
  CampaignCommand,
  CampaignEvent,
  CampaignState,
  CampaignError
>({
  aggregate: 'campaign',
  decider: campaignDecider,
  commandCodecs: campaignCommandCodecs,
  eventCodecs: campaignEventCodecs,
  decodeEvent: decodeCampaignEvent,
  aggregateIdOf: (command) => command.data.campaignId,
  snapshots: { every: 100, stateVersion: 1 },
});
