import type { CurrencyCode, DealEvent, ExchangeRate, LineItem, Money } from '@crm/domain';
import {
  pipelineValueOf,
  toReportingMinor,
  utcOf,
  weightedValueOf,
} from '../projection-kit/index.ts';
import type { Entry } from './entry.ts';
import { formatMinor } from './format-money.ts';
import { addQuantities, deliveryStatusOf, paymentStatusOf } from './order-status.ts';
import type { DealRow } from './rows.ts';
import type { WorkingSet } from './working-set.ts';

const totalValueOf = (lineItems: ReadonlyArray<LineItem>): number =>
  Number(pipelineValueOf(lineItems));

const weighted = (value: number, percent: number): number =>
  Number(weightedValueOf(BigInt(value), percent));

interface WonFigures {
  readonly lineItems: ReadonlyArray<LineItem>;
  readonly revenue: Money;
  readonly cost: Money;
  readonly profit: Money;
  readonly exchangeRate: ExchangeRate | null;
}

/* Converted revenue and cost at the deal's recorded rate; profit is their difference. */
const withFigures = (deal: DealRow, figures: WonFigures, reporting: CurrencyCode): void => {
  const revenue = toReportingMinor(figures.revenue, figures.exchangeRate, reporting);
  const cost = toReportingMinor(figures.cost, figures.exchangeRate, reporting);
  const converted = revenue !== undefined && cost !== undefined;
  Object.assign(deal, {
    revenue_minor: figures.revenue.amountMinor,
    cost_minor: figures.cost.amountMinor,
    profit_minor: figures.profit.amountMinor,
    exchange_rate: figures.exchangeRate === null ? null : { ...figures.exchangeRate },
    reporting_revenue_minor: converted ? revenue : null,
    reporting_cost_minor: converted ? cost : null,
    reporting_profit_minor: converted ? revenue - cost : null,
    ordered: addQuantities([], figures.lineItems),
    value_minor: figures.revenue.amountMinor,
    weighted_minor: figures.revenue.amountMinor,
  });
  deal.delivery_status = deliveryStatusOf(deal.ordered, deal.delivered);
  deal.payment_status = paymentStatusOf(
    figures.revenue.amountMinor,
    deal.invoiced_minor,
    deal.paid_minor,
  );
};

const entry = (
  kind: string,
  title: string,
  reference: string,
  summary: string | null = null,
): Entry => ({
  kind,
  title,
  summary,
  reference,
});

/** After an invoice or a payment: the order's payment status again, and its timeline entry. */
const paymentEntry = (deal: DealRow, title: string, amount: Money): Entry => {
  deal.payment_status = paymentStatusOf(
    deal.revenue_minor ?? 0,
    deal.invoiced_minor,
    deal.paid_minor,
  );
  return entry(
    'order',
    `${title}: ${formatMinor(amount.amountMinor, deal.currency)}`,
    deal.deal_id,
  );
};

/**
 * Applies a deal event to the deal's row and returns the customer and timeline entry it makes.
 * A won deal is the customer's order: deliveries, invoices and payments update its status.
 */
export const applyDealEvent = (
  working: WorkingSet,
  event: DealEvent,
  reporting: CurrencyCode,
): { readonly customerId: string; readonly entry: Entry | undefined } | undefined => {
  if (event.type === 'DealOpened') {
    const { data } = event;
    if (working.deals.has(data.dealId)) return undefined;
    const value = totalValueOf(data.lineItems);
    working.touchDeal({
      deal_id: data.dealId,
      customer_id: data.customerId,
      title: working.isErased(data.customerId) ? null : data.title,
      owner_id: data.ownerId,
      status: 'open',
      stage: data.stage,
      currency: data.currency,
      win_probability: data.winProbabilityPercent,
      value_minor: value,
      weighted_minor: weighted(value, data.winProbabilityPercent),
      expected_close_date: data.expectedCloseDate,
      opened_at: utcOf(data.at),
      closed_at: null,
      revenue_minor: null,
      cost_minor: null,
      profit_minor: null,
      exchange_rate: null,
      reporting_revenue_minor: null,
      reporting_cost_minor: null,
      reporting_profit_minor: null,
      ordered: [],
      delivered: [],
      delivery_status: null,
      invoiced_minor: 0,
      paid_minor: 0,
      outstanding_minor: 0,
      payment_status: null,
      corrections: 0,
    });
    return {
      customerId: data.customerId,
      entry: entry(
        'deal',
        `Deal opened: ${formatMinor(value, data.currency)}`,
        data.dealId,
        data.title,
      ),
    };
  }
  const deal = working.deals.get(event.data.dealId);
  if (deal === undefined) return undefined;
  working.touchDeal(deal);
  const at = event.data.at;
  const result = (made: Entry | undefined) => ({ customerId: deal.customer_id, entry: made });
  switch (event.type) {
    case 'DealStageChanged':
      deal.stage = event.data.to;
      deal.win_probability = event.data.winProbabilityPercent;
      deal.weighted_minor = weighted(deal.value_minor, deal.win_probability);
      return result(
        entry('deal', `Deal moved ${event.data.from} → ${event.data.to}`, deal.deal_id),
      );
    case 'DealWinProbabilitySet':
      deal.win_probability = event.data.to;
      deal.weighted_minor = weighted(deal.value_minor, deal.win_probability);
      return result(undefined);
    case 'DealLineItemsRevised':
      deal.value_minor = totalValueOf(event.data.lineItems);
      deal.weighted_minor = weighted(deal.value_minor, deal.win_probability);
      return result(
        entry(
          'deal',
          `Deal revised: ${formatMinor(deal.value_minor, deal.currency)}`,
          deal.deal_id,
        ),
      );
    case 'DealExpectedCloseDateMoved':
      deal.expected_close_date = event.data.to;
      return result(undefined);
    case 'DealReassigned':
      deal.owner_id = event.data.ownerId;
      return result(undefined);
    case 'DealWon':
      deal.status = 'won';
      deal.stage = event.data.stage;
      deal.win_probability = 100;
      deal.closed_at = utcOf(at);
      withFigures(deal, event.data, reporting);
      return result(
        entry(
          'order',
          `Deal won: ${formatMinor(event.data.revenue.amountMinor, deal.currency)}`,
          deal.deal_id,
        ),
      );
    case 'WonDealCorrected':
      deal.corrections += 1;
      withFigures(deal, event.data.corrected, reporting);
      return result(
        entry(
          'order',
          `Order corrected: ${formatMinor(event.data.corrected.revenue.amountMinor, deal.currency)}`,
          deal.deal_id,
        ),
      );
    case 'DealLost':
      deal.status = 'lost';
      deal.stage = event.data.stage;
      deal.win_probability = 0;
      deal.weighted_minor = 0;
      deal.closed_at = utcOf(at);
      return result(entry('deal', `Deal lost at ${event.data.stage}`, deal.deal_id));
    case 'DealReopened':
      deal.status = 'open';
      deal.stage = event.data.stage;
      deal.win_probability = event.data.winProbabilityPercent;
      deal.weighted_minor = weighted(deal.value_minor, deal.win_probability);
      deal.closed_at = null;
      return result(entry('deal', `Deal reopened at ${event.data.stage}`, deal.deal_id));
    case 'DeliveryRecorded':
      deal.delivered = addQuantities(deal.delivered, event.data.lines);
      deal.delivery_status = deliveryStatusOf(deal.ordered, deal.delivered);
      return result(
        entry(
          'order',
          event.data.fullyDelivered ? 'Order fully delivered' : 'Order partially delivered',
          deal.deal_id,
        ),
      );
    case 'InvoiceIssued':
      deal.invoiced_minor += event.data.amount.amountMinor;
      deal.outstanding_minor += event.data.amount.amountMinor;
      return result(paymentEntry(deal, 'Invoice issued', event.data.amount));
    case 'PaymentRecorded':
      deal.paid_minor += event.data.amount.amountMinor;
      deal.outstanding_minor -= event.data.amount.amountMinor;
      return result(paymentEntry(deal, 'Payment received', event.data.amount));
    default:
      event satisfies never;
      return undefined;
  }
};
