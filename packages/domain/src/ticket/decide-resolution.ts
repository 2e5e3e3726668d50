import * as E from 'fp-ts/lib/Either.js';
import type { CloseTicket, RateTicket, ReopenTicket, ResolveTicket } from './commands.ts';
import { breachIfDue } from './decide-sla.ts';
import {
  ticketAlreadyClosed,
  ticketAlreadyRated,
  ticketNotResolved,
} from './error-constructors.ts';
import { type TicketDecision, workRefusal } from './guards.ts';
import type { OpenedTicket } from './state.ts';

/** Resolves an open ticket, with the resolution breach when it comes after the due instant. */
export const resolveTicket = (
  data: ResolveTicket['data'],
  ticket: OpenedTicket,
): TicketDecision => {
  const refusal = workRefusal(ticket);
  if (refusal !== undefined) return E.left(refusal);
  return E.right([
    {
      type: 'TicketResolved',
      version: 1,
      data: { ticketId: ticket.ticketId, resolution: data.resolution, at: data.at },
    },
    ...breachIfDue(ticket, 'resolution', data.at),
  ]);
};

/** Reopens a resolved ticket; a closed one stays closed. */
export const reopenTicket = (data: ReopenTicket['data'], ticket: OpenedTicket): TicketDecision => {
  if (ticket.status === 'closed') return E.left(ticketAlreadyClosed(ticket.ticketId));
  if (ticket.status === 'open') return E.left(ticketNotResolved(ticket.ticketId));
  return E.right([
    {
      type: 'TicketReopened',
      version: 1,
      data: { ticketId: ticket.ticketId, reason: data.reason, at: data.at },
    },
  ]);
};

/** Closes a resolved ticket; closing a closed ticket again changes nothing. */
export const closeTicket = (data: CloseTicket['data'], ticket: OpenedTicket): TicketDecision => {
  if (ticket.status === 'closed') return E.right([]);
  if (ticket.status === 'open') return E.left(ticketNotResolved(ticket.ticketId));
  return E.right([
    { type: 'TicketClosed', version: 1, data: { ticketId: ticket.ticketId, at: data.at } },
  ]);
};

/** Records the rating of a resolved or closed ticket, once. */
export const rateTicket = (data: RateTicket['data'], ticket: OpenedTicket): TicketDecision => {
  if (ticket.rating !== null) return E.left(ticketAlreadyRated(ticket.ticketId, ticket.rating));
  if (ticket.status === 'open') return E.left(ticketNotResolved(ticket.ticketId));
  return E.right([
    {
      type: 'TicketRated',
      version: 1,
      data: { ticketId: ticket.ticketId, score: data.score, at: data.at },
    },
  ]);
};
