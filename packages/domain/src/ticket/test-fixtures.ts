// Shared by this folder's example tests only (not exported): a ticket's commands at set instants.
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { CsatValue } from '../customer/engagement.ts';
import { fold } from '../kernel/decider.ts';
import { CustomerId, DealId, EntryId, TicketId, UserId } from '../kernel/ids.ts';
import { NonEmptyString } from '../kernel/text.ts';
import { Instant } from '../kernel/time.ts';
import type { TicketCommand } from './commands.ts';
import { ticketDecider } from './decider.ts';
import type { TicketError } from './errors.ts';
import type { TicketEvent } from './events.ts';
import type { OpenedTicket, TicketState } from './state.ts';
import type { SupportLevel, TicketPriority } from './values.ts';

/** The value, checked by its codec (so fixtures need no casts). */
export const valid = <A>(codec: t.Type<A, unknown, unknown>, value: unknown): A => {
  if (!codec.is(value)) throw new Error(`fixture is not a valid ${codec.name}: ${String(value)}`);
  return value;
};

export const ticketId = valid(TicketId, 'ticket-1');
export const otherTicketId = valid(TicketId, 'ticket-2');
export const customerId = valid(CustomerId, 'customer-1');
export const dealId = valid(DealId, 'deal-1');
export const agent = valid(UserId, 'agent-1');
export const text = (s: string): NonEmptyString => valid(NonEmptyString, s);
export const replyId = (n: number): EntryId => valid(EntryId, `reply-${n}`);

/** The opening instant of the fixture ticket. */
export const openedAt = valid(Instant, '2025-03-03T09:00:00Z');

/** The instant `minutes` after the opening, in UTC. */
export const after = (minutes: number): Instant =>
  valid(Instant, new Date(Date.parse(openedAt) + minutes * 60_000).toISOString());

export const open = (
  priority: TicketPriority = 'normal',
  at: Instant = openedAt,
  extra: { readonly dealId?: DealId } = {},
): TicketCommand => ({
  type: 'OpenTicket',
  data: {
    ticketId,
    customerId,
    subject: text('Parcel arrived damaged'),
    description: text('The box was crushed and the lamp inside is broken.'),
    channel: 'email',
    category: 'after_sales',
    priority,
    ...extra,
    at,
  },
});

export const assign = (minutes: number, assignee = agent): TicketCommand => ({
  type: 'AssignTicket',
  data: { ticketId, assignee, at: after(minutes) },
});

export const agentReply = (
  n: number,
  minutes: number,
  visibility: 'public' | 'internal' = 'public',
): TicketCommand => ({
  type: 'ReplyToTicket',
  data: {
    ticketId,
    replyId: replyId(n),
    author: { kind: 'agent', userId: agent },
    visibility,
    body: text('We are on it.'),
    at: after(minutes),
  },
});

export const customerReply = (
  n: number,
  minutes: number,
  visibility: 'public' | 'internal' = 'public',
): TicketCommand => ({
  type: 'ReplyToTicket',
  data: {
    ticketId,
    replyId: replyId(n),
    author: { kind: 'customer' },
    visibility,
    body: text('Any news?'),
    at: after(minutes),
  },
});

export const escalate = (minutes: number, toLevel: SupportLevel): TicketCommand => ({
  type: 'EscalateTicket',
  data: {
    ticketId,
    reason: text('Needs a technician'),
    toLevel,
    toTeam: text('field'),
    at: after(minutes),
  },
});

export const changePriority = (minutes: number, priority: TicketPriority): TicketCommand => ({
  type: 'ChangeTicketPriority',
  data: { ticketId, priority, at: after(minutes) },
});

export const resolve = (minutes: number): TicketCommand => ({
  type: 'ResolveTicket',
  data: { ticketId, resolution: text('Replacement sent'), at: after(minutes) },
});

export const reopen = (minutes: number): TicketCommand => ({
  type: 'ReopenTicket',
  data: { ticketId, reason: text('Replacement broken too'), at: after(minutes) },
});

export const close = (minutes: number): TicketCommand => ({
  type: 'CloseTicket',
  data: { ticketId, at: after(minutes) },
});

export const rate = (minutes: number, score = 4): TicketCommand => ({
  type: 'RateTicket',
  data: { ticketId, score: valid(CsatValue, score), at: after(minutes) },
});

export const check = (minutes: number): TicketCommand => ({
  type: 'CheckTicketSla',
  data: { ticketId, at: after(minutes) },
});

/** The events of running `commands` in order; throws if the decider refuses one. */
export const historyOf = (
  ...commands: ReadonlyArray<TicketCommand>
): ReadonlyArray<TicketEvent> => {
  const events: TicketEvent[] = [];
  for (const command of commands) events.push(...accepted(events, command));
  return events;
};

/** What the decider answers to `command` after `events`. */
export const decideAfter = (
  events: ReadonlyArray<TicketEvent>,
  command: TicketCommand,
): E.Either<TicketError, ReadonlyArray<TicketEvent>> =>
  ticketDecider.decide(command, fold(ticketDecider, events));

/** The events `command` causes after `events`; throws if it is refused. */
export const accepted = (
  events: ReadonlyArray<TicketEvent>,
  command: TicketCommand,
): ReadonlyArray<TicketEvent> => {
  const result = decideAfter(events, command);
  if (E.isLeft(result)) throw new Error(`${command.type} refused: ${result.left.message}`);
  return result.right;
};

/** The error `command` is refused with after `events`; throws if it is accepted. */
export const refused = (
  events: ReadonlyArray<TicketEvent>,
  command: TicketCommand,
): TicketError => {
  const result = decideAfter(events, command);
  if (E.isRight(result)) throw new Error(`${command.type} was accepted`);
  return result.left;
};

/** The state of an opened ticket after `events`; throws if it is not opened. */
export const openedState = (events: ReadonlyArray<TicketEvent>): OpenedTicket => {
  const state: TicketState = fold(ticketDecider, events);
  if (state.status === 'unopened') throw new Error('the ticket is not opened');
  return state;
};
