import * as E from 'fp-ts/lib/Either.js';
import { currencyMismatch } from '../kernel/domain-error.ts';
import { addMoney } from '../kernel/money.ts';
import type {
  CancelCampaign,
  CompleteCampaign,
  RecordCampaignCost,
  RecordCampaignResponse,
} from './commands.ts';
import {
  campaignAlreadyEnded,
  campaignCostNotPositive,
  campaignMemberUnreachable,
  campaignNotLaunched,
  campaignResponseOutOfOrder,
  customerNotCampaignMember,
} from './error-constructors.ts';
import { type CampaignDecision, endedRefusal } from './guards.ts';
import { judgeResponse } from './member-progress.ts';
import { memberStatusOf, type PlannedCampaign } from './state.ts';

/**
 * Records a member's response while the campaign is launched. Recording the member's current
 * status again is an idempotent no-op (a tracking pixel fires twice); a response behind it is
 * refused as out of order.
 */
export const recordCampaignResponse = (
  data: RecordCampaignResponse['data'],
  campaign: PlannedCampaign,
): CampaignDecision => {
  const refusal = endedRefusal(campaign);
  if (refusal !== undefined) return E.left(refusal);
  if (campaign.status === 'planned') return E.left(campaignNotLaunched(campaign.campaignId));
  const { campaignId } = campaign;
  const current = memberStatusOf(campaign, data.customerId);
  if (current === undefined) return E.left(customerNotCampaignMember(campaignId, data.customerId));
  switch (judgeResponse(current, data.response)) {
    case 'repeat':
      return E.right([]);
    case 'unreachable':
      return E.left(campaignMemberUnreachable(campaignId, data.customerId, current));
    case 'out_of_order':
      return E.left(
        campaignResponseOutOfOrder(campaignId, data.customerId, current, data.response),
      );
    case 'moves':
      return E.right([
        {
          type: 'CampaignResponseRecorded',
          version: 1,
          data: { campaignId, customerId: data.customerId, response: data.response, at: data.at },
        },
      ]);
  }
};

/**
 * Records money spent, in the budget's currency. Costs are taken in every status: the agency's
 * invoice often arrives after the campaign has ended. Going over budget is allowed and shows.
 */
export const recordCampaignCost = (
  data: RecordCampaignCost['data'],
  campaign: PlannedCampaign,
): CampaignDecision => {
  if (data.amount.currency !== campaign.budget.currency)
    return E.left(currencyMismatch(campaign.budget.currency, data.amount.currency));
  if (data.amount.amountMinor <= 0)
    return E.left(campaignCostNotPositive(campaign.campaignId, data.amount));
  // The running total must stay exact; an amount that would overflow it is refused.
  const total = addMoney(campaign.actualCost, data.amount);
  if (E.isLeft(total)) return E.left(total.left);
  return E.right([
    {
      type: 'CampaignCostRecorded',
      version: 1,
      data: {
        campaignId: campaign.campaignId,
        amount: data.amount,
        description: data.description,
        at: data.at,
      },
    },
  ]);
};

/** Completes a launched campaign; completing it again changes nothing. */
export const completeCampaign = (
  data: CompleteCampaign['data'],
  campaign: PlannedCampaign,
): CampaignDecision => {
  switch (campaign.status) {
    case 'completed':
      return E.right([]);
    case 'cancelled':
      return E.left(campaignAlreadyEnded(campaign.campaignId, campaign.status));
    case 'planned':
      return E.left(campaignNotLaunched(campaign.campaignId));
    case 'launched':
      return E.right([
        {
          type: 'CampaignCompleted',
          version: 1,
          data: { campaignId: campaign.campaignId, at: data.at },
        },
      ]);
  }
};

/** Cancels a planned or launched campaign; cancelling it again changes nothing. */
export const cancelCampaign = (
  data: CancelCampaign['data'],
  campaign: PlannedCampaign,
): CampaignDecision => {
  if (campaign.status === 'cancelled') return E.right([]);
  if (campaign.status === 'completed')
    return E.left(campaignAlreadyEnded(campaign.campaignId, campaign.status));
  return E.right([
    {
      type: 'CampaignCancelled',
      version: 1,
      data: { campaignId: campaign.campaignId, reason: data.reason, at: data.at },
    },
  ]);
};
