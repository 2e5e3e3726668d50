import * as E from 'fp-ts/lib/Either.js';
import { addMoney, zeroMoney } from '../kernel/money.ts';
import type { CampaignEvent } from './events.ts';
import { judgeResponse } from './member-progress.ts';
import { type CampaignState, memberStatusOf, type PlannedCampaign } from './state.ts';
import type { CampaignMemberStatus } from './values.ts';

const planned = (event: Extract<CampaignEvent, { type: 'CampaignPlanned' }>): PlannedCampaign => ({
  status: 'planned',
  campaignId: event.data.campaignId,
  name: event.data.name,
  channel: event.data.channel,
  budget: event.data.budget,
  period: event.data.period,
  targetSegment: event.data.targetSegment,
  members: {},
  actualCost: zeroMoney(event.data.budget.currency),
  plannedAt: event.data.at,
  launchedAt: null,
  endedAt: null,
});

const isGoing = (campaign: PlannedCampaign): boolean =>
  campaign.status === 'planned' || campaign.status === 'launched';

// Applies an event to the campaign it belongs to, only from the status (and member status) the
// decider allows it from, so a stray event cannot put the campaign in an impossible state.
const evolvePlanned = (campaign: PlannedCampaign, event: CampaignEvent): PlannedCampaign => {
  switch (event.type) {
    case 'CampaignPlanned':
      return campaign;
    case 'CampaignMembersAdded': {
      if (!isGoing(campaign)) return campaign;
      const added: Record<string, CampaignMemberStatus> = {};
      for (const customerId of event.data.customerIds) {
        if (memberStatusOf(campaign, customerId) === undefined) added[customerId] = 'added';
      }
      return { ...campaign, members: { ...campaign.members, ...added } };
    }
    case 'CampaignLaunched':
      return campaign.status !== 'planned'
        ? campaign
        : { ...campaign, status: 'launched', launchedAt: event.data.at };
    case 'CampaignResponseRecorded': {
      const current = memberStatusOf(campaign, event.data.customerId);
      if (campaign.status !== 'launched' || current === undefined) return campaign;
      if (judgeResponse(current, event.data.response) !== 'moves') return campaign;
      const members = { ...campaign.members, [event.data.customerId]: event.data.response };
      return { ...campaign, members };
    }
    case 'CampaignCostRecorded': {
      const total = addMoney(campaign.actualCost, event.data.amount);
      return E.isLeft(total) || event.data.amount.amountMinor <= 0
        ? campaign
        : { ...campaign, actualCost: total.right };
    }
    case 'CampaignCompleted':
      return campaign.status !== 'launched'
        ? campaign
        : { ...campaign, status: 'completed', endedAt: event.data.at };
    case 'CampaignCancelled':
      return !isGoing(campaign)
        ? campaign
        : { ...campaign, status: 'cancelled', endedAt: event.data.at };
    default: {
      // Exhaustive: a new event type fails to compile here; at run time an unknown one is ignored.
      const _unknown: never = event;
      return campaign;
    }
  }
};

/**
 * Folds one event into the campaign's state. Total: an event that does not apply (another
 * campaign's, or one arriving before the plan) leaves the state as it was.
 */
export const evolveCampaign = (state: CampaignState, event: CampaignEvent): CampaignState => {
  if (state.status === 'unplanned')
    return event.type === 'CampaignPlanned' ? planned(event) : state;
  return event.data.campaignId === state.campaignId ? evolvePlanned(state, event) : state;
};
