import {
  type Actor,
  type CalendarDate,
  type CampaignId,
  type CurrencyCode,
  type DealId,
  defaultWinProbabilities,
  type LineItem,
  type OpenDealStage,
  openDealStages,
  type WinProbabilityPercent,
} from '@crm/domain';
import { text } from './brands.ts';
import { calendarDateOf, day } from './calendar.ts';
import { productOf } from './catalogue.ts';
import { isActive, ownerOf, recordInteraction } from './customer-actions.ts';
import { startCare } from './customer-care.ts';
import { basketLines, revenueOf, revisedLines } from './deal-lines.ts';
import { eurosOf, exchangeRateAt } from './exchange-rates.ts';
import type { CustomerModel, DealModel } from './models.ts';
import { startOrder } from './order-flow.ts';
import { competitors, fill, lossReasons, lostNotes, stageNotes, wonNotes } from './phrases.ts';
import { dealOpened, dealWon } from './policy-reactions.ts';
import type { Simulation } from './simulation.ts';

const dealOwner = (deal: DealModel): Actor => ({ id: deal.ownerId, role: 'sales_rep' });

const stageAt = (index: number): OpenDealStage => openDealStages[index] as OpenDealStage;

const titleOf = (customer: CustomerModel, lines: ReadonlyArray<LineItem>): string => {
  const party = customer.identity.party;
  const name =
    party.kind === 'company'
      ? party.legalName
      : `${party.givenName ?? ''} ${party.familyName}`.trim();
  const first = lines[0];
  if (first === undefined) return `${name} – enquiry`;
  const product = productOf(first.productId).name;
  return first.quantity > 1 ? `${name} – ${first.quantity} × ${product}` : `${name} – ${product}`;
};

const winChance = (customer: CustomerModel, repeat: boolean, sourced: boolean): number => {
  // The customer whose data is erased later must have bought something first.
  if (customer.role === 'erased' && customer.wonDeals.length === 0) return 1;
  const base = repeat ? 0.7 : customer.identity.kind === 'company' ? 0.36 : 0.45;
  const referred = customer.identity.kind === 'person' ? 0.05 : 0;
  return Math.min(0.92, base + (sourced ? 0.05 : 0) + referred + (customer.activity - 1) * 0.15);
};

const next = (simulation: Simulation, deal: DealModel, meanDays: number): void => {
  const delay = day + simulation.random.exponential(meanDays * day);
  simulation.schedule(simulation.officeTime(simulation.now() + delay, deal.customer), () =>
    dealStep(simulation, deal),
  );
};

/**
 * Opens a deal for the customer, owned by the customer's owner, and sends the policy's
 * promotion to `opportunity`. The deal then moves through the pipeline on its own: stage by
 * stage (now and then slipping back), with revised line items and close dates, to a win or a
 * loss decided up front.
 */
export const openDeal = (
  simulation: Simulation,
  customer: CustomerModel,
  options: { readonly repeat: boolean; readonly sourceCampaignId?: CampaignId },
): void => {
  const { random } = simulation;
  if (!isActive(customer) || customer.stage === 'churned' || customer.openDeals.length > 0) return;
  const now = simulation.now();
  const currency = random.weighted(customer.locale.currencies) as CurrencyCode;
  const willWin = random.chance(
    winChance(customer, options.repeat, options.sourceCampaignId !== undefined),
  );
  // A first enquiry sometimes opens the deal before anyone knows what goes on it.
  const lines = !options.repeat && random.chance(0.1) ? [] : basketLines(random, customer, currency, now);
  const deal: DealModel = {
    id: simulation.newId('deal') as DealId,
    customer,
    currency,
    title: titleOf(customer, lines),
    openedAt: now,
    sourceCampaignId: options.sourceCampaignId,
    ownerId: customer.ownerId,
    status: 'open',
    stageIndex: 0,
    winProbability: defaultWinProbabilities.qualification,
    expectedCloseDate: calendarDateOf(now + random.between(30, 90) * day),
    lines,
    willWin,
    targetStage: willWin
      ? random.chance(0.8)
        ? 3
        : 2
      : random.weighted([
          [0, 3],
          [1, 3],
          [2, 2.5],
          [3, 1.5],
        ]),
    slipped: false,
    revenueMinor: 0,
    exchangeRate: null,
    undelivered: new Map(),
    invoices: [],
    invoicedMinor: 0,
  };
  const trigger = simulation.deal(
    {
      type: 'OpenDeal',
      data: {
        dealId: deal.id,
        customerId: customer.id,
        ownerId: deal.ownerId,
        title: text(deal.title),
        expectedCloseDate: deal.expectedCloseDate as CalendarDate,
        currency,
        lineItems: lines,
        ...(options.sourceCampaignId === undefined
          ? {}
          : { sourceCampaignId: options.sourceCampaignId }),
        at: simulation.at(),
      },
    },
    dealOwner(deal),
  );
  dealOpened(simulation, trigger, customer, deal.id);
  customer.openDeals.push(deal);
  if (random.chance(0.5))
    recordInteraction(simulation, customer, dealOwner(deal), 'call', 'outbound', `Opened ${deal.title}`);
  next(simulation, deal, 6);
};

const advance = (simulation: Simulation, deal: DealModel): void => {
  const { random } = simulation;
  const at = simulation.at();
  if (!deal.slipped && deal.stageIndex >= 2 && random.chance(0.05)) {
    // Real pipelines slip back: the customer wants to revisit the requirements.
    deal.slipped = true;
    deal.stageIndex = 1;
    simulation.deal(
      { type: 'MoveDealToStage', data: { dealId: deal.id, stage: 'needs_analysis', at } },
      dealOwner(deal),
    );
    return;
  }
  deal.stageIndex += 1;
  const stage = stageAt(deal.stageIndex);
  deal.winProbability = defaultWinProbabilities[stage];
  simulation.deal({ type: 'AdvanceDealStage', data: { dealId: deal.id, at } }, dealOwner(deal));
  const notes = stageNotes[stage];
  if (notes !== undefined && random.chance(0.6)) {
    const product = deal.lines[0] === undefined ? undefined : productOf(deal.lines[0].productId).name;
    const channel = random.pick(['meeting', 'call', 'email'] as const);
    const summary = fill(random.pick(notes), { p: product, d: deal.title });
    recordInteraction(simulation, deal.customer, dealOwner(deal), channel, 'outbound', summary);
  }
  if (stage === 'proposal' && random.chance(0.25)) {
    deal.lines = revisedLines(random, deal.lines);
    simulation.deal(
      { type: 'ReviseLineItems', data: { dealId: deal.id, lineItems: deal.lines, at } },
      dealOwner(deal),
    );
  }
  if (stage === 'negotiation' && random.chance(0.3)) {
    const to = (deal.willWin ? 90 : 40) as WinProbabilityPercent;
    deal.winProbability = to;
    simulation.deal(
      { type: 'SetDealWinProbability', data: { dealId: deal.id, winProbabilityPercent: to, at } },
      dealOwner(deal),
    );
  }
};

const dealStep = (simulation: Simulation, deal: DealModel): void => {
  if (deal.status !== 'open' || !isActive(deal.customer)) return;
  const { random } = simulation;
  const at = simulation.at();
  if (deal.lines.length === 0) {
    deal.lines = basketLines(random, deal.customer, deal.currency, simulation.now());
    simulation.deal(
      { type: 'ReviseLineItems', data: { dealId: deal.id, lineItems: deal.lines, at } },
      dealOwner(deal),
    );
    next(simulation, deal, 5);
    return;
  }
  if (deal.expectedCloseDate < at.slice(0, 10)) {
    deal.expectedCloseDate = calendarDateOf(simulation.now() + random.between(14, 45) * day);
    simulation.deal(
      {
        type: 'MoveExpectedCloseDate',
        data: { dealId: deal.id, expectedCloseDate: deal.expectedCloseDate as CalendarDate, at },
      },
      dealOwner(deal),
    );
  }
  if (deal.stageIndex < deal.targetStage) {
    advance(simulation, deal);
    next(simulation, deal, 10);
  } else if (deal.willWin) win(simulation, deal);
  else lose(simulation, deal);
};

const win = (simulation: Simulation, deal: DealModel): void => {
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
      data: { dealId: deal.id, ...(rate === undefined ? {} : { exchangeRate: rate }), at: simulation.at() },
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
  customer.wonRevenueEur += eurosOf({ amountMinor: deal.revenueMinor as never, currency: deal.currency }, now);
  if (random.chance(0.5))
    recordInteraction(simulation, customer, dealOwner(deal), 'email', 'outbound', fill(random.pick(wonNotes), { d: deal.title }));
  startOrder(simulation, deal);
  startCare(simulation, customer);
};

const lose = (simulation: Simulation, deal: DealModel): void => {
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
    simulation.schedule(when, () => reopen(simulation, deal));
  } else if (customer.wonDeals.length === 0 && random.chance(0.15)) {
    const when = simulation.officeTime(simulation.now() + random.between(10, 40) * day, customer);
    simulation.schedule(when, () => giveUp(simulation, customer));
  }
};

const reopen = (simulation: Simulation, deal: DealModel): void => {
  const customer = deal.customer;
  const ownerActive = simulation.activeReps.some((rep) => rep.id === deal.ownerId);
  if (deal.status !== 'lost' || !isActive(customer) || customer.stage === 'churned' || !ownerActive)
    return;
  if (customer.openDeals.length > 0) return;
  simulation.deal({ type: 'ReopenDeal', data: { dealId: deal.id, at: simulation.at() } }, dealOwner(deal));
  deal.status = 'open';
  deal.willWin = simulation.random.chance(0.5);
  deal.targetStage = deal.willWin ? 3 : deal.stageIndex;
  deal.winProbability = defaultWinProbabilities[stageAt(deal.stageIndex)];
  customer.openDeals.push(deal);
  next(simulation, deal, 7);
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
export const loseOpenDeals = (simulation: Simulation, customer: CustomerModel, reason: string): void => {
  for (const deal of [...customer.openDeals]) {
    simulation.deal(
      { type: 'LoseDeal', data: { dealId: deal.id, reason: text(reason), at: simulation.at() } },
      dealOwner(deal),
    );
    deal.status = 'lost';
  }
  customer.openDeals.length = 0;
};
