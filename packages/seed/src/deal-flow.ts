import {
  type CalendarDate,
  type CampaignId,
  type CurrencyCode,
  type DealId,
  defaultWinProbabilities,
  type LineItem,
  type WinProbabilityPercent,
} from '@crm/domain';
import { text } from './brands.ts';
import { calendarDateOf, day } from './calendar.ts';
import { productOf } from './catalogue.ts';
import { isActive, recordInteraction } from './customer-actions.ts';
import { dealOwner, lose, stageAt, win } from './deal-closing.ts';
import { basketLines, revisedLines } from './deal-lines.ts';
import type { CustomerModel, DealModel } from './models.ts';
import { fill, stageNotes } from './phrases.ts';
import { dealOpened } from './policy-reactions.ts';
import type { Simulation } from './simulation.ts';

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
  const lines =
    !options.repeat && random.chance(0.1) ? [] : basketLines(random, customer, currency, now);
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
    recordInteraction(
      simulation,
      customer,
      dealOwner(deal),
      'call',
      'outbound',
      `Opened ${deal.title}`,
    );
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
    const product =
      deal.lines[0] === undefined ? undefined : productOf(deal.lines[0].productId).name;
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
  const to = (deal.willWin ? 90 : 40) as WinProbabilityPercent;
  // The rep's own read of a deal in negotiation: a verbal yes, or a deal at risk.
  if (stage === 'negotiation' && to !== deal.winProbability && random.chance(0.3)) {
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
  else lose(simulation, deal, (reopened) => next(simulation, reopened, 7));
};
