import * as E from 'fp-ts/lib/Either.js';
import type { InvalidInput } from '../kernel/domain-error.ts';
import type { CampaignId } from '../kernel/ids.ts';
import {
  campaignAlreadyEnded,
  campaignIdMismatch,
  campaignNotPlanned,
} from './error-constructors.ts';
import type { CampaignError } from './errors.ts';
import type { CampaignEvent } from './events.ts';
import type { CampaignState, PlannedCampaign } from './state.ts';

/** What deciding a campaign command answers. */
export type CampaignDecision = E.Either<CampaignError, ReadonlyArray<CampaignEvent>>;

/** Runs `decide` only on a planned campaign that the command is addressed to. */
export const onPlannedCampaign = (
  data: { readonly campaignId: CampaignId },
  state: CampaignState,
  decide: (campaign: PlannedCampaign) => CampaignDecision,
): CampaignDecision => {
  if (state.status === 'unplanned') return E.left(campaignNotPlanned(data.campaignId));
  if (data.campaignId !== state.campaignId)
    return E.left(campaignIdMismatch(state.campaignId, data.campaignId));
  return decide(state);
};

/** The refusal for a completed or cancelled campaign, or `undefined` while it is still going. */
export const endedRefusal = (campaign: PlannedCampaign): CampaignError | undefined =>
  campaign.status === 'completed' || campaign.status === 'cancelled'
    ? campaignAlreadyEnded(campaign.campaignId, campaign.status)
    : undefined;

/** The `InvalidInput` for a field that must not be empty. */
export const emptyField = (field: string): InvalidInput => {
  const message = 'expected at least one entry, got none';
  return {
    _tag: 'InvalidInput',
    field,
    issues: [{ field, message }],
    message: `Invalid input: ${field}: ${message}.`,
  };
};

/** The `InvalidInput` for a command whose `type` the decider does not know (untyped callers). */
export const unknownCampaignCommand = (command: { readonly type: unknown }): InvalidInput => {
  const message = `not a campaign command: ${String(command.type)}`;
  return {
    _tag: 'InvalidInput',
    field: 'type',
    issues: [{ field: 'type', message }],
    message: `Invalid input: type: ${message}.`,
  };
};
