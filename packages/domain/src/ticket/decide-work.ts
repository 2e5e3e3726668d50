import * as E from 'fp-ts/lib/Either.js';
import type { AssignTicket, EscalateTicket, ReplyToTicket } from './commands.ts';
import { breachIfDue } from './decide-sla.ts';
import {
  internalReplyFromCustomer,
  ticketAlreadyAtLevel,
  ticketAlreadyClosed,
} from './error-constructors.ts';
import type { TicketReplied } from './events.ts';
import { type TicketDecision, workRefusal } from './guards.ts';
import type { OpenedTicket } from './state.ts';

/** Assigns an open ticket; assigning it to its current assignee changes nothing. */
export const assignTicket = (data: AssignTicket['data'], ticket: OpenedTicket): TicketDecision => {
  const refusal = workRefusal(ticket);
  if (refusal !== undefined) return E.left(refusal);
  if (ticket.assignee === data.assignee) return E.right([]);
  return E.right([
    {
      type: 'TicketAssigned',
      version: 1,
      data: { ticketId: ticket.ticketId, assignee: data.assignee, at: data.at },
    },
  ]);
};

/**
 * Records a reply on an open or resolved ticket. A reply id seen before is the same reply sent
 * again and changes nothing. The first public agent reply stops the first-response clock, and
 * comes with the breach when it is late.
 */
export const replyToTicket = (
  data: ReplyToTicket['data'],
  ticket: OpenedTicket,
): TicketDecision => {
  if (ticket.status === 'closed') return E.left(ticketAlreadyClosed(ticket.ticketId));
  if (data.author.kind === 'customer' && data.visibility === 'internal')
    return E.left(internalReplyFromCustomer(ticket.ticketId, data.replyId));
  if (ticket.replyIds.includes(data.replyId)) return E.right([]);
  const replied: TicketReplied = {
    type: 'TicketReplied',
    version: 1,
    data: {
      ticketId: ticket.ticketId,
      replyId: data.replyId,
      author: data.author,
      visibility: data.visibility,
      body: data.body,
      at: data.at,
    },
  };
  const isFirstResponse =
    data.author.kind === 'agent' &&
    data.visibility === 'public' &&
    ticket.firstRespondedAt === null;
  return E.right(
    isFirstResponse ? [replied, ...breachIfDue(ticket, 'first_response', data.at)] : [replied],
  );
};

/** Escalates an open ticket to a higher support level. */
export const escalateTicket = (
  data: EscalateTicket['data'],
  ticket: OpenedTicket,
): TicketDecision => {
  const refusal = workRefusal(ticket);
  if (refusal !== undefined) return E.left(refusal);
  if (data.toLevel <= ticket.level)
    return E.left(ticketAlreadyAtLevel(ticket.ticketId, ticket.level, data.toLevel));
  return E.right([
    {
      type: 'TicketEscalated',
      version: 1,
      data: {
        ticketId: ticket.ticketId,
        reason: data.reason,
        toLevel: data.toLevel,
        toTeam: data.toTeam,
        at: data.at,
      },
    },
  ]);
};
