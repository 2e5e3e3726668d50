import * as E from 'fp-ts/lib/Either.js';
import { fold } from '../kernel/decider.ts';
import type { CustomerId, EntryId, UserId } from '../kernel/ids.ts';
import type { NonEmptyString } from '../kernel/text.ts';
import type { Instant } from '../kernel/time.ts';
import { type CustomerCommand, decodeCustomerCommand } from './commands.ts';
import type { RegisterCustomer } from './commands-profile.ts';
import { customerDecider } from './decider.ts';
import type { CustomerDecision } from './decision.ts';
import type { CustomerEvent } from './events.ts';
import type { CustomerState } from './state.ts';

// Shared by the customer's example tests; not part of the public API.

export const customerId = 'customer-1' as CustomerId;
export const otherCustomerId = 'customer-2' as CustomerId;
export const thirdCustomerId = 'customer-3' as CustomerId;
export const owner = 'user-ana' as UserId;
export const rep = 'user-bo' as UserId;
export const at = (day: number): Instant =>
  `2025-03-${String(day).padStart(2, '0')}T09:00:00Z` as Instant;
export const text = (s: string): NonEmptyString => s as NonEmptyString;
export const entry = (s: string): EntryId => s as EntryId;

/** Decodes a command written as plain JSON, failing the test if it is malformed. */
export const command = (input: unknown): CustomerCommand => {
  const decoded = decodeCustomerCommand(input);
  if (E.isLeft(decoded)) throw new Error(decoded.left.message);
  return decoded.right;
};

export const register = command({
  type: 'RegisterCustomer',
  data: {
    customerId,
    party: { kind: 'person', givenName: 'Ana', familyName: 'Lopez' },
    email: ' Ana.Lopez@Example.COM ',
    phone: '020 7183 8750',
    phoneRegion: 'GB',
    acquisition: { source: 'spring-fair-2025', channel: 'event' },
    ownerId: owner,
    at: at(1),
  },
}) as RegisterCustomer;

/** Runs commands in order, failing the test if any is refused; returns all events. */
export const historyOf = (...commands: ReadonlyArray<CustomerCommand>): CustomerEvent[] =>
  extend([], ...commands);

/** `events` followed by the events of `commands`, run in order on top of them. */
export const extend = (
  start: ReadonlyArray<CustomerEvent>,
  ...commands: ReadonlyArray<CustomerCommand>
): CustomerEvent[] => {
  const events: CustomerEvent[] = [...start];
  for (const next of commands) {
    const result = customerDecider.decide(next, fold(customerDecider, events));
    if (E.isLeft(result)) throw new Error(`${next.type} refused: ${result.left.message}`);
    events.push(...result.right);
  }
  return events;
};

/** The registered customer after the registration. */
export const registered = (): CustomerEvent[] => historyOf(register);

/** Decides `command` on the state folded from `events`. */
export const decideAfter = (
  events: ReadonlyArray<CustomerEvent>,
  command: CustomerCommand,
): CustomerDecision => customerDecider.decide(command, fold(customerDecider, events));

/** The state folded from `events`. */
export const stateAfter = (events: ReadonlyArray<CustomerEvent>): CustomerState =>
  fold(customerDecider, events);

/** The error tag of a refused decision, or the event types of an accepted one. */
export const outcome = (decision: CustomerDecision): string | ReadonlyArray<string> =>
  E.isLeft(decision) ? decision.left._tag : decision.right.map((event) => event.type);

/** One sample of every command, all for `customerId`. */
export const sampleCommands = (): ReadonlyArray<CustomerCommand> => [
  register,
  ...[
    {
      type: 'CorrectCustomerName',
      data: { customerId, party: { kind: 'company', legalName: text('Acme Ltd') }, at: at(2) },
    },
    { type: 'ChangeCustomerEmail', data: { customerId, email: 'new@example.com', at: at(2) } },
    { type: 'ChangeCustomerPhone', data: { customerId, phone: '+49 30 901820', at: at(2) } },
    {
      type: 'ChangeCustomerAddress',
      data: {
        customerId,
        address: { lines: [text('1 Main St')], city: text('Leeds'), country: 'GB' },
        at: at(2),
      },
    },
    { type: 'AssignCustomerOwner', data: { customerId, ownerId: rep, at: at(2) } },
    { type: 'AddCustomerTag', data: { customerId, tag: 'vip', at: at(2) } },
    { type: 'RemoveCustomerTag', data: { customerId, tag: 'vip', at: at(2) } },
    {
      type: 'UpdateCustomerPreferences',
      data: { customerId, preferredChannel: 'email', at: at(2) },
    },
    { type: 'AdvanceLifecycleStage', data: { customerId, stage: 'customer', at: at(2) } },
    {
      type: 'EnsureLifecycleStageAtLeast',
      data: { customerId, stage: 'opportunity', reason: text('deal opened'), at: at(2) },
    },
    { type: 'ChurnCustomer', data: { customerId, reason: text('moved away'), at: at(2) } },
    { type: 'ReactivateCustomer', data: { customerId, reason: text('came back'), at: at(2) } },
    {
      type: 'RecordInteraction',
      data: {
        customerId,
        interactionId: entry('call-1'),
        channel: 'call',
        direction: 'inbound',
        summary: text('Asked about delivery'),
        by: rep,
        at: at(2),
      },
    },
    {
      type: 'ScheduleFollowUp',
      data: { customerId, followUpId: entry('fu-1'), dueAt: at(9), assigneeId: rep, at: at(2) },
    },
    { type: 'CompleteFollowUp', data: { customerId, followUpId: entry('fu-1'), at: at(2) } },
    {
      type: 'CancelFollowUp',
      data: { customerId, followUpId: entry('fu-1'), reason: text('not needed'), at: at(2) },
    },
    {
      type: 'RecordSatisfactionScore',
      data: { customerId, surveyId: entry('s-1'), score: { kind: 'nps', value: 9 }, at: at(2) },
    },
    {
      type: 'EarnLoyaltyPoints',
      data: { customerId, points: 100, reason: text('order'), at: at(2) },
    },
    {
      type: 'RedeemLoyaltyPoints',
      data: { customerId, points: 10, reason: text('voucher'), at: at(2) },
    },
    { type: 'MergeCustomerInto', data: { customerId, survivorId: otherCustomerId, at: at(2) } },
    { type: 'RevertCustomerMerge', data: { customerId, reason: text('not the same'), at: at(2) } },
    {
      type: 'RecordDuplicateAbsorbed',
      data: { customerId, duplicateId: thirdCustomerId, at: at(2) },
    },
    {
      type: 'RecordDuplicateReleased',
      data: { customerId, duplicateId: thirdCustomerId, at: at(2) },
    },
    { type: 'ErasePersonalData', data: { customerId, reason: text('GDPR request'), at: at(2) } },
  ].map(command),
];
