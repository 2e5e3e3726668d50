// Shared by this folder's example tests only (not exported): one campaign's commands.
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { fold } from '../kernel/decider.ts';
import { CampaignId, CustomerId } from '../kernel/ids.ts';
import { CurrencyCode, MinorUnits, type Money } from '../kernel/money.ts';
import { NonEmptyString, Tag } from '../kernel/text.ts';
import { CalendarDate, Instant } from '../kernel/time.ts';
import type { CampaignCommand } from './commands.ts';
import { campaignDecider } from './decider.ts';
import type { CampaignError } from './errors.ts';
import type { CampaignEvent } from './events.ts';
import type { CampaignState, PlannedCampaign } from './state.ts';
import type { CampaignResponse } from './values.ts';

/** The value, checked by its codec (so fixtures need no casts). */
export const valid = <A>(codec: t.Type<A, unknown, unknown>, value: unknown): A => {
  if (!codec.is(value)) throw new Error(`fixture is not a valid ${codec.name}: ${String(value)}`);
  return value;
};

export const campaignId = valid(CampaignId, 'campaign-1');
export const otherCampaignId = valid(CampaignId, 'campaign-2');
export const customer = (n: number | string): CustomerId => valid(CustomerId, `customer-${n}`);
export const at = valid(Instant, '2025-04-01T08:00:00Z');
export const text = (s: string): NonEmptyString => valid(NonEmptyString, s);
export const money = (amountMinor: number, currency = 'EUR'): Money => ({
  amountMinor: valid(MinorUnits, amountMinor),
  currency: valid(CurrencyCode, currency),
});

export const plan = (
  overrides: { readonly budget?: Money; readonly start?: string; readonly end?: string } = {},
): CampaignCommand => ({
  type: 'PlanCampaign',
  data: {
    campaignId,
    name: text('Spring newsletter'),
    channel: 'email',
    budget: overrides.budget ?? money(500_000),
    period: {
      start: valid(CalendarDate, overrides.start ?? '2025-04-01'),
      end: valid(CalendarDate, overrides.end ?? '2025-04-30'),
    },
    targetSegment: {
      tags: [valid(Tag, 'newsletter'), valid(Tag, 'vip'), valid(Tag, 'newsletter')],
      lifecycleStages: ['lead', 'customer', 'lead'],
    },
    at,
  },
});

export const addMembers = (...customers: ReadonlyArray<CustomerId>): CampaignCommand => ({
  type: 'AddCampaignMembers',
  data: { campaignId, customerIds: customers, at },
});

export const launch: CampaignCommand = { type: 'LaunchCampaign', data: { campaignId, at } };

export const respond = (customerId: CustomerId, response: CampaignResponse): CampaignCommand => ({
  type: 'RecordCampaignResponse',
  data: { campaignId, customerId, response, at },
});

export const cost = (amount: Money): CampaignCommand => ({
  type: 'RecordCampaignCost',
  data: { campaignId, amount, description: text('Mailing service'), at },
});

export const complete: CampaignCommand = { type: 'CompleteCampaign', data: { campaignId, at } };

export const cancel: CampaignCommand = {
  type: 'CancelCampaign',
  data: { campaignId, reason: text('Product recalled'), at },
};

/** What the decider answers to `command` after `events`. */
export const decideAfter = (
  events: ReadonlyArray<CampaignEvent>,
  command: CampaignCommand,
): E.Either<CampaignError, ReadonlyArray<CampaignEvent>> =>
  campaignDecider.decide(command, fold(campaignDecider, events));

/** The events `command` causes after `events`; throws if it is refused. */
export const accepted = (
  events: ReadonlyArray<CampaignEvent>,
  command: CampaignCommand,
): ReadonlyArray<CampaignEvent> => {
  const result = decideAfter(events, command);
  if (E.isLeft(result)) throw new Error(`${command.type} refused: ${result.left.message}`);
  return result.right;
};

/** The error `command` is refused with after `events`; throws if it is accepted. */
export const refused = (
  events: ReadonlyArray<CampaignEvent>,
  command: CampaignCommand,
): CampaignError => {
  const result = decideAfter(events, command);
  if (E.isRight(result)) throw new Error(`${command.type} was accepted`);
  return result.left;
};

/** The events of running `commands` in order; throws if the decider refuses one. */
export const historyOf = (
  ...commands: ReadonlyArray<CampaignCommand>
): ReadonlyArray<CampaignEvent> => {
  const events: CampaignEvent[] = [];
  for (const command of commands) events.push(...accepted(events, command));
  return events;
};

/** The state of a planned campaign after `events`; throws if it is not planned. */
export const plannedState = (events: ReadonlyArray<CampaignEvent>): PlannedCampaign => {
  const state: CampaignState = fold(campaignDecider, events);
  if (state.status === 'unplanned') throw new Error('the campaign is not planned');
  return state;
};

/** A launched campaign with members 1 and 2, and then `commands`. */
export const launched = (
  ...commands: ReadonlyArray<CampaignCommand>
): ReadonlyArray<CampaignEvent> =>
  historyOf(plan(), addMembers(customer(1), customer(2)), launch, ...commands);
