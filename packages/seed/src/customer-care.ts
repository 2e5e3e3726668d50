import type { InteractionChannel, LoyaltyPoints, NpsValue, TicketCategory } from '@crm/domain';
import { entry, text } from './brands.ts';
import { day, minute } from './calendar.ts';
import { changeContact } from './contact-changes.ts';
import {
  addTag,
  favouriteProduct,
  isActive,
  maybeFollowUp,
  ownerOf,
  recordInteraction,
} from './customer-actions.ts';
import { openDeal } from './deal-flow.ts';
import { advanceTo, canAdvance } from './lifecycle.ts';
import type { CustomerModel } from './models.ts';
import {
  advocateReasons,
  checkInNotes,
  churnReasons,
  fill,
  inboundFirstContact,
  reactivationReasons,
} from './phrases.ts';
import type { Simulation } from './simulation.ts';
import { marketers, serviceAgents } from './staff.ts';
import { openTicket } from './ticket-flow.ts';

const channels: ReadonlyArray<InteractionChannel> = ['call', 'email', 'meeting', 'chat', 'visit'];

/** Runs `run` a little later the same day, if the customer can still be worked with then. */
const soon = (simulation: Simulation, customer: CustomerModel, run: () => void): void =>
  simulation.schedule(
    simulation.now() + Math.round(simulation.random.between(5, 120)) * minute,
    () => {
      if (isActive(customer)) run();
    },
  );

const npsFor = (simulation: Simulation, customer: CustomerModel): NpsValue => {
  const { random } = simulation;
  const promoter = customer.grievances > 1 ? 0.2 : 0.45;
  const detractor = customer.grievances > 1 ? 0.45 : 0.22;
  const roll = random.next();
  if (roll < promoter) return random.int(9, 10) as NpsValue;
  if (roll < promoter + detractor) return random.int(0, 6) as NpsValue;
  return random.int(7, 8) as NpsValue;
};

const survey = (simulation: Simulation, customer: CustomerModel): void => {
  const nps = npsFor(simulation, customer);
  customer.lastNpsAt = simulation.now();
  simulation.customer(
    {
      type: 'RecordSatisfactionScore',
      data: {
        customerId: customer.id,
        surveyId: entry(simulation.newId('srv')),
        score: { kind: 'nps', value: nps },
        at: simulation.at(),
      },
    },
    simulation.random.pick(serviceAgents),
  );
  if (nps >= 9 && canAdvance(customer, 'advocate') && simulation.random.chance(0.35)) {
    simulation.customer(
      {
        type: 'AdvanceLifecycleStage',
        data: {
          customerId: customer.id,
          stage: 'advocate',
          reason: text(simulation.random.pick(advocateReasons)),
          at: simulation.at(),
        },
      },
      ownerOf(customer),
    );
    advanceTo(customer, 'advocate');
  }
};

const reactivate = (simulation: Simulation, customer: CustomerModel): void => {
  if (
    customer.stage !== 'churned' ||
    !simulation.random.chance(Math.min(0.9, 0.3 * customer.activity))
  )
    return;
  simulation.customer(
    {
      type: 'ReactivateCustomer',
      data: {
        customerId: customer.id,
        reason: text(simulation.random.pick(reactivationReasons)),
        at: simulation.at(),
      },
    },
    ownerOf(customer),
  );
  customer.stage = 'reactivated';
  if (simulation.random.chance(0.6)) {
    const when = simulation.officeTime(
      simulation.now() + simulation.random.between(3, 20) * day,
      customer,
    );
    simulation.schedule(when, () => openDeal(simulation, customer, { repeat: true }));
  }
};

const churn = (simulation: Simulation, customer: CustomerModel): void => {
  const { random } = simulation;
  simulation.customer(
    {
      type: 'ChurnCustomer',
      data: {
        customerId: customer.id,
        reason: text(random.pick(churnReasons)),
        at: simulation.at(),
      },
    },
    ownerOf(customer),
  );
  customer.stage = 'churned';
  const when = simulation.officeTime(
    simulation.now() + (30 + random.exponential(150)) * day,
    customer,
  );
  simulation.schedule(when, () => {
    if (isActive(customer)) reactivate(simulation, customer);
  });
};

const churnRisk = (simulation: Simulation, customer: CustomerModel): number => {
  // The well-known customer stays a customer: the demo shows a living account.
  if (customer.role === 'well-known') return 0;
  const idleDays = (simulation.now() - (customer.lastPurchaseAt ?? customer.registeredAt)) / day;
  return (
    ((idleDays > 240 ? 0.3 : 0.03) + 0.08 * Math.min(customer.grievances, 4)) / customer.activity
  );
};

const visit = (simulation: Simulation, customer: CustomerModel): void => {
  const { random } = simulation;
  if (customer.stage !== 'churned') {
    const owner = ownerOf(customer);
    if (random.chance(0.35))
      soon(simulation, customer, () => {
        const note = fill(random.pick(checkInNotes), { p: favouriteProduct(customer) });
        recordInteraction(simulation, customer, owner, random.pick(channels), 'outbound', note);
        maybeFollowUp(simulation, customer, ownerOf(customer), 0.3);
      });
    if (random.chance(0.15))
      soon(simulation, customer, () => {
        const note = fill(random.pick(inboundFirstContact), { p: favouriteProduct(customer) });
        recordInteraction(
          simulation,
          customer,
          ownerOf(customer),
          random.pick(['call', 'email', 'chat'] as const),
          'inbound',
          note,
        );
      });
    if (random.chance(Math.min(0.3, 0.2 * customer.activity))) {
      const category = random.weighted<TicketCategory>([
        ['question', 40],
        ['incident', 30],
        ['complaint', 20],
        ['after_sales', 10],
      ]);
      const dealId = customer.wonDeals.at(-1);
      soon(simulation, customer, () =>
        openTicket(
          simulation,
          customer,
          category,
          category === 'after_sales' && dealId !== undefined ? { id: dealId } : undefined,
        ),
      );
    }
    const surveyDue =
      customer.lastNpsAt === null || simulation.now() - customer.lastNpsAt > 180 * day;
    if (surveyDue && random.chance(0.35))
      soon(simulation, customer, () => survey(simulation, customer));
    if (customer.openDeals.length === 0) {
      if (random.chance(churnRisk(simulation, customer)))
        soon(simulation, customer, () => {
          if (customer.stage !== 'churned' && customer.openDeals.length === 0)
            churn(simulation, customer);
        });
      else if (
        random.chance((customer.identity.kind === 'company' ? 0.4 : 0.25) * customer.activity)
      )
        soon(simulation, customer, () => openDeal(simulation, customer, { repeat: true }));
    }
    if (customer.loyalty >= 500 && random.chance(0.12 * customer.activity))
      soon(simulation, customer, () => {
        if (customer.loyalty < 100) return;
        const points = Math.min(
          customer.loyalty,
          50 * random.int(2, Math.floor(customer.loyalty / 50)),
        );
        customer.loyalty -= points;
        simulation.customer(
          {
            type: 'RedeemLoyaltyPoints',
            data: {
              customerId: customer.id,
              points: points as LoyaltyPoints,
              reason: text('Redeemed for a discount voucher'),
              at: simulation.at(),
            },
          },
          ownerOf(customer),
        );
      });
    if (customer.wonRevenueEur >= 25_000 && !customer.tags.includes('vip'))
      soon(simulation, customer, () => addTag(simulation, customer, random.pick(marketers), 'vip'));
    if (random.chance(0.05)) soon(simulation, customer, () => changeContact(simulation, customer));
  }
  scheduleVisit(simulation, customer);
};

const scheduleVisit = (simulation: Simulation, customer: CustomerModel): void => {
  const delay = (20 + simulation.random.exponential(55 / customer.activity)) * day;
  simulation.schedule(simulation.officeTime(simulation.now() + delay, customer), () => {
    if (isActive(customer)) visit(simulation, customer);
  });
};

/**
 * Starts looking after a customer who has bought: every few months a check-in, now and then an
 * inbound call, a support ticket, an NPS survey (a promoter may become an advocate), a repeat
 * purchase, a loyalty redemption, a VIP tag for big spenders, a change of contact details —
 * or, for an idle or unhappy customer, churn, with a chance of winning them back later.
 */
export const startCare = (simulation: Simulation, customer: CustomerModel): void => {
  if (customer.caring) return;
  customer.caring = true;
  scheduleVisit(simulation, customer);
};
