import { campaignDecider } from '@crm/domain';
import { deciderSpecification } from '../decider-specification.ts';

/**
 * Given/when/then for the campaign decider.
 *
 * @example
 * campaignSpecification.given([planned, membersAdded]).when(launch).then([launched]);
 * campaignSpecification.given([planned]).when(launch).thenFails('CampaignHasNoMembers');
 */
export const campaignSpecification = deciderSpecification(campaignDecider);
