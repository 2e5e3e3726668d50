import type { DomainError, KernelError } from '../kernel/domain-error.ts';
import type { CampaignId, CustomerId } from '../kernel/ids.ts';
import type { Money } from '../kernel/money.ts';
import type { CalendarDate } from '../kernel/time.ts';
import type { CampaignStatus } from './state.ts';
import type { CampaignMemberStatus, CampaignResponse } from './values.ts';

/** A command other than `PlanCampaign` reached a campaign that was never planned. */
export interface CampaignNotPlanned extends DomainError<'CampaignNotPlanned'> {
  readonly campaignId: CampaignId;
}
/** `PlanCampaign` reached a campaign that is planned already. */
export interface CampaignAlreadyPlanned extends DomainError<'CampaignAlreadyPlanned'> {
  readonly campaignId: CampaignId;
}
/** A command names another campaign than the stream it was sent to. */
export interface CampaignIdMismatch extends DomainError<'CampaignIdMismatch'> {
  readonly expected: CampaignId;
  readonly actual: CampaignId;
}
/** The period's last day comes before its first. */
export interface CampaignPeriodEndsBeforeStart
  extends DomainError<'CampaignPeriodEndsBeforeStart'> {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}
/** A budget cannot be negative. */
export interface CampaignBudgetNegative extends DomainError<'CampaignBudgetNegative'> {
  readonly budget: Money;
}
/** A campaign needs members before it launches. */
export interface CampaignHasNoMembers extends DomainError<'CampaignHasNoMembers'> {
  readonly campaignId: CampaignId;
}
/** Responses and completion need a launched campaign; this one is only planned. */
export interface CampaignNotLaunched extends DomainError<'CampaignNotLaunched'> {
  readonly campaignId: CampaignId;
}
/** The campaign is completed or cancelled and takes nothing more but costs. */
export interface CampaignAlreadyEnded extends DomainError<'CampaignAlreadyEnded'> {
  readonly campaignId: CampaignId;
  readonly status: CampaignStatus;
}
/** Responses are recorded for members only. */
export interface CustomerNotCampaignMember extends DomainError<'CustomerNotCampaignMember'> {
  readonly campaignId: CampaignId;
  readonly customerId: CustomerId;
}
/** The member is further along already (or a bounce came after delivery): no step back. */
export interface CampaignResponseOutOfOrder extends DomainError<'CampaignResponseOutOfOrder'> {
  readonly campaignId: CampaignId;
  readonly customerId: CustomerId;
  readonly current: CampaignMemberStatus;
  readonly response: CampaignResponse;
}
/** The member unsubscribed or bounced; nothing further is recorded for them. */
export interface CampaignMemberUnreachable extends DomainError<'CampaignMemberUnreachable'> {
  readonly campaignId: CampaignId;
  readonly customerId: CustomerId;
  readonly status: CampaignMemberStatus;
}
/** A recorded cost must be more than zero. */
export interface CampaignCostNotPositive extends DomainError<'CampaignCostNotPositive'> {
  readonly campaignId: CampaignId;
  readonly amount: Money;
}

/** Every way a campaign command can be refused. */
export type CampaignError =
  | KernelError
  | CampaignNotPlanned
  | CampaignAlreadyPlanned
  | CampaignIdMismatch
  | CampaignPeriodEndsBeforeStart
  | CampaignBudgetNegative
  | CampaignHasNoMembers
  | CampaignNotLaunched
  | CampaignAlreadyEnded
  | CustomerNotCampaignMember
  | CampaignResponseOutOfOrder
  | CampaignMemberUnreachable
  | CampaignCostNotPositive;
