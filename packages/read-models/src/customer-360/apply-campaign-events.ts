import { type CampaignEvent, type CampaignMemberStatus, funnelRank } from '@crm/domain';
import type { Entry } from './entry.ts';
import type { WorkingSet } from './working-set.ts';

/** The member's status after a response: further along the funnel, or one of the two ends. */
const statusAfter = (current: string, response: CampaignMemberStatus): string => {
  const rank = funnelRank(current as CampaignMemberStatus);
  if (rank === undefined) return current;
  const next = funnelRank(response);
  return next === undefined || next > rank ? response : current;
};

/**
 * Applies a campaign event: names, memberships, and each member's furthest response. Returns
 * one timeline entry per customer concerned.
 */
export const applyCampaignEvent = (
  working: WorkingSet,
  event: CampaignEvent,
): ReadonlyArray<{ readonly customerId: string; readonly entry: Entry }> => {
  const { campaignId } = event.data;
  switch (event.type) {
    case 'CampaignPlanned':
      working.touchCampaign(campaignId, event.data.name);
      return [];
    case 'CampaignMembersAdded': {
      const name = working.campaigns.get(campaignId) ?? campaignId;
      return event.data.customerIds.flatMap((customerId) => {
        if (working.member(campaignId, customerId) !== undefined) return [];
        working.touchMember({
          campaign_id: campaignId,
          customer_id: customerId,
          status: 'added',
          touched: false,
          converted: false,
        });
        return [
          {
            customerId,
            entry: {
              kind: 'campaign',
              title: `Added to campaign ${name}`,
              summary: null,
              reference: campaignId,
            },
          },
        ];
      });
    }
    case 'CampaignResponseRecorded': {
      const { customerId, response } = event.data;
      const member = working.member(campaignId, customerId) ?? {
        campaign_id: campaignId,
        customer_id: customerId,
        status: 'added',
        touched: false,
        converted: false,
      };
      working.touchMember({
        ...member,
        status: statusAfter(member.status, response),
        touched: member.touched || response !== 'bounced',
        converted: member.converted || response === 'converted',
      });
      const name = working.campaigns.get(campaignId) ?? campaignId;
      return [
        {
          customerId,
          entry: {
            kind: 'campaign',
            title: `Campaign ${name}: ${response}`,
            summary: null,
            reference: campaignId,
          },
        },
      ];
    }
    default:
      return [];
  }
};
