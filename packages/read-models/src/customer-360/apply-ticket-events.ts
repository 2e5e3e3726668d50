import type { TicketEvent } from '@crm/domain';
import { utcOf } from '../projection-kit/index.ts';
import type { Entry } from './entry.ts';
import type { WorkingSet } from './working-set.ts';

const entry = (title: string, reference: string, summary: string | null = null): Entry => ({
  kind: 'ticket',
  title,
  summary,
  reference,
});

/**
 * Applies a ticket event to the ticket's row; a public reply also becomes the customer's last
 * communication when it is the latest contact. Returns the customer and timeline entry.
 */
export const applyTicketEvent = (
  working: WorkingSet,
  event: TicketEvent,
): { readonly customerId: string; readonly entry: Entry | undefined } | undefined => {
  if (event.type === 'TicketOpened') {
    const { data } = event;
    if (working.tickets.has(data.ticketId)) return undefined;
    working.touchTicket({
      ticket_id: data.ticketId,
      customer_id: data.customerId,
      deal_id: data.dealId ?? null,
      subject: working.isErased(data.customerId) ? null : data.subject,
      channel: data.channel,
      category: data.category,
      priority: data.priority,
      status: 'open',
      opened_at: utcOf(data.at),
      first_response_breached: false,
      resolution_breached: false,
      rating: null,
    });
    return {
      customerId: data.customerId,
      entry: entry(
        `Ticket opened (${data.category}, ${data.priority}, ${data.channel})`,
        data.ticketId,
        data.subject,
      ),
    };
  }
  const ticket = working.tickets.get(event.data.ticketId);
  if (ticket === undefined) return undefined;
  working.touchTicket(ticket);
  const result = (made: Entry | undefined) => ({ customerId: ticket.customer_id, entry: made });
  switch (event.type) {
    case 'TicketAssigned':
      return result(undefined);
    case 'TicketReplied': {
      const { data } = event;
      if (data.visibility === 'internal') return result(undefined);
      const customer = working.customer(ticket.customer_id);
      const held = customer?.last_comm_at ?? null;
      if (customer !== undefined && (held === null || Date.parse(data.at) >= Date.parse(held))) {
        Object.assign(customer, {
          last_comm_source: 'ticket_reply',
          last_comm_reference: ticket.ticket_id,
          last_comm_channel: ticket.channel,
          last_comm_direction: data.author.kind === 'agent' ? 'outbound' : 'inbound',
          last_comm_summary: customer.erased_at === null ? data.body : null,
          last_comm_by: data.author.kind === 'agent' ? data.author.userId : null,
          last_comm_at: utcOf(data.at),
        });
        working.touchCustomer(customer);
      }
      const who = data.author.kind === 'agent' ? `agent ${data.author.userId}` : 'customer';
      return result(entry(`Ticket reply by ${who}`, ticket.ticket_id, data.body));
    }
    case 'TicketFirstResponseSlaBreached':
      ticket.first_response_breached = true;
      return result(entry('Ticket first-response SLA breached', ticket.ticket_id));
    case 'TicketResolutionSlaBreached':
      ticket.resolution_breached = true;
      return result(entry('Ticket resolution SLA breached', ticket.ticket_id));
    case 'TicketEscalated':
      return result(
        entry(
          `Ticket escalated to level ${event.data.toLevel}`,
          ticket.ticket_id,
          event.data.reason,
        ),
      );
    case 'TicketPriorityChanged':
      ticket.priority = event.data.priority;
      return result(
        entry(
          `Ticket priority ${event.data.previousPriority} → ${event.data.priority}`,
          ticket.ticket_id,
        ),
      );
    case 'TicketResolved':
      ticket.status = 'resolved';
      return result(entry('Ticket resolved', ticket.ticket_id, event.data.resolution));
    case 'TicketReopened':
      ticket.status = 'open';
      return result(entry('Ticket reopened', ticket.ticket_id, event.data.reason));
    case 'TicketClosed':
      ticket.status = 'closed';
      return result(entry('Ticket closed', ticket.ticket_id));
    case 'TicketRated':
      ticket.rating = event.data.score;
      return result(entry(`Ticket rated ${event.data.score}/5`, ticket.ticket_id));
    default:
      event satisfies never;
      return undefined;
  }
};
