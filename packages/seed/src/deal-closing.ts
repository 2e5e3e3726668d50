import {
  type Actor,
  defaultWinProbabilities,
  type MinorUnits,
  type OpenDealStage,
  openDealStages,
} from '@crm/domain';
import { text } from './brands.ts';
import { day } from './calendar.ts';
import { isActive, ownerOf, recordInteraction } from './customer-actions.ts';
import { startCare } from './customer-care.ts';
import { revenueOf } from './deal-lines.ts';
import { eurosOf, exchangeRateAt } from './exchange-rates.ts';
import type { CustomerModel, DealModel } from './models.ts';
import { startOrder } from './order-flow.ts';
import { competitors, fill, lossReasons, lostNotes, wonNotes } from './phrases.ts';
import { dealWon } from './policy-reactions.ts';
import type { Simulation } from './simulation.ts';

/** The deal's owner, as the actor of its commands. */
export const dealOwner = (deal: DealModel): Actor => ({ id: deal.ownerId, role: 'sales_rep' });

/** The open stage at a position of the pipeline. */
export const stageAt = (index: number): OpenDealStage => openDealStages[index] as OpenDealStage;

/**
 * Wins the deal (with the exchange rate into the reporting currency when it is in another
 * currency), sends the policy's promotion to `customer`, and starts the order and the care of
 * the customer.
 */
export const win = (simulation: Simulation, deal: DealModel): void => {
  const { random, options } = simulation;
  const customer = deal.customer;
  const now = simulation.now();
  const rate =
    deal.currency === options.reportingCurrency
      ? undefined
      : exchangeRateAt(deal.currency, options.reportingCurrency, now);
  const trigger = simulation.deal(
    {
      type: 'WinDeal',
      data: {
        dealId: deal.id,
        ...(rate === undefined ? {} : { exchangeRate: rate }),
        at: simulation.at(),
      },
    },
    dealOwner(deal),
  );
  dealWon(simulation, trigger, customer, deal.id);
  deal.status = 'won';
  deal.exchangeRate = rate ?? null;
  deal.revenueMinor = revenueOf(deal.lines);
  customer.openDeals.splice(customer.openDeals.indexOf(deal), 1);
  customer.wonDeals.push(deal.id);
  if (customer.wonDeals.length > 8) customer.wonDeals.shift();
  customer.lastPurchaseAt = now;
  customer.wonRevenueEur += eurosOf(
    { amountMinor: deal.revenueMinor as MinorUnits, currency: deal.currency },
    now,
  );
  if (random.chance(0.5))
    recordInteraction(
      simulation,
      customer,
      dealOwner(deal),
      'email',
      'outbound',
      fill(random.pick(wonNotes), { d: deal.title }),
    );
  startOrder(simulation, deal);
  startCare(simulation, customer);
};

/**
 * Loses the deal, often to a named competitor. Now and then it is reopened weeks later (and
 * `resume` carries it on through the pipeline), or a prospect with nothing bought gives up.
 */
export const lose = (
  simulation: Simulation,
  deal: DealModel,
  resume: (deal: DealModel) => void,
): void => {
  const { random } = simulation;
  const customer = deal.customer;
  const reason = random.pick(lossReasons);
  const competitor =
    reason === 'Chose a competitor' || random.chance(0.5) ? random.pick(competitors) : undefined;
  simulation.deal(
    {
      type: 'LoseDeal',
      data: {
        dealId: deal.id,
        reason: text(reason),
        ...(competitor === undefined ? {} : { competitor: text(competitor) }),
        at: simulation.at(),
      },
    },
    dealOwner(deal),
  );
  deal.status = 'lost';
  customer.openDeals.splice(customer.openDeals.indexOf(deal), 1);
  if (random.chance(0.4)) {
    const summary = fill(random.pick(lostNotes), { d: deal.title, c: competitor });
    recordInteraction(simulation, customer, dealOwner(deal), 'call', 'outbound', summary);
  }
  if (random.chance(0.06)) {
    const when = simulation.officeTime(simulation.now() + random.between(20, 60) * day, customer);
    simulation.schedule(when, () => reopen(simulation, deal, resume));
  } else if (customer.wonDeals.length === 0 && random.chance(0.15)) {
    const when = simulation.officeTime(simulation.now() + random.between(10, 40) * day, customer);
    simulation.schedule(when, () => giveUp(simulation, customer));
  }
};

const reopen = (
  simulation: Simulation,
  deal: DealModel,
  resume: (deal: DealModel) => void,
): void => {
  const customer = deal.customer;
  const ownerActive = simulation.activeReps.some((rep) => rep.id === deal.ownerId);
  if (deal.status !== 'lost' || !isActive(customer) || customer.stage === 'churned' || !ownerActive)
    return;
  if (customer.openDeals.length > 0) return;
  simulation.deal(
    { type: 'ReopenDeal', data: { dealId: deal.id, at: simulation.at() } },
    dealOwner(deal),
  );
  deal.status = 'open';
  deal.willWin = simulation.random.chance(0.5);
  deal.targetStage = deal.willWin ? 3 : deal.stageIndex;
  deal.winProbability = defaultWinProbabilities[stageAt(deal.stageIndex)];
  customer.openDeals.push(deal);
  resume(deal);
};

// A prospect whose only deal was lost, and who has gone quiet, is marked as lost too.
const giveUp = (simulation: Simulation, customer: CustomerModel): void => {
  if (!isActive(customer) || customer.stage === 'churned') return;
  if (customer.openDeals.length > 0 || customer.wonDeals.length > 0) return;
  simulation.customer(
    {
      type: 'ChurnCustomer',
      data: { customerId: customer.id, reason: text('No longer interested'), at: simulation.at() },
    },
    ownerOf(customer),
  );
  customer.stage = 'churned';
};

/** Loses every open deal of the customer (before their data is erased). */
export const loseOpenDeals = (
  simulation: Simulation,
  customer: CustomerModel,
  reason: string,
): void => {
  for (const deal of [...customer.openDeals]) {
    simulation.deal(
      { type: 'LoseDeal', data: { dealId: deal.id, reason: text(reason), at: simulation.at() } },
      dealOwner(deal),
    );
    deal.status = 'lost';
  }
  customer.openDeals.length = 0;
};
