import * as E from 'fp-ts/lib/Either.js';
import type { ChangeTicketPriority, OpenTicket } from './commands.ts';
import { ticketAlreadyOpened } from './error-constructors.ts';
import { dueInstantsOutOfRange, type TicketDecision, workRefusal } from './guards.ts';
import { slaDueInstants } from './sla.ts';
import type { OpenedTicket, TicketState } from './state.ts';

/** Opens a ticket, fixing its SLA due instants from the opening instant and the priority. */
export const openTicket = (data: OpenTicket['data'], state: TicketState): TicketDecision => {
  if (state.status !== 'unopened') return E.left(ticketAlreadyOpened(state.ticketId));
  const due = slaDueInstants(data.at, data.priority);
  if (due === undefined) return E.left(dueInstantsOutOfRange('data.at', data.at));
  return E.right([
    {
      type: 'TicketOpened',
      version: 1,
      data: {
        ticketId: data.ticketId,
        customerId: data.customerId,
        subject: data.subject,
        description: data.description,
        channel: data.channel,
        category: data.category,
        priority: data.priority,
        ...(data.dealId === undefined ? {} : { dealId: data.dealId }),
        firstResponseDueAt: due.firstResponseDueAt,
        resolutionDueAt: due.resolutionDueAt,
        at: data.at,
      },
    },
  ]);
};

/** Changes the priority of an open ticket; the same priority again changes nothing. */
export const changeTicketPriority = (
  data: ChangeTicketPriority['data'],
  ticket: OpenedTicket,
): TicketDecision => {
  const refusal = workRefusal(ticket);
  if (refusal !== undefined) return E.left(refusal);
  if (data.priority === ticket.priority) return E.right([]);
  // Targets count from the opening, not from the change: a raised priority can be overdue at once.
  const due = slaDueInstants(ticket.openedAt, data.priority);
  if (due === undefined) return E.left(dueInstantsOutOfRange('data.priority', ticket.openedAt));
  return E.right([
    {
      type: 'TicketPriorityChanged',
      version: 1,
      data: {
        ticketId: ticket.ticketId,
        previousPriority: ticket.priority,
        priority: data.priority,
        firstResponseDueAt: due.firstResponseDueAt,
        resolutionDueAt: due.resolutionDueAt,
        at: data.at,
      },
    },
  ]);
};
