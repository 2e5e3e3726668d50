import {
  type AssignTicket,
  type ChangeTicketPriority,
  type CheckTicketSla,
  type CloseTicket,
  CsatValue,
  CustomerId,
  DealId,
  EntryId,
  type EscalateTicket,
  type Instant,
  type OpenTicket,
  type RateTicket,
  type ReopenTicket,
  type ReplyAuthor,
  type ReplyToTicket,
  type ResolveTicket,
  type TicketCommand,
  TicketId,
} from '@crm/domain';
import * as fc from 'fast-check';
import { idFrom, instantArbitrary, textArbitrary, userIdArbitrary } from '../kernel-arbitraries.ts';
import {
  supportLevelArbitrary,
  ticketCategoryArbitrary,
  ticketChannelArbitrary,
  ticketPriorityArbitrary,
} from './value-arbitraries.ts';

/** A command still waiting for its instant: histories give commands increasing instants. */
export type TimedTicketCommand<TCommand extends TicketCommand = TicketCommand> = (
  at: Instant,
) => TCommand;

/** Mostly `ticket-1`, sometimes `ticket-2`: most commands land, a few hit the wrong stream. */
export const ticketIdArbitrary: fc.Arbitrary<TicketId> = fc.oneof(
  { weight: 9, arbitrary: idFrom(TicketId, 'ticket-', 1) },
  { weight: 1, arbitrary: idFrom(TicketId, 'ticket-', 2) },
);

const timed = <TData, TType extends TicketCommand['type']>(
  type: TType,
  data: fc.Arbitrary<TData>,
): fc.Arbitrary<(at: Instant) => { type: TType; data: TData & { at: Instant } }> =>
  // Spread: fc.record builds null-prototype objects, which decoded JSON never equals strictly.
  data.map((d) => (at: Instant) => ({ type, data: { ...d, at } }));

const replyAuthorArbitrary: fc.Arbitrary<ReplyAuthor> = fc.oneof(
  { weight: 3, arbitrary: userIdArbitrary.map((userId) => ({ kind: 'agent' as const, userId })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'customer' as const }) },
);

/** `OpenTicket` waiting for its instant; `dealId` present in some, absent (not undefined) in others. */
export const timedOpenTicketArbitrary: fc.Arbitrary<TimedTicketCommand<OpenTicket>> = timed(
  'OpenTicket',
  fc.record(
    {
      ticketId: ticketIdArbitrary,
      customerId: idFrom(CustomerId, 'customer-', 3),
      subject: textArbitrary,
      description: textArbitrary,
      channel: ticketChannelArbitrary,
      category: ticketCategoryArbitrary,
      priority: ticketPriorityArbitrary,
      dealId: idFrom(DealId, 'deal-', 2),
    },
    {
      requiredKeys: [
        'ticketId',
        'customerId',
        'subject',
        'description',
        'channel',
        'category',
        'priority',
      ],
    },
  ),
);

const timedAssign: fc.Arbitrary<TimedTicketCommand<AssignTicket>> = timed(
  'AssignTicket',
  fc.record({ ticketId: ticketIdArbitrary, assignee: userIdArbitrary }),
);

const timedReply: fc.Arbitrary<TimedTicketCommand<ReplyToTicket>> = timed(
  'ReplyToTicket',
  fc.record({
    ticketId: ticketIdArbitrary,
    replyId: idFrom(EntryId, 'reply-', 8),
    author: replyAuthorArbitrary,
    visibility: fc.constantFrom('public', 'public', 'internal'),
    body: textArbitrary,
  }),
);

const timedEscalate: fc.Arbitrary<TimedTicketCommand<EscalateTicket>> = timed(
  'EscalateTicket',
  fc.record({
    ticketId: ticketIdArbitrary,
    reason: textArbitrary,
    toLevel: supportLevelArbitrary,
    toTeam: textArbitrary,
  }),
);

const timedChangePriority: fc.Arbitrary<TimedTicketCommand<ChangeTicketPriority>> = timed(
  'ChangeTicketPriority',
  fc.record({ ticketId: ticketIdArbitrary, priority: ticketPriorityArbitrary }),
);

const timedResolve: fc.Arbitrary<TimedTicketCommand<ResolveTicket>> = timed(
  'ResolveTicket',
  fc.record({ ticketId: ticketIdArbitrary, resolution: textArbitrary }),
);

const timedReopen: fc.Arbitrary<TimedTicketCommand<ReopenTicket>> = timed(
  'ReopenTicket',
  fc.record({ ticketId: ticketIdArbitrary, reason: textArbitrary }),
);

const timedClose: fc.Arbitrary<TimedTicketCommand<CloseTicket>> = timed(
  'CloseTicket',
  fc.record({ ticketId: ticketIdArbitrary }),
);

const timedRate: fc.Arbitrary<TimedTicketCommand<RateTicket>> = timed(
  'RateTicket',
  fc.record({
    ticketId: ticketIdArbitrary,
    score: fc.integer({ min: 1, max: 5 }).filter((n): n is CsatValue => CsatValue.is(n)),
  }),
);

const timedCheckSla: fc.Arbitrary<TimedTicketCommand<CheckTicketSla>> = timed(
  'CheckTicketSla',
  fc.record({ ticketId: ticketIdArbitrary }),
);

/**
 * Any ticket command but the opening, waiting for its instant; weighted so that generated
 * histories reply, resolve, reopen, rate and check the SLA often.
 */
export const timedTicketWorkArbitrary: fc.Arbitrary<TimedTicketCommand> = fc.oneof(
  { weight: 2, arbitrary: timedAssign },
  { weight: 5, arbitrary: timedReply },
  { weight: 1, arbitrary: timedEscalate },
  { weight: 2, arbitrary: timedChangePriority },
  { weight: 3, arbitrary: timedResolve },
  { weight: 2, arbitrary: timedReopen },
  { weight: 1, arbitrary: timedClose },
  { weight: 2, arbitrary: timedRate },
  { weight: 3, arbitrary: timedCheckSla },
);

const at = <TCommand extends TicketCommand>(
  timedCommand: fc.Arbitrary<TimedTicketCommand<TCommand>>,
): fc.Arbitrary<TCommand> =>
  fc.tuple(timedCommand, instantArbitrary).map(([command, instant]) => command(instant));

/** `OpenTicket` commands at any instant from 2024 to 2027. */
export const openTicketArbitrary = at(timedOpenTicketArbitrary);
/** `AssignTicket` commands at any instant from 2024 to 2027. */
export const assignTicketArbitrary = at(timedAssign);
/** `ReplyToTicket` commands at any instant from 2024 to 2027. */
export const replyToTicketArbitrary = at(timedReply);
/** `EscalateTicket` commands at any instant from 2024 to 2027. */
export const escalateTicketArbitrary = at(timedEscalate);
/** `ChangeTicketPriority` commands at any instant from 2024 to 2027. */
export const changeTicketPriorityArbitrary = at(timedChangePriority);
/** `ResolveTicket` commands at any instant from 2024 to 2027. */
export const resolveTicketArbitrary = at(timedResolve);
/** `ReopenTicket` commands at any instant from 2024 to 2027. */
export const reopenTicketArbitrary = at(timedReopen);
/** `CloseTicket` commands at any instant from 2024 to 2027. */
export const closeTicketArbitrary = at(timedClose);
/** `RateTicket` commands at any instant from 2024 to 2027. */
export const rateTicketArbitrary = at(timedRate);
/** `CheckTicketSla` commands at any instant from 2024 to 2027. */
export const checkTicketSlaArbitrary = at(timedCheckSla);

/** Any ticket command, valid for a given state or not, at any instant from 2024 to 2027. */
export const ticketCommandArbitrary: fc.Arbitrary<TicketCommand> = fc.oneof(
  openTicketArbitrary,
  assignTicketArbitrary,
  replyToTicketArbitrary,
  escalateTicketArbitrary,
  changeTicketPriorityArbitrary,
  resolveTicketArbitrary,
  reopenTicketArbitrary,
  closeTicketArbitrary,
  rateTicketArbitrary,
  checkTicketSlaArbitrary,
);
