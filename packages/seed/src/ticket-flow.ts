import {
  type Actor,
  type CsatValue,
  type SupportLevel,
  slaTargets,
  type TicketCategory,
  type TicketId,
  type TicketPriority,
} from '@crm/domain';
import { entry, text } from './brands.ts';
import { day, hour, minute } from './calendar.ts';
import { productOf } from './catalogue.ts';
import { favouriteProduct, isActive } from './customer-actions.ts';
import type { CustomerModel, DealModel, TicketModel } from './models.ts';
import {
  agentReplies,
  customerReplies,
  escalationReasons,
  escalationTeams,
  fill,
  internalNotes,
  reopenReasons,
  resolutions,
  ticketDescriptions,
  ticketSubjects,
} from './phrases.ts';
import type { Simulation } from './simulation.ts';
import { serviceAgents, slaMonitor } from './staff.ts';

const priorities: ReadonlyArray<TicketPriority> = ['low', 'normal', 'high', 'urgent'];

const dueTimes = (openedAt: number, priority: TicketPriority) => ({
  firstResponseDueAt: openedAt + slaTargets[priority].firstResponseMinutes * minute,
  resolutionDueAt: openedAt + slaTargets[priority].resolutionMinutes * minute,
});

const breachesDue = (ticket: TicketModel, now: number) => ({
  firstResponse:
    ticket.firstRespondedAt === null && !ticket.breaches.firstResponse && ticket.firstResponseDueAt < now,
  resolution: ticket.status === 'open' && !ticket.breaches.resolution && ticket.resolutionDueAt < now,
});

const grieve = (ticket: TicketModel): void => {
  ticket.customer.grievances += 1;
};

/** The commands one ticket goes through, each a function of the ticket as it then stands. */
const ticketSteps = (simulation: Simulation, ticket: TicketModel, agent: Actor) => {
  const at = () => simulation.at();
  const ticketId = ticket.id;
  const reply = (author: 'agent' | 'customer', visibility: 'public' | 'internal', body: string) => () => {
    if (ticket.status === 'closed') return;
    const firstResponse = author === 'agent' && visibility === 'public' && ticket.firstRespondedAt === null;
    const late = firstResponse && !ticket.breaches.firstResponse && ticket.firstResponseDueAt < simulation.now();
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
      simulation.ticket({ type: 'AssignTicket', data: { ticketId, assignee: agent.id, at: at() } }, agent);
      ticket.assignee = agent.id;
    },
    check: () => {
      if (ticket.status === 'closed') return;
      const due = breachesDue(ticket, simulation.now());
      const events = Number(due.firstResponse) + Number(due.resolution);
      if (events === 0) return;
      simulation.ticket({ type: 'CheckTicketSla', data: { ticketId, at: at() } }, slaMonitor, events);
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
      simulation.ticket({ type: 'ChangeTicketPriority', data: { ticketId, priority, at: at() } }, agent);
      ticket.priority = priority;
      Object.assign(ticket, dueTimes(ticket.openedAt, priority));
    },
    reopen: () => {
      if (ticket.status !== 'resolved') return;
      reply('customer', 'public', simulation.random.pick(reopenReasons))();
      simulation.ticket(
        { type: 'ReopenTicket', data: { ticketId, reason: text('The customer says the problem is back'), at: at() } },
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

/**
 * Opens a service case for the customer and plays it out: assignment, the first answer
 * (usually within its SLA, sometimes late, when the SLA monitor records the breach first),
 * replies, internal notes, now and then an escalation or a priority change, the resolution
 * (sometimes late), a reopening, the closing and the customer's rating.
 */
export const openTicket = (
  simulation: Simulation,
  customer: CustomerModel,
  category: TicketCategory,
  deal?: DealModel | { readonly id: DealModel['id'] },
): void => {
  if (!isActive(customer)) return;
  const { random } = simulation;
  const t0 = simulation.now();
  const priority = random.weighted<TicketPriority>([
    ['low', 25],
    ['normal', 50],
    ['high', 20],
    ['urgent', 5],
  ]);
  const agent = random.pick(serviceAgents);
  const line = deal !== undefined && 'lines' in deal ? deal.lines[0] : undefined;
  const product = line === undefined ? favouriteProduct(customer) : productOf(line.productId).name;
  const ticket: TicketModel = {
    id: simulation.newId('tkt') as TicketId,
    customer,
    openedAt: t0,
    priority,
    status: 'open',
    level: 1,
    assignee: null,
    ...dueTimes(t0, priority),
    firstRespondedAt: null,
    breaches: { firstResponse: false, resolution: false },
    rated: false,
  };
  simulation.ticket(
    {
      type: 'OpenTicket',
      data: {
        ticketId: ticket.id,
        customerId: customer.id,
        subject: text(fill(random.pick(ticketSubjects[category] ?? []), { p: product })),
        description: text(random.pick(ticketDescriptions)),
        channel: random.weighted([
          ['email', 40],
          ['phone', 25],
          ['chat', 15],
          ['web', 15],
          ['social', 3],
          ['visit', 2],
        ]),
        category,
        priority,
        ...(deal === undefined ? {} : { dealId: deal.id }),
        at: simulation.at(),
      },
    },
    agent,
  );
  customer.openTickets.push(ticket);
  const step = ticketSteps(simulation, ticket, agent);
  const { firstResponseMinutes, resolutionMinutes } = slaTargets[priority];
  const plan: Array<readonly [number, () => void]> = [];
  const assignedAt = t0 + random.between(2, 30) * minute;
  if (random.chance(0.9)) plan.push([assignedAt, step.assign]);
  if (random.chance(0.1)) {
    const other = random.pick(priorities.filter((p) => p !== priority));
    plan.push([t0 + random.between(10, 60) * minute, step.reprioritise(other)]);
  }
  const firstDelay = random.chance(0.78)
    ? random.between(0.05, 0.9) * firstResponseMinutes
    : random.between(1.1, 3) * firstResponseMinutes;
  const firstAt = Math.max(assignedAt + minute, t0 + firstDelay * minute);
  plan.push([ticket.firstResponseDueAt + 15 * minute, step.check]);
  plan.push([firstAt, step.reply('agent', 'public', random.pick(agentReplies))]);
  let last = firstAt;
  if (random.chance(0.2)) plan.push([firstAt + random.between(10, 240) * minute, step.reply('agent', 'internal', random.pick(internalNotes))]);
  if (random.chance(0.5)) {
    last = firstAt + random.between(1, 24) * hour;
    plan.push([last, step.reply('customer', 'public', random.pick(customerReplies))]);
  }
  if (random.chance(0.15)) {
    last = Math.max(last, firstAt + random.between(1, 8) * hour);
    plan.push([last, step.escalate(random.chance(0.8) ? 2 : 3)]);
  }
  const resolveDelay = random.chance(0.85)
    ? random.between(0.2, 0.95) * resolutionMinutes
    : random.between(1.05, 2.5) * resolutionMinutes;
  let resolvedAt = Math.max(t0 + resolveDelay * minute, last + 30 * minute);
  plan.push([ticket.resolutionDueAt + 15 * minute, step.check]);
  plan.push([resolvedAt, step.resolve]);
  if (random.chance(0.06)) {
    const reopenedAt = resolvedAt + random.between(1, 3) * day;
    resolvedAt = reopenedAt + random.between(2, 48) * hour;
    plan.push([reopenedAt, step.reopen], [resolvedAt, step.resolve]);
  }
  if (random.chance(0.5)) {
    const score = random.weighted<number>(
      ticket.customer.grievances > 0 || random.chance(0.15)
        ? [[5, 10], [4, 25], [3, 30], [2, 20], [1, 15]]
        : [[5, 50], [4, 33], [3, 10], [2, 4], [1, 3]],
    ) as CsatValue;
    plan.push([resolvedAt + random.between(1, 48) * hour, step.rate(score)]);
  }
  if (random.chance(0.75)) plan.push([resolvedAt + random.between(3, 7) * day, step.close]);
  plan.sort((a, b) => a[0] - b[0]);
  const run = (index: number): void => {
    const entryAt = plan[index];
    if (entryAt === undefined || !isActive(customer)) {
      const open = customer.openTickets.indexOf(ticket);
      if (open >= 0) customer.openTickets.splice(open, 1);
      return;
    }
    simulation.schedule(Math.ceil(entryAt[0] / 1000) * 1000, () => {
      if (!isActive(customer)) return;
      entryAt[1]();
      run(index + 1);
    });
  };
  run(0);
};

/** Resolves and closes the customer's unfinished tickets (before their data is erased). */
export const closeOpenTickets = (simulation: Simulation, customer: CustomerModel): void => {
  for (const ticket of customer.openTickets) {
    const agent = ticket.assignee === null ? (serviceAgents[0] as Actor) : { id: ticket.assignee, role: 'service_agent' as const };
    const step = ticketSteps(simulation, ticket, agent);
    step.resolve();
    step.close();
  }
  customer.openTickets.length = 0;
};
