import {
  type CampaignCommand,
  type CampaignError,
  type CampaignEvent,
  type CampaignState,
  campaignDecider,
} from '@crm/domain';
import * as fc from 'fast-check';
import { type DecidedHistory, historyArbitrary } from '../history.ts';
import {
  addCampaignMembersArbitrary,
  campaignEndArbitrary,
  campaignRunningArbitrary,
  launchCampaignArbitrary,
  planCampaignArbitrary,
} from './command-arbitraries.ts';

/** A valid history of one campaign, with the commands that made it. */
export type CampaignHistory = DecidedHistory<
  CampaignCommand,
  CampaignEvent,
  CampaignState,
  CampaignError
>;

/**
 * Valid campaign histories: usually a plan, members and a launch, then a run of members,
 * responses and costs, often an end (completion or cancellation) and a few commands after it,
 * all run through the decider so only what it accepts remains. Sometimes no plan, so the
 * unplanned campaign is covered too.
 */
export const campaignHistoryArbitrary: fc.Arbitrary<CampaignHistory> = historyArbitrary(
  campaignDecider,
  fc
    .record({
      plan: fc.option(planCampaignArbitrary, { freq: 10 }),
      start: fc.option(fc.tuple(addCampaignMembersArbitrary, launchCampaignArbitrary), { freq: 5 }),
      run: fc.array(campaignRunningArbitrary, { maxLength: 40, size: 'medium' }),
      end: fc.option(campaignEndArbitrary, { freq: 3 }),
      after: fc.array(fc.oneof(campaignRunningArbitrary, campaignEndArbitrary), { maxLength: 4 }),
    })
    .map(({ plan, start, run, end, after }) => [
      ...(plan === null ? [] : [plan]),
      ...(start ?? []),
      ...run,
      ...(end === null ? [] : [end]),
      ...after,
    ]),
);
