import type { CampaignId } from '../kernel/ids.ts';
import type { Money } from '../kernel/money.ts';
import type { NonEmptyString } from '../kernel/text.ts';
import type { Instant } from '../kernel/time.ts';
import type {
  CampaignChannel,
  CampaignMemberStatus,
  CampaignPeriod,
  TargetSegment,
} from './values.ts';

/** Where a planned campaign stands; `completed` and `cancelled` are its two ends. */
export type CampaignStatus = 'planned' | 'launched' | 'completed' | 'cancelled';

/** The state of a campaign once planned. */
export interface PlannedCampaign {
  readonly status: CampaignStatus;
  readonly campaignId: CampaignId;
  readonly name: NonEmptyString;
  readonly channel: CampaignChannel;
  readonly budget: Money;
  readonly period: CampaignPeriod;
  readonly targetSegment: TargetSegment;
  /** Each member's status, by customer id (a plain record, so the state snapshots as JSON). */
  readonly members: Readonly<Record<string, CampaignMemberStatus>>;
  /** The sum of recorded costs, in the budget's currency. */
  readonly actualCost: Money;
  readonly plannedAt: Instant;
  readonly launchedAt: Instant | null;
  /** When it was completed or cancelled. */
  readonly endedAt: Instant | null;
}

/** A campaign before it is planned, or a planned one. */
export type CampaignState = { readonly status: 'unplanned' } | PlannedCampaign;

/** The state of every campaign stream before its first event. */
export const initialCampaignState: CampaignState = { status: 'unplanned' };

/** The member's status, or `undefined` for a customer who is not a member. */
export const memberStatusOf = (
  campaign: PlannedCampaign,
  customerId: string,
): CampaignMemberStatus | undefined =>
  // Own properties only: an id such as `constructor` must not find Object.prototype's.
  Object.hasOwn(campaign.members, customerId) ? campaign.members[customerId] : undefined;
