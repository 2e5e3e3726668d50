import * as E from 'fp-ts/lib/Either.js';
import type { CampaignCommand } from './commands.ts';
import { addCampaignMembers, launchCampaign, planCampaign } from './decide-plan.ts';
import {
  cancelCampaign,
  completeCampaign,
  recordCampaignCost,
  recordCampaignResponse,
} from './decide-run.ts';
import { type CampaignDecision, onPlannedCampaign, unknownCampaignCommand } from './guards.ts';
import type { CampaignState } from './state.ts';

/**
 * Decides a campaign command against the campaign's state: the events it causes (none for a
 * repeat that changes nothing) or the reason it is refused. Never throws.
 */
export const decideCampaign = (
  command: CampaignCommand,
  state: CampaignState,
): CampaignDecision => {
  switch (command.type) {
    case 'PlanCampaign':
      return planCampaign(command.data, state);
    case 'AddCampaignMembers':
      return onPlannedCampaign(command.data, state, (c) => addCampaignMembers(command.data, c));
    case 'LaunchCampaign':
      return onPlannedCampaign(command.data, state, (c) => launchCampaign(command.data, c));
    case 'RecordCampaignResponse':
      return onPlannedCampaign(command.data, state, (c) => recordCampaignResponse(command.data, c));
    case 'RecordCampaignCost':
      return onPlannedCampaign(command.data, state, (c) => recordCampaignCost(command.data, c));
    case 'CompleteCampaign':
      return onPlannedCampaign(command.data, state, (c) => completeCampaign(command.data, c));
    case 'CancelCampaign':
      return onPlannedCampaign(command.data, state, (c) => cancelCampaign(command.data, c));
    default: {
      const unknown: never = command;
      return E.left(unknownCampaignCommand(unknown));
    }
  }
};
