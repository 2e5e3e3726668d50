import type { Actor, InteractionChannel, InteractionDirection, UserId } from '@crm/domain';
import { entry, tag, text } from './brands.ts';
import { day, hour, instantOf } from './calendar.ts';
import { baskets, productOf } from './catalogue.ts';
import type { CustomerModel } from './models.ts';
import { fill, followUpCancellations, followUpNotes } from './phrases.ts';
import type { Simulation } from './simulation.ts';
import { serviceAgents } from './staff.ts';

/** Whether the customer can still be worked with: not merged away, not erased. */
export const isActive = (customer: CustomerModel): boolean => customer.status === 'active';

/** The rep who owns the customer now, as the actor of their commands. */
export const ownerOf = (customer: CustomerModel): Actor => ({
  id: customer.ownerId,
  role: 'sales_rep',
});

/** The product the customer is most likely to talk about. */
export const favouriteProduct = (customer: CustomerModel): string =>
  productOf(baskets[customer.interest].lead[0] as string).name;

const isAgent = (userId: UserId): boolean => serviceAgents.some((agent) => agent.id === userId);

/** Records a contact with the customer. */
export const recordInteraction = (
  simulation: Simulation,
  customer: CustomerModel,
  actor: Actor,
  channel: InteractionChannel,
  direction: InteractionDirection,
  summary: string,
): void => {
  simulation.customer(
    {
      type: 'RecordInteraction',
      data: {
        customerId: customer.id,
        interactionId: entry(simulation.newId('int')),
        channel,
        direction,
        summary: text(summary),
        by: actor.id,
        at: simulation.at(),
      },
    },
    actor,
  );
};

const closeFollowUp = (
  simulation: Simulation,
  customer: CustomerModel,
  followUpId: string,
  assignee: UserId,
): void => {
  const open = customer.openFollowUps.indexOf(entry(followUpId));
  if (!isActive(customer) || open < 0) return;
  const roll = simulation.random.next();
  if (roll > 0.88) return; // Left open: an overdue follow-up, as in any real CRM.
  customer.openFollowUps.splice(open, 1);
  const doer: Actor = isAgent(assignee)
    ? { id: assignee, role: 'service_agent' }
    : ownerOf(customer);
  const at = simulation.at();
  if (roll < 0.8) {
    simulation.customer(
      {
        type: 'CompleteFollowUp',
        data: { customerId: customer.id, followUpId: entry(followUpId), at },
      },
      doer,
    );
    if (simulation.random.chance(0.6))
      recordInteraction(simulation, customer, doer, 'call', 'outbound', 'Follow-up call as agreed');
  } else {
    simulation.customer(
      {
        type: 'CancelFollowUp',
        data: {
          customerId: customer.id,
          followUpId: entry(followUpId),
          reason: text(simulation.random.pick(followUpCancellations)),
          at,
        },
      },
      ownerOf(customer),
    );
  }
};

/** With probability `p`, schedules a follow-up for `actor` a few days out, and its outcome. */
export const maybeFollowUp = (
  simulation: Simulation,
  customer: CustomerModel,
  actor: Actor,
  p: number,
): void => {
  const { random } = simulation;
  if (!random.chance(p)) return;
  const followUpId = simulation.newId('fu');
  const dueAt = simulation.officeTime(
    simulation.now() + random.between(2 * day, 14 * day),
    customer,
  );
  const note = fill(random.pick(followUpNotes), { p: favouriteProduct(customer) });
  simulation.customer(
    {
      type: 'ScheduleFollowUp',
      data: {
        customerId: customer.id,
        followUpId: entry(followUpId),
        dueAt: instantOf(dueAt),
        assigneeId: actor.id,
        ...(random.chance(0.7) ? { note: text(note) } : {}),
        at: simulation.at(),
      },
    },
    actor,
  );
  customer.openFollowUps.push(entry(followUpId));
  simulation.schedule(dueAt + random.between(0, 4 * hour), () =>
    closeFollowUp(simulation, customer, followUpId, actor.id),
  );
};

/** Tags the customer unless it already carries the tag. */
export const addTag = (
  simulation: Simulation,
  customer: CustomerModel,
  actor: Actor,
  value: string,
): void => {
  if (customer.tags.includes(value) || customer.tags.length >= 50) return;
  customer.tags.push(value);
  simulation.customer(
    {
      type: 'AddCustomerTag',
      data: { customerId: customer.id, tag: tag(value), at: simulation.at() },
    },
    actor,
  );
};

/** Removes a tag the customer carries. */
export const removeTag = (
  simulation: Simulation,
  customer: CustomerModel,
  actor: Actor,
  value: string,
): void => {
  const index = customer.tags.indexOf(value);
  if (index < 0) return;
  customer.tags.splice(index, 1);
  simulation.customer(
    {
      type: 'RemoveCustomerTag',
      data: { customerId: customer.id, tag: tag(value), at: simulation.at() },
    },
    actor,
  );
};
