import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { decodeByType } from '../kernel/decode.ts';
import type { InvalidInput } from '../kernel/domain-error.ts';
import { CampaignId, CustomerId } from '../kernel/ids.ts';
import { Money } from '../kernel/money.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import { CampaignChannel, CampaignPeriod, CampaignResponse, TargetSegment } from './values.ts';

const campaignCommand = <TType extends string, TProps extends t.Props>(
  type: TType,
  props: TProps,
) =>
  t.readonly(
    t.type({
      type: t.literal(type),
      data: t.readonly(t.type({ campaignId: CampaignId, ...props, at: Instant })),
    }),
  );

/** Plans a campaign: its channel, budget, period and target segment. */
export const PlanCampaign = campaignCommand('PlanCampaign', {
  name: NonEmptyString,
  channel: CampaignChannel,
  budget: Money,
  period: CampaignPeriod,
  targetSegment: TargetSegment,
});
export type PlanCampaign = t.TypeOf<typeof PlanCampaign>;

/** Adds customers to the campaign (at least one); customers already in it are skipped. */
export const AddCampaignMembers = campaignCommand('AddCampaignMembers', {
  customerIds: t.readonlyArray(CustomerId),
});
export type AddCampaignMembers = t.TypeOf<typeof AddCampaignMembers>;

/** Launches a planned campaign that has members. */
export const LaunchCampaign = campaignCommand('LaunchCampaign', {});
export type LaunchCampaign = t.TypeOf<typeof LaunchCampaign>;

/** Records what a member did with a launched campaign. */
export const RecordCampaignResponse = campaignCommand('RecordCampaignResponse', {
  customerId: CustomerId,
  response: CampaignResponse,
});
export type RecordCampaignResponse = t.TypeOf<typeof RecordCampaignResponse>;

/** Records money actually spent on the campaign, in the budget's currency. */
export const RecordCampaignCost = campaignCommand('RecordCampaignCost', {
  amount: Money,
  description: NonEmptyString,
});
export type RecordCampaignCost = t.TypeOf<typeof RecordCampaignCost>;

/** Completes a launched campaign. */
export const CompleteCampaign = campaignCommand('CompleteCampaign', {});
export type CompleteCampaign = t.TypeOf<typeof CompleteCampaign>;

/** Cancels a planned or launched campaign, saying why. */
export const CancelCampaign = campaignCommand('CancelCampaign', { reason: NonEmptyString });
export type CancelCampaign = t.TypeOf<typeof CancelCampaign>;

/** The codec of each campaign command, by its `type`. */
export const campaignCommandCodecs = {
  PlanCampaign,
  AddCampaignMembers,
  LaunchCampaign,
  RecordCampaignResponse,
  RecordCampaignCost,
  CompleteCampaign,
  CancelCampaign,
} as const;

/** Every command the campaign aggregate takes. */
export const CampaignCommand = t.union([
  PlanCampaign,
  AddCampaignMembers,
  LaunchCampaign,
  RecordCampaignResponse,
  RecordCampaignCost,
  CompleteCampaign,
  CancelCampaign,
]);
export type CampaignCommand = t.TypeOf<typeof CampaignCommand>;

/** Decodes an untrusted campaign command; a failure names the offending field. */
export const decodeCampaignCommand = (input: unknown): E.Either<InvalidInput, CampaignCommand> =>
  decodeByType(campaignCommandCodecs, input);
