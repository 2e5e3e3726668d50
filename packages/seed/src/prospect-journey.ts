import type { ForwardStage } from '@crm/domain';
import { text } from './brands.ts';
import { day } from './calendar.ts';
import {
  favouriteProduct,
  isActive,
  maybeFollowUp,
  ownerOf,
  recordInteraction,
} from './customer-actions.ts';
import { openDeal } from './deal-flow.ts';
import { advanceTo, canAdvance, reached } from './lifecycle.ts';
import type { CustomerModel, ProspectReach } from './models.ts';
import { fill, nurtureTouches, qualificationNotes } from './phrases.ts';
import type { Random } from './random.ts';
import type { Simulation } from './simulation.ts';

type Step = 'touch' | 'marketing_qualified' | 'sales_qualified' | 'deal';

const meanDays: Readonly<Record<Step, number>> = {
  touch: 6,
  marketing_qualified: 12,
  sales_qualified: 14,
  deal: 9,
};

const stepsTo = (reach: ProspectReach, random: Random): ReadonlyArray<Step> => {
  const opening: Step[] = random.chance(0.6) ? ['touch'] : [];
  switch (reach) {
    case 'lead':
      return random.weighted<ReadonlyArray<Step>>([
        [['touch'], 4],
        [['touch', 'touch'], 4],
        [['touch', 'touch', 'touch'], 2],
      ]);
    case 'marketing_qualified':
      return [...opening, 'marketing_qualified', 'touch'];
    case 'sales_qualified':
      return [...opening, 'marketing_qualified', 'sales_qualified'];
    case 'deal':
      // An inbound request for a quote can skip qualification entirely: the deal promotes it.
      return random.chance(0.15)
        ? ['deal']
        : [...opening, 'marketing_qualified', 'sales_qualified', 'deal'];
  }
};

const qualify = (simulation: Simulation, customer: CustomerModel, stage: ForwardStage): void => {
  if (!canAdvance(customer, stage)) return;
  const { random } = simulation;
  simulation.customer(
    {
      type: 'AdvanceLifecycleStage',
      data: {
        customerId: customer.id,
        stage,
        reason: text(
          stage === 'marketing_qualified'
            ? 'Engaged with our content'
            : 'Budget and need confirmed',
        ),
        at: simulation.at(),
      },
    },
    ownerOf(customer),
  );
  advanceTo(customer, stage);
  if (stage === 'sales_qualified' || random.chance(0.5)) {
    const channel =
      stage === 'sales_qualified' ? random.pick(['meeting', 'call'] as const) : 'email';
    recordInteraction(
      simulation,
      customer,
      ownerOf(customer),
      channel,
      'outbound',
      random.pick(qualificationNotes),
    );
    maybeFollowUp(simulation, customer, ownerOf(customer), 0.3);
  }
};

const run = (simulation: Simulation, customer: CustomerModel, steps: ReadonlyArray<Step>): void => {
  const [step, ...rest] = steps;
  if (step === undefined) return;
  const delay = day * (0.5 + simulation.random.exponential(meanDays[step] / customer.activity));
  simulation.schedule(simulation.officeTime(simulation.now() + delay, customer), () => {
    // A deal or a campaign may have moved the customer on already; the rest is then moot.
    if (!isActive(customer) || customer.stage === 'churned' || customer.openDeals.length > 0)
      return;
    if (reached(customer, 'opportunity')) return;
    const { random } = simulation;
    switch (step) {
      case 'touch': {
        const note = fill(random.pick(nurtureTouches), { p: favouriteProduct(customer) });
        recordInteraction(
          simulation,
          customer,
          ownerOf(customer),
          random.pick(['email', 'call'] as const),
          'outbound',
          note,
        );
        maybeFollowUp(simulation, customer, ownerOf(customer), 0.25);
        break;
      }
      case 'marketing_qualified':
      case 'sales_qualified':
        qualify(simulation, customer, step);
        break;
      case 'deal':
        openDeal(simulation, customer, { repeat: false });
        return;
    }
    run(simulation, customer, rest);
  });
};

/**
 * Works a new prospect as far as the owner will get with it: a few touches, qualification to
 * `marketing_qualified` and `sales_qualified`, and a deal (which the policy turns into an
 * opportunity) — or, for most leads, silence after a touch or two.
 */
export const startProspect = (simulation: Simulation, customer: CustomerModel): void =>
  run(simulation, customer, stepsTo(customer.reach, simulation.random));
