import { entry, text } from './brands.ts';
import { officeTimeFrom } from './calendar.ts';
import { isActive, ownerOf } from './customer-actions.ts';
import { loseOpenDeals } from './deal-closing.ts';
import type { Simulation } from './simulation.ts';
import { privacyOfficer } from './staff.ts';
import { closeOpenTickets } from './ticket-flow.ts';

const erase = (simulation: Simulation): void => {
  const customer = simulation.customers.find((candidate) => candidate.role === 'erased');
  if (customer === undefined || !isActive(customer)) return;
  const at = simulation.at();
  const owner = ownerOf(customer);
  loseOpenDeals(simulation, customer, 'Customer withdrew and asked for their data to be erased');
  closeOpenTickets(simulation, customer);
  for (const followUpId of customer.openFollowUps)
    simulation.customer(
      {
        type: 'CancelFollowUp',
        data: {
          customerId: customer.id,
          followUpId: entry(followUpId),
          reason: text('Customer asked for their data to be erased'),
          at,
        },
      },
      owner,
    );
  customer.openFollowUps.length = 0;
  if (customer.stage !== 'churned') {
    simulation.customer(
      {
        type: 'ChurnCustomer',
        data: { customerId: customer.id, reason: text('Asked to be forgotten'), at },
      },
      owner,
    );
    customer.stage = 'churned';
  }
  simulation.customer(
    {
      type: 'ErasePersonalData',
      data: {
        customerId: customer.id,
        reason: text('Erasure request under GDPR Article 17, verified by the privacy officer'),
        at,
      },
    },
    privacyOfficer,
  );
  customer.status = 'erased';
};

/**
 * Three quarters of the way through, the customer chosen for erasure asks to be forgotten:
 * their open deals are lost, tickets closed, follow-ups cancelled, they churn, and the privacy
 * officer erases their personal data. Nothing touches them afterwards; their orders stay.
 */
export const scheduleErasure = (simulation: Simulation): void => {
  const { options, random } = simulation;
  const at = options.startMs + (options.endMs - options.startMs) * 0.75;
  simulation.schedule(officeTimeFrom(at, 0, random), () => erase(simulation));
};
