import {
  type Actor,
  type CsatValue,
  type SupportLevel,
  slaTargets,
  type TicketPriority,
} from '@crm/domain';
import { entry, text } from './brands.ts';
import { minute } from './calendar.ts';
import type { TicketModel } from './models.ts';
import { escalationReasons, escalationTeams, reopenReasons, resolutions } from './phrases.ts';
import type { Simulation } from './simulation.ts';
import { slaMonitor } from './staff.ts';

/** The SLA due instants of a ticket opened at `openedAt` with `priority`, as the decider computes them. */
export const dueTimes = (openedAt: number, priority: TicketPriority) => ({
  firstResponseDueAt: openedAt + slaTargets[priority].firstResponseMinutes * minute,
  resolutionDueAt: openedAt + slaTargets[priority].resolutionMinutes * minute,
});

const breachesDue = (ticket: TicketModel, now: number) => ({
  firstResponse:
    ticket.firstRespondedAt === null &&
    !ticket.breaches.firstResponse &&
    ticket.firstResponseDueAt < now,
  resolution:
    ticket.status === 'open' && !ticket.breaches.resolution && ticket.resolutionDueAt < now,
});

const grieve = (ticket: TicketModel): void => {
  ticket.customer.grievances += 1;
};

/** The commands one ticket goes through, each a function of the ticket as it then stands. */
export const ticketSteps = (simulation: Simulation, ticket: TicketModel, agent: Actor) => {
  const at = () => simulation.at();
  const ticketId = ticket.id;
  const reply =
    (author: 'agent' | 'customer', visibility: 'public' | 'internal', body: string) => () => {
      if (ticket.status === 'closed') return;
      const firstResponse =
        author === 'agent' && visibility === 'public' && ticket.firstRespondedAt === null;
      const late =
        firstResponse &&
        !ticket.breaches.firstResponse &&
        ticket.firstResponseDueAt < simulation.now();
      simulation.ticket(
        {
          type: 'ReplyToTicket',
          data: {
            ticketId,
            replyId: entry(simulation.newId('msg')),
            author: author === 'agent' ? { kind: 'agent', userId: agent.id } : { kind: 'customer' },
            visibility,
            body: text(body),
            at: at(),
          },
        },
        agent,
        late ? 2 : 1,
      );
      if (firstResponse) ticket.firstRespondedAt = simulation.now();
      if (late) {
        ticket.breaches.firstResponse = true;
        grieve(ticket);
      }
    };
  const resolve = () => {
    if (ticket.status !== 'open') return;
    const late = breachesDue(ticket, simulation.now()).resolution;
    simulation.ticket(
      {
        type: 'ResolveTicket',
        data: { ticketId, resolution: text(simulation.random.pick(resolutions)), at: at() },
      },
      agent,
      late ? 2 : 1,
    );
    ticket.status = 'resolved';
    if (late) {
      ticket.breaches.resolution = true;
      grieve(ticket);
    }
  };
  return {
    reply,
    resolve,
    assign: () => {
      if (ticket.status !== 'open' || ticket.assignee === agent.id) return;
      simulation.ticket(
        { type: 'AssignTicket', data: { ticketId, assignee: agent.id, at: at() } },
        agent,
      );
      ticket.assignee = agent.id;
    },
    check: () => {
      if (ticket.status === 'closed') return;
      const due = breachesDue(ticket, simulation.now());
      const events = Number(due.firstResponse) + Number(due.resolution);
      if (events === 0) return;
      simulation.ticket(
        { type: 'CheckTicketSla', data: { ticketId, at: at() } },
        slaMonitor,
        events,
      );
      if (due.firstResponse) ticket.breaches.firstResponse = true;
      if (due.resolution) ticket.breaches.resolution = true;
      grieve(ticket);
    },
    escalate: (level: SupportLevel) => () => {
      if (ticket.status !== 'open' || level <= ticket.level) return;
      const { random } = simulation;
      simulation.ticket(
        {
          type: 'EscalateTicket',
          data: {
            ticketId,
            reason: text(random.pick(escalationReasons)),
            toLevel: level,
            toTeam: text(random.pick(escalationTeams)),
            at: at(),
          },
        },
        agent,
      );
      ticket.level = level;
    },
    reprioritise: (priority: TicketPriority) => () => {
      if (ticket.status !== 'open' || priority === ticket.priority) return;
      simulation.ticket(
        { type: 'ChangeTicketPriority', data: { ticketId, priority, at: at() } },
        agent,
      );
      ticket.priority = priority;
      Object.assign(ticket, dueTimes(ticket.openedAt, priority));
    },
    reopen: () => {
      if (ticket.status !== 'resolved') return;
      reply('customer', 'public', simulation.random.pick(reopenReasons))();
      simulation.ticket(
        {
          type: 'ReopenTicket',
          data: { ticketId, reason: text('The customer says the problem is back'), at: at() },
        },
        agent,
      );
      ticket.status = 'open';
    },
    close: () => {
      if (ticket.status !== 'resolved') return;
      simulation.ticket({ type: 'CloseTicket', data: { ticketId, at: at() } }, agent);
      ticket.status = 'closed';
    },
    rate: (score: CsatValue) => () => {
      if (ticket.status === 'open' || ticket.rated) return;
      simulation.ticket({ type: 'RateTicket', data: { ticketId, score, at: at() } }, agent);
      ticket.rated = true;
      if (score <= 2) grieve(ticket);
    },
  };
};
