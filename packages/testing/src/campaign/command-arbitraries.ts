import {
  type AddCampaignMembers,
  type CampaignCommand,
  CampaignId,
  type CancelCampaign,
  type CompleteCampaign,
  CustomerId,
  type LaunchCampaign,
  type PlanCampaign,
  type RecordCampaignCost,
  type RecordCampaignResponse,
} from '@crm/domain';
import * as fc from 'fast-check';
import { idFrom, instantArbitrary, textArbitrary } from '../kernel-arbitraries.ts';
import {
  campaignChannelArbitrary,
  campaignMoneyArbitrary,
  campaignPeriodArbitrary,
  campaignResponseArbitrary,
  targetSegmentArbitrary,
} from './value-arbitraries.ts';

/** Mostly `campaign-1`, sometimes `campaign-2`: most commands land, a few hit the wrong stream. */
export const campaignIdArbitrary: fc.Arbitrary<CampaignId> = fc.oneof(
  { weight: 9, arbitrary: idFrom(CampaignId, 'campaign-', 1) },
  { weight: 1, arbitrary: idFrom(CampaignId, 'campaign-', 2) },
);

/** Four customers, so members recur across additions and responses. */
export const campaignCustomerIdArbitrary: fc.Arbitrary<CustomerId> = idFrom(
  CustomerId,
  'customer-',
  4,
);

const command = <TType extends CampaignCommand['type'], TData>(
  type: TType,
  data: fc.Arbitrary<TData>,
) =>
  // Spread: fc.record builds null-prototype objects, which decoded JSON never equals strictly.
  fc
    .tuple(campaignIdArbitrary, data, instantArbitrary)
    .map(([campaignId, d, at]) => ({ type, data: { campaignId, ...d, at } }));

/** `PlanCampaign`, usually valid (a budget ≥ 0, a period running forwards), now and then not. */
export const planCampaignArbitrary: fc.Arbitrary<PlanCampaign> = command(
  'PlanCampaign',
  fc.record({
    name: textArbitrary,
    channel: campaignChannelArbitrary,
    budget: fc.oneof(
      { weight: 19, arbitrary: campaignMoneyArbitrary(0, 5_000_000) },
      { weight: 1, arbitrary: campaignMoneyArbitrary(-1_000, -1) },
    ),
    period: campaignPeriodArbitrary,
    targetSegment: targetSegmentArbitrary,
  }),
);

/** `AddCampaignMembers` with one to four customers (now and then none, which is refused). */
export const addCampaignMembersArbitrary: fc.Arbitrary<AddCampaignMembers> = command(
  'AddCampaignMembers',
  fc.record({
    customerIds: fc.oneof(
      {
        weight: 9,
        arbitrary: fc.array(campaignCustomerIdArbitrary, { minLength: 1, maxLength: 4 }),
      },
      { weight: 1, arbitrary: fc.constant([]) },
    ),
  }),
);

/** Any `LaunchCampaign` command. */
export const launchCampaignArbitrary: fc.Arbitrary<LaunchCampaign> = command(
  'LaunchCampaign',
  fc.constant({}),
);

/** Any `RecordCampaignResponse` command. */
export const recordCampaignResponseArbitrary: fc.Arbitrary<RecordCampaignResponse> = command(
  'RecordCampaignResponse',
  fc.record({ customerId: campaignCustomerIdArbitrary, response: campaignResponseArbitrary }),
);

/** `RecordCampaignCost`, usually positive and in the budget's currency (EUR), now and then not. */
export const recordCampaignCostArbitrary: fc.Arbitrary<RecordCampaignCost> = command(
  'RecordCampaignCost',
  fc.record({
    amount: fc.oneof(
      { weight: 19, arbitrary: campaignMoneyArbitrary(1, 200_000) },
      { weight: 1, arbitrary: campaignMoneyArbitrary(-100, 0) },
    ),
    description: textArbitrary,
  }),
);

/** Any `CompleteCampaign` command. */
export const completeCampaignArbitrary: fc.Arbitrary<CompleteCampaign> = command(
  'CompleteCampaign',
  fc.constant({}),
);

/** Any `CancelCampaign` command. */
export const cancelCampaignArbitrary: fc.Arbitrary<CancelCampaign> = command(
  'CancelCampaign',
  fc.record({ reason: textArbitrary }),
);

/** What happens while a campaign runs: members, the launch, many responses and costs. */
export const campaignRunningArbitrary: fc.Arbitrary<CampaignCommand> = fc.oneof(
  { weight: 4, arbitrary: addCampaignMembersArbitrary },
  { weight: 2, arbitrary: launchCampaignArbitrary },
  { weight: 24, arbitrary: recordCampaignResponseArbitrary },
  { weight: 4, arbitrary: recordCampaignCostArbitrary },
);

/** Either end of a campaign: completing or cancelling it. */
export const campaignEndArbitrary: fc.Arbitrary<CampaignCommand> = fc.oneof(
  completeCampaignArbitrary,
  cancelCampaignArbitrary,
);

/** Any campaign command, valid for a given state or not. */
export const campaignCommandArbitrary: fc.Arbitrary<CampaignCommand> = fc.oneof(
  planCampaignArbitrary,
  addCampaignMembersArbitrary,
  launchCampaignArbitrary,
  recordCampaignResponseArbitrary,
  recordCampaignCostArbitrary,
  completeCampaignArbitrary,
  cancelCampaignArbitrary,
);
