import type { Decider } from '../kernel/decider.ts';
import type { CampaignCommand } from './commands.ts';
import { decideCampaign } from './decide.ts';
import type { CampaignError } from './errors.ts';
import type { CampaignEvent } from './events.ts';
import { evolveCampaign } from './evolve.ts';
import { type CampaignState, initialCampaignState } from './state.ts';
import { CampaignMemberStatus } from './values.ts';

/**
 * The campaign aggregate: plan, add members, launch, record responses and costs, complete,
 * cancel. Member responses move forward only.
 *
 * @example
 * const state = fold(campaignDecider, history);
 * campaignDecider.decide(
 *   { type: 'RecordCampaignResponse', data: { campaignId, customerId, response: 'opened', at } },
 *   state,
 * ); // Right([CampaignResponseRecorded]) or Left(CampaignResponseOutOfOrder)…
 */
export const campaignDecider: Decider<
  CampaignCommand,
  CampaignEvent,
  CampaignState,
  CampaignError
> = {
  decide: decideCampaign,
  evolve: evolveCampaign,
  initialState: initialCampaignState,
};

/**
 * The rules every campaign state keeps, as a description of each one it breaks (empty when
 * sound): valid member statuses, responses only once launched, a period that does not end
 * before it starts, a budget ≥ 0, and actual cost ≥ 0 in the budget's currency.
 */
export const campaignInvariantBreaches = (state: CampaignState): ReadonlyArray<string> => {
  if (state.status === 'unplanned') return [];
  const { campaignId, budget, actualCost } = state;
  const breaches: string[] = [];
  for (const [customerId, status] of Object.entries(state.members)) {
    if (!CampaignMemberStatus.is(status))
      breaches.push(`campaign ${campaignId}: member ${customerId} has no valid status (${status})`);
    else if (status !== 'added' && state.launchedAt === null)
      breaches.push(`campaign ${campaignId}: member ${customerId} responded before the launch`);
  }
  if (actualCost.currency !== budget.currency)
    breaches.push(
      `campaign ${campaignId}: cost in ${actualCost.currency}, budget in ${budget.currency}`,
    );
  if (actualCost.amountMinor < 0)
    breaches.push(`campaign ${campaignId}: actual cost is negative (${actualCost.amountMinor})`);
  if (budget.amountMinor < 0)
    breaches.push(`campaign ${campaignId}: budget is negative (${budget.amountMinor})`);
  if (state.period.end < state.period.start)
    breaches.push(
      `campaign ${campaignId}: period ends ${state.period.end}, before ${state.period.start}`,
    );
  const launched = state.status === 'launched' || state.status === 'completed';
  if (launched && state.launchedAt === null)
    breaches.push(`campaign ${campaignId} is ${state.status} but was never launched`);
  const ended = state.status === 'completed' || state.status === 'cancelled';
  if (ended !== (state.endedAt !== null))
    breaches.push(`campaign ${campaignId} is ${state.status} with endedAt ${state.endedAt}`);
  return breaches;
};
