import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { decodeByType } from '../kernel/decode.ts';
import type { InvalidInput } from '../kernel/domain-error.ts';
import { CampaignId, CustomerId } from '../kernel/ids.ts';
import { Money } from '../kernel/money.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import { type StoredEvent, type Upcaster, upcastEvent } from '../kernel/upcaster.ts';
import { CampaignChannel, CampaignPeriod, CampaignResponse, TargetSegment } from './values.ts';

const campaignEvent = <TType extends string, TProps extends t.Props>(type: TType, props: TProps) =>
  t.readonly(
    t.type({
      type: t.literal(type),
      version: t.literal(1),
      data: t.readonly(t.type({ campaignId: CampaignId, ...props, at: Instant })),
    }),
  );

/** A campaign was planned. */
export const CampaignPlanned = campaignEvent('CampaignPlanned', {
  name: NonEmptyString,
  channel: CampaignChannel,
  budget: Money,
  period: CampaignPeriod,
  targetSegment: TargetSegment,
});
export type CampaignPlanned = t.TypeOf<typeof CampaignPlanned>;

/** Customers joined the campaign (only those not already in it). */
export const CampaignMembersAdded = campaignEvent('CampaignMembersAdded', {
  customerIds: t.readonlyArray(CustomerId),
});
export type CampaignMembersAdded = t.TypeOf<typeof CampaignMembersAdded>;

/** The campaign went live. */
export const CampaignLaunched = campaignEvent('CampaignLaunched', {});
export type CampaignLaunched = t.TypeOf<typeof CampaignLaunched>;

/**
 * A member responded. Policies read it: a `converted` response moves the customer forward in
 * the lifecycle.
 */
export const CampaignResponseRecorded = campaignEvent('CampaignResponseRecorded', {
  customerId: CustomerId,
  response: CampaignResponse,
});
export type CampaignResponseRecorded = t.TypeOf<typeof CampaignResponseRecorded>;

/** Money was spent on the campaign. */
export const CampaignCostRecorded = campaignEvent('CampaignCostRecorded', {
  amount: Money,
  description: NonEmptyString,
});
export type CampaignCostRecorded = t.TypeOf<typeof CampaignCostRecorded>;

/** The campaign ran its course. */
export const CampaignCompleted = campaignEvent('CampaignCompleted', {});
export type CampaignCompleted = t.TypeOf<typeof CampaignCompleted>;

/** The campaign was called off. */
export const CampaignCancelled = campaignEvent('CampaignCancelled', { reason: NonEmptyString });
export type CampaignCancelled = t.TypeOf<typeof CampaignCancelled>;

/** The codec of each campaign event, by its `type`. */
export const campaignEventCodecs = {
  CampaignPlanned,
  CampaignMembersAdded,
  CampaignLaunched,
  CampaignResponseRecorded,
  CampaignCostRecorded,
  CampaignCompleted,
  CampaignCancelled,
} as const;

/** Every event of the campaign aggregate. */
export const CampaignEvent = t.union([
  CampaignPlanned,
  CampaignMembersAdded,
  CampaignLaunched,
  CampaignResponseRecorded,
  CampaignCostRecorded,
  CampaignCompleted,
  CampaignCancelled,
]);
export type CampaignEvent = t.TypeOf<typeof CampaignEvent>;

/** Campaign events have had one schema version so far, so nothing needs upcasting yet. */
export const campaignUpcasters: ReadonlyArray<Upcaster> = [];

/** Reads a stored campaign event of any known version as the current schema. */
export const decodeCampaignEvent = (stored: StoredEvent): E.Either<InvalidInput, CampaignEvent> =>
  E.flatMap(upcastEvent(campaignUpcasters, stored), (current) =>
    decodeByType(campaignEventCodecs, current),
  );
