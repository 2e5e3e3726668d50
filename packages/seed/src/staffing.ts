import type { UserId } from '@crm/domain';
import { addMonths, officeTimeFrom } from './calendar.ts';
import { isActive } from './customer-actions.ts';
import type { Locale } from './locales/locale.ts';
import type { Simulation } from './simulation.ts';
import {
  joiningRep,
  leavingRep,
  type StaffMember,
  salesManager,
  salesReps,
  territoryOf,
} from './staff.ts';

/** An active rep of the locale's territory other than `not` (any active rep if there is none). */
export const repFor = (simulation: Simulation, locale: Locale, not?: UserId): StaffMember => {
  const territory = territoryOf(locale.code);
  const others = simulation.activeReps.filter((rep) => rep.id !== not);
  const local = others.filter((rep) => rep.territory === territory);
  return simulation.random.pick(local.length > 0 ? local : others);
};

/** Puts the starting sales team in place. */
export const hireStartingReps = (simulation: Simulation): void => {
  simulation.activeReps.push(...salesReps);
};

const handOver = (simulation: Simulation): void => {
  const index = simulation.activeReps.findIndex((rep) => rep.id === leavingRep.id);
  if (index < 0) return;
  simulation.activeReps.splice(index, 1, joiningRep);
  const at = simulation.at();
  for (const customer of simulation.customers) {
    if (!isActive(customer)) continue;
    if (customer.ownerId === leavingRep.id) {
      simulation.customer(
        {
          type: 'AssignCustomerOwner',
          data: { customerId: customer.id, ownerId: joiningRep.id, at },
        },
        salesManager,
      );
      customer.ownerId = joiningRep.id;
    }
    for (const deal of customer.openDeals) {
      if (deal.ownerId !== leavingRep.id) continue;
      simulation.deal(
        { type: 'ReassignDeal', data: { dealId: deal.id, ownerId: joiningRep.id, at } },
        salesManager,
      );
      deal.ownerId = joiningRep.id;
    }
  }
};

/**
 * A rep leaves a little over half-way through (for histories of four months or more): the
 * sales manager hands her customers and open deals to the rep who replaces her.
 */
export const scheduleRepChange = (simulation: Simulation): void => {
  const { options, random } = simulation;
  if (options.months < 4) return;
  const at = addMonths(options.startMs, Math.floor(options.months * 0.55));
  simulation.schedule(officeTimeFrom(at, 0, random), () => handOver(simulation));
};
