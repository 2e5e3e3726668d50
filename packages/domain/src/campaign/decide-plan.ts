import * as E from 'fp-ts/lib/Either.js';
import type { AddCampaignMembers, LaunchCampaign, PlanCampaign } from './commands.ts';
import {
  campaignAlreadyPlanned,
  campaignBudgetNegative,
  campaignHasNoMembers,
  campaignPeriodEndsBeforeStart,
} from './error-constructors.ts';
import { type CampaignDecision, emptyField, endedRefusal } from './guards.ts';
import { type CampaignState, memberStatusOf, type PlannedCampaign } from './state.ts';

const unique = <T>(values: ReadonlyArray<T>): ReadonlyArray<T> => [...new Set(values)];

/** Plans a campaign with a period that does not end before it starts and a budget ≥ 0. */
export const planCampaign = (
  data: PlanCampaign['data'],
  state: CampaignState,
): CampaignDecision => {
  if (state.status !== 'unplanned') return E.left(campaignAlreadyPlanned(state.campaignId));
  // ISO calendar days compare correctly as strings.
  if (data.period.end < data.period.start)
    return E.left(campaignPeriodEndsBeforeStart(data.period.start, data.period.end));
  if (data.budget.amountMinor < 0) return E.left(campaignBudgetNegative(data.budget));
  return E.right([
    {
      type: 'CampaignPlanned',
      version: 1,
      data: {
        campaignId: data.campaignId,
        name: data.name,
        channel: data.channel,
        budget: data.budget,
        period: { start: data.period.start, end: data.period.end },
        targetSegment: {
          tags: unique(data.targetSegment.tags),
          lifecycleStages: unique(data.targetSegment.lifecycleStages),
        },
        at: data.at,
      },
    },
  ]);
};

/** Adds the customers not yet in the campaign; when all of them are, nothing happens. */
export const addCampaignMembers = (
  data: AddCampaignMembers['data'],
  campaign: PlannedCampaign,
): CampaignDecision => {
  if (data.customerIds.length === 0) return E.left(emptyField('data.customerIds'));
  const refusal = endedRefusal(campaign);
  if (refusal !== undefined) return E.left(refusal);
  const newcomers = unique(data.customerIds).filter(
    (customerId) => memberStatusOf(campaign, customerId) === undefined,
  );
  if (newcomers.length === 0) return E.right([]);
  return E.right([
    {
      type: 'CampaignMembersAdded',
      version: 1,
      data: { campaignId: campaign.campaignId, customerIds: newcomers, at: data.at },
    },
  ]);
};

/** Launches a planned campaign with members; launching it again changes nothing. */
export const launchCampaign = (
  data: LaunchCampaign['data'],
  campaign: PlannedCampaign,
): CampaignDecision => {
  const refusal = endedRefusal(campaign);
  if (refusal !== undefined) return E.left(refusal);
  if (campaign.status === 'launched') return E.right([]);
  if (Object.keys(campaign.members).length === 0)
    return E.left(campaignHasNoMembers(campaign.campaignId));
  return E.right([
    {
      type: 'CampaignLaunched',
      version: 1,
      data: { campaignId: campaign.campaignId, at: data.at },
    },
  ]);
};
