import type { DealId } from '../kernel/ids.ts';
import { zeroMoney } from '../kernel/money.ts';
import type { DealEvent } from './events.ts';
import type { DealOpened } from './events-pipeline.ts';
import { applyDelivery, applyInvoice, applyPayment } from './evolve-order.ts';
import type { DealFacts, DealState, LostDeal, OpenedDeal, PipelineDeal, WonDeal } from './state.ts';

const factsOf = (deal: OpenedDeal): DealFacts => ({
  dealId: deal.dealId,
  customerId: deal.customerId,
  ownerId: deal.ownerId,
  title: deal.title,
  expectedCloseDate: deal.expectedCloseDate,
  sourceCampaignId: deal.sourceCampaignId,
  currency: deal.currency,
  lineItems: deal.lineItems,
  stage: deal.stage,
  openedAt: deal.openedAt,
});

const opened = ({ data }: DealOpened): PipelineDeal => ({
  status: 'open',
  dealId: data.dealId,
  customerId: data.customerId,
  ownerId: data.ownerId,
  title: data.title,
  expectedCloseDate: data.expectedCloseDate,
  sourceCampaignId: data.sourceCampaignId,
  currency: data.currency,
  lineItems: data.lineItems,
  stage: data.stage,
  openedAt: data.at,
  winProbabilityPercent: data.winProbabilityPercent,
});

// An event applies only to the deal it names, in the status it was decided in; any other
// combination (a foreign or replayed-out-of-place event) leaves the state as it is.
const when =
  <TStatus extends OpenedDeal['status']>(...statuses: ReadonlyArray<TStatus>) =>
  (
    state: DealState,
    dealId: DealId,
    apply: (deal: Extract<OpenedDeal, { status: TStatus }>) => DealState,
  ): DealState =>
    state.status !== 'unopened' &&
    state.dealId === dealId &&
    (statuses as ReadonlyArray<string>).includes(state.status)
      ? apply(state as Extract<OpenedDeal, { status: TStatus }>)
      : state;

const whenOpen = when('open');
const whenLost = when('lost');
const whenWon = when('won');
const whenOpenOrLost = when('open', 'lost');

/** Folds one deal event into the state. Total: an event that does not apply changes nothing. */
export const evolveDeal = (state: DealState, event: DealEvent): DealState => {
  const { dealId } = event.data;
  switch (event.type) {
    case 'DealOpened':
      return state.status === 'unopened' ? opened(event) : state;
    case 'DealStageChanged':
      return whenOpen(state, dealId, (deal) => ({
        ...deal,
        stage: event.data.to,
        winProbabilityPercent: event.data.winProbabilityPercent,
      }));
    case 'DealWinProbabilitySet':
      return whenOpen(state, dealId, (deal) => ({ ...deal, winProbabilityPercent: event.data.to }));
    case 'DealLineItemsRevised':
      return whenOpen(state, dealId, (deal) => ({ ...deal, lineItems: event.data.lineItems }));
    case 'DealExpectedCloseDateMoved':
      return whenOpen(state, dealId, (deal) => ({ ...deal, expectedCloseDate: event.data.to }));
    case 'DealReassigned':
      return whenOpenOrLost(state, dealId, (deal) => ({ ...deal, ownerId: event.data.ownerId }));
    case 'DealWon':
      return whenOpen(state, dealId, (deal): WonDeal => {
        const zero = zeroMoney(deal.currency);
        return {
          ...factsOf(deal),
          status: 'won',
          lineItems: event.data.lineItems,
          wonAt: event.data.at,
          revenue: event.data.revenue,
          cost: event.data.cost,
          profit: event.data.profit,
          exchangeRate: event.data.exchangeRate,
          corrections: 0,
          order: {
            delivered: [],
            deliveryIds: [],
            invoices: [],
            paymentIds: [],
            invoiced: zero,
            paid: zero,
            outstanding: zero,
          },
        };
      });
    case 'DealLost':
      return whenOpen(
        state,
        dealId,
        (deal): LostDeal => ({
          ...factsOf(deal),
          status: 'lost',
          lostAt: event.data.at,
          reason: event.data.reason,
          competitor: event.data.competitor,
        }),
      );
    case 'DealReopened':
      return whenLost(
        state,
        dealId,
        (deal): PipelineDeal => ({
          ...factsOf(deal),
          status: 'open',
          stage: event.data.stage,
          winProbabilityPercent: event.data.winProbabilityPercent,
        }),
      );
    case 'WonDealCorrected':
      return whenWon(state, dealId, (deal) => ({
        ...deal,
        ...event.data.corrected,
        corrections: deal.corrections + 1,
      }));
    case 'DeliveryRecorded':
      return whenWon(state, dealId, (deal) => applyDelivery(deal, event));
    case 'InvoiceIssued':
      return whenWon(state, dealId, (deal) => applyInvoice(deal, event));
    case 'PaymentRecorded':
      return whenWon(state, dealId, (deal) => applyPayment(deal, event));
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
