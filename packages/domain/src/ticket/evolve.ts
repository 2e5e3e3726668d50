import type { TicketEvent } from './events.ts';
import type { OpenedTicket, TicketState } from './state.ts';

const opened = (event: Extract<TicketEvent, { type: 'TicketOpened' }>): OpenedTicket => ({
  status: 'open',
  ticketId: event.data.ticketId,
  customerId: event.data.customerId,
  dealId: event.data.dealId ?? null,
  subject: event.data.subject,
  channel: event.data.channel,
  category: event.data.category,
  priority: event.data.priority,
  assignee: null,
  level: 1,
  team: null,
  openedAt: event.data.at,
  firstResponseDueAt: event.data.firstResponseDueAt,
  resolutionDueAt: event.data.resolutionDueAt,
  firstRespondedAt: null,
  resolvedAt: null,
  resolutionCount: 0,
  reopenCount: 0,
  closedAt: null,
  slaBreaches: [],
  rating: null,
  replyIds: [],
});

// Applies an event to the opened ticket it belongs to; status moves only from the status the
// decider allows them from, so a stray event cannot put the ticket in an impossible state.
const evolveOpened = (ticket: OpenedTicket, event: TicketEvent): OpenedTicket => {
  switch (event.type) {
    case 'TicketOpened':
      return ticket;
    case 'TicketAssigned':
      return { ...ticket, assignee: event.data.assignee };
    case 'TicketReplied': {
      if (ticket.replyIds.includes(event.data.replyId)) return ticket;
      const isFirstResponse =
        event.data.author.kind === 'agent' &&
        event.data.visibility === 'public' &&
        ticket.firstRespondedAt === null;
      return {
        ...ticket,
        replyIds: [...ticket.replyIds, event.data.replyId],
        firstRespondedAt: isFirstResponse ? event.data.at : ticket.firstRespondedAt,
      };
    }
    case 'TicketFirstResponseSlaBreached':
    case 'TicketResolutionSlaBreached': {
      const kind =
        event.type === 'TicketFirstResponseSlaBreached' ? 'first_response' : 'resolution';
      // Recorded as it happened: a duplicate shows up in the invariants rather than vanishing.
      const breach = { kind, dueAt: event.data.dueAt, at: event.data.at } as const;
      return { ...ticket, slaBreaches: [...ticket.slaBreaches, breach] };
    }
    case 'TicketEscalated':
      return { ...ticket, level: event.data.toLevel, team: event.data.toTeam };
    case 'TicketPriorityChanged':
      return {
        ...ticket,
        priority: event.data.priority,
        firstResponseDueAt: event.data.firstResponseDueAt,
        resolutionDueAt: event.data.resolutionDueAt,
      };
    case 'TicketResolved':
      return ticket.status !== 'open'
        ? ticket
        : {
            ...ticket,
            status: 'resolved',
            resolvedAt: event.data.at,
            resolutionCount: ticket.resolutionCount + 1,
          };
    case 'TicketReopened':
      return ticket.status !== 'resolved'
        ? ticket
        : { ...ticket, status: 'open', resolvedAt: null, reopenCount: ticket.reopenCount + 1 };
    case 'TicketClosed':
      return ticket.status !== 'resolved'
        ? ticket
        : { ...ticket, status: 'closed', closedAt: event.data.at };
    case 'TicketRated':
      return ticket.status === 'open' || ticket.rating !== null
        ? ticket
        : { ...ticket, rating: event.data.score };
    default: {
      // Exhaustive: a new event type fails to compile here; at run time an unknown one is ignored.
      const _unknown: never = event;
      return ticket;
    }
  }
};

/**
 * Folds one event into the ticket's state. Total: an event that does not apply (another
 * ticket's, or one arriving before the opening) leaves the state as it was.
 */
export const evolveTicket = (state: TicketState, event: TicketEvent): TicketState => {
  if (state.status === 'unopened') return event.type === 'TicketOpened' ? opened(event) : state;
  return event.data.ticketId === state.ticketId ? evolveOpened(state, event) : state;
};
