import {
  type Actor,
  type CsatValue,
  slaTargets,
  type TicketCategory,
  type TicketId,
  type TicketPriority,
} from '@crm/domain';
import { text } from './brands.ts';
import { day, hour, minute } from './calendar.ts';
import { productOf } from './catalogue.ts';
import { favouriteProduct, isActive } from './customer-actions.ts';
import type { CustomerModel, DealModel, TicketModel } from './models.ts';
import {
  agentReplies,
  customerReplies,
  fill,
  internalNotes,
  ticketDescriptions,
  ticketSubjects,
} from './phrases.ts';
import type { Simulation } from './simulation.ts';
import { serviceAgents } from './staff.ts';
import { dueTimes, ticketSteps } from './ticket-steps.ts';

const priorities: ReadonlyArray<TicketPriority> = ['low', 'normal', 'high', 'urgent'];

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
  if (random.chance(0.2))
    plan.push([
      firstAt + random.between(10, 240) * minute,
      step.reply('agent', 'internal', random.pick(internalNotes)),
    ]);
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
        ? [
            [5, 10],
            [4, 25],
            [3, 30],
            [2, 20],
            [1, 15],
          ]
        : [
            [5, 50],
            [4, 33],
            [3, 10],
            [2, 4],
            [1, 3],
          ],
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
    const agent =
      ticket.assignee === null
        ? (serviceAgents[0] as Actor)
        : { id: ticket.assignee, role: 'service_agent' as const };
    const step = ticketSteps(simulation, ticket, agent);
    step.resolve();
    step.close();
  }
  customer.openTickets.length = 0;
};
