import type { CampaignId, CustomerId } from '../kernel/ids.ts';
import type { Money } from '../kernel/money.ts';
import type { CalendarDate } from '../kernel/time.ts';
import type {
  CampaignAlreadyEnded,
  CampaignAlreadyPlanned,
  CampaignBudgetNegative,
  CampaignCostNotPositive,
  CampaignHasNoMembers,
  CampaignIdMismatch,
  CampaignMemberUnreachable,
  CampaignNotLaunched,
  CampaignNotPlanned,
  CampaignPeriodEndsBeforeStart,
  CampaignResponseOutOfOrder,
  CustomerNotCampaignMember,
} from './errors.ts';
import type { CampaignStatus } from './state.ts';
import type { CampaignMemberStatus, CampaignResponse } from './values.ts';

const amountText = (money: Money): string => `${money.amountMinor} ${money.currency} (minor units)`;

/** The `CampaignNotPlanned` error, with its message. */
export const campaignNotPlanned = (campaignId: CampaignId): CampaignNotPlanned => ({
  _tag: 'CampaignNotPlanned',
  campaignId,
  message: `Campaign ${campaignId} has not been planned.`,
});

/** The `CampaignAlreadyPlanned` error, with its message. */
export const campaignAlreadyPlanned = (campaignId: CampaignId): CampaignAlreadyPlanned => ({
  _tag: 'CampaignAlreadyPlanned',
  campaignId,
  message: `Campaign ${campaignId} is already planned; a campaign is planned once.`,
});

/** The `CampaignIdMismatch` error, with its message. */
export const campaignIdMismatch = (
  expected: CampaignId,
  actual: CampaignId,
): CampaignIdMismatch => ({
  _tag: 'CampaignIdMismatch',
  expected,
  actual,
  message: `The command is for campaign ${actual} but was sent to campaign ${expected}.`,
});

/** The `CampaignPeriodEndsBeforeStart` error, with its message. */
export const campaignPeriodEndsBeforeStart = (
  start: CalendarDate,
  end: CalendarDate,
): CampaignPeriodEndsBeforeStart => ({
  _tag: 'CampaignPeriodEndsBeforeStart',
  start,
  end,
  message: `The campaign period ends on ${end}, before it starts on ${start}.`,
});

/** The `CampaignBudgetNegative` error, with its message. */
export const campaignBudgetNegative = (budget: Money): CampaignBudgetNegative => ({
  _tag: 'CampaignBudgetNegative',
  budget,
  message: `A campaign budget cannot be negative: ${amountText(budget)}.`,
});

/** The `CampaignHasNoMembers` error, with its message. */
export const campaignHasNoMembers = (campaignId: CampaignId): CampaignHasNoMembers => ({
  _tag: 'CampaignHasNoMembers',
  campaignId,
  message: `Campaign ${campaignId} has no members yet; add some before launching it.`,
});

/** The `CampaignNotLaunched` error, with its message. */
export const campaignNotLaunched = (campaignId: CampaignId): CampaignNotLaunched => ({
  _tag: 'CampaignNotLaunched',
  campaignId,
  message: `Campaign ${campaignId} has not been launched.`,
});

/** The `CampaignAlreadyEnded` error, with its message. */
export const campaignAlreadyEnded = (
  campaignId: CampaignId,
  status: CampaignStatus,
): CampaignAlreadyEnded => ({
  _tag: 'CampaignAlreadyEnded',
  campaignId,
  status,
  message: `Campaign ${campaignId} is ${status}.`,
});

/** The `CustomerNotCampaignMember` error, with its message. */
export const customerNotCampaignMember = (
  campaignId: CampaignId,
  customerId: CustomerId,
): CustomerNotCampaignMember => ({
  _tag: 'CustomerNotCampaignMember',
  campaignId,
  customerId,
  message: `Customer ${customerId} is not a member of campaign ${campaignId}.`,
});

/** The `CampaignResponseOutOfOrder` error, with its message. */
export const campaignResponseOutOfOrder = (
  campaignId: CampaignId,
  customerId: CustomerId,
  current: CampaignMemberStatus,
  response: CampaignResponse,
): CampaignResponseOutOfOrder => ({
  _tag: 'CampaignResponseOutOfOrder',
  campaignId,
  customerId,
  current,
  response,
  message: `Customer ${customerId} in campaign ${campaignId} is at ${current}; ${response} would be a step back.`,
});

/** The `CampaignMemberUnreachable` error, with its message. */
export const campaignMemberUnreachable = (
  campaignId: CampaignId,
  customerId: CustomerId,
  status: CampaignMemberStatus,
): CampaignMemberUnreachable => ({
  _tag: 'CampaignMemberUnreachable',
  campaignId,
  customerId,
  status,
  message: `Customer ${customerId} in campaign ${campaignId} is ${status}; nothing further is recorded.`,
});

/** The `CampaignCostNotPositive` error, with its message. */
export const campaignCostNotPositive = (
  campaignId: CampaignId,
  amount: Money,
): CampaignCostNotPositive => ({
  _tag: 'CampaignCostNotPositive',
  campaignId,
  amount,
  message: `A cost recorded on campaign ${campaignId} must be more than zero: ${amountText(amount)}.`,
});
