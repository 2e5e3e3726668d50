import type {
  CampaignCancelled,
  CampaignCompleted,
  CampaignCostRecorded,
  CampaignEvent,
  CampaignLaunched,
  CampaignMembersAdded,
  CampaignPlanned,
  CampaignResponseRecorded,
} from '@crm/domain';
import * as fc from 'fast-check';
import { instantArbitrary, textArbitrary } from '../kernel-arbitraries.ts';
import { campaignCustomerIdArbitrary, campaignIdArbitrary } from './command-arbitraries.ts';
import {
  campaignChannelArbitrary,
  campaignMoneyArbitrary,
  campaignPeriodArbitrary,
  campaignResponseArbitrary,
  targetSegmentArbitrary,
} from './value-arbitraries.ts';

const event = <TType extends CampaignEvent['type'], TData>(
  type: TType,
  data: fc.Arbitrary<TData>,
) =>
  // Spread: fc.record builds null-prototype objects, which decoded JSON never equals strictly.
  fc
    .tuple(campaignIdArbitrary, data, instantArbitrary)
    .map(([campaignId, d, at]) => ({ type, version: 1 as const, data: { campaignId, ...d, at } }));

/** A `CampaignPlanned` with any fields (its budget or period may break the plan's rules). */
export const campaignPlannedArbitrary: fc.Arbitrary<CampaignPlanned> = event(
  'CampaignPlanned',
  fc.record({
    name: textArbitrary,
    channel: campaignChannelArbitrary,
    budget: campaignMoneyArbitrary(-1_000, 5_000_000),
    period: campaignPeriodArbitrary,
    targetSegment: targetSegmentArbitrary,
  }),
);

/** Any `CampaignMembersAdded`, for any state or none. */
export const campaignMembersAddedArbitrary: fc.Arbitrary<CampaignMembersAdded> = event(
  'CampaignMembersAdded',
  fc.record({ customerIds: fc.uniqueArray(campaignCustomerIdArbitrary, { maxLength: 4 }) }),
);

/** Any `CampaignLaunched`, for any state or none. */
export const campaignLaunchedArbitrary: fc.Arbitrary<CampaignLaunched> = event(
  'CampaignLaunched',
  fc.constant({}),
);

/** Any `CampaignResponseRecorded`, for any state or none. */
export const campaignResponseRecordedArbitrary: fc.Arbitrary<CampaignResponseRecorded> = event(
  'CampaignResponseRecorded',
  fc.record({ customerId: campaignCustomerIdArbitrary, response: campaignResponseArbitrary }),
);

/** Any `CampaignCostRecorded`, for any state or none. */
export const campaignCostRecordedArbitrary: fc.Arbitrary<CampaignCostRecorded> = event(
  'CampaignCostRecorded',
  fc.record({ amount: campaignMoneyArbitrary(-100, 200_000), description: textArbitrary }),
);

/** Any `CampaignCompleted`, for any state or none. */
export const campaignCompletedArbitrary: fc.Arbitrary<CampaignCompleted> = event(
  'CampaignCompleted',
  fc.constant({}),
);

/** Any `CampaignCancelled`, for any state or none. */
export const campaignCancelledArbitrary: fc.Arbitrary<CampaignCancelled> = event(
  'CampaignCancelled',
  fc.record({ reason: textArbitrary }),
);

/** Any campaign event, applicable to a given state or not. */
export const campaignEventArbitrary: fc.Arbitrary<CampaignEvent> = fc.oneof(
  campaignPlannedArbitrary,
  campaignMembersAddedArbitrary,
  campaignLaunchedArbitrary,
  campaignResponseRecordedArbitrary,
  campaignCostRecordedArbitrary,
  campaignCompletedArbitrary,
  campaignCancelledArbitrary,
);
