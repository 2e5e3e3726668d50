import * as E from 'fp-ts/lib/Either.js';
import { type Money, subtractMoney, sumMoney } from '../kernel/money.ts';
import { dealTotalsOf, quantitiesByProduct, quantityOf } from './line-item.ts';
import { moneyText } from './money-text.ts';
import { WinProbabilityPercent } from './stage.ts';
import type { DealState, OpenedDeal, WonDeal } from './state.ts';

const sameAmount = (a: Money, b: Money): boolean =>
  a.currency === b.currency && a.amountMinor === b.amountMinor;

const hasDuplicates = (ids: ReadonlyArray<string>): boolean => new Set(ids).size !== ids.length;

const lineItemBreaches = (deal: OpenedDeal): string[] =>
  deal.lineItems.flatMap((line, i) => [
    ...(Number.isInteger(line.quantity) && line.quantity > 0
      ? []
      : [`line ${i} has quantity ${line.quantity}, not a whole number above zero`]),
    ...[line.unitPrice, line.unitCost].flatMap((amount) => [
      ...(amount.currency === deal.currency
        ? []
        : [
            `line ${i} has an amount in ${amount.currency}, not the deal currency ${deal.currency}`,
          ]),
      ...(amount.amountMinor < 0 ? [`line ${i} has a negative amount ${moneyText(amount)}`] : []),
    ]),
  ]);

const figureBreaches = (deal: WonDeal): string[] => {
  const breaches: string[] = [];
  if (deal.lineItems.length === 0) breaches.push('a won deal orders nothing');
  const profit = subtractMoney(deal.revenue, deal.cost);
  if (E.isLeft(profit) || !sameAmount(profit.right, deal.profit)) {
    breaches.push(
      `revenue ${moneyText(deal.revenue)} − cost ${moneyText(deal.cost)} ≠ profit ${moneyText(deal.profit)}`,
    );
  }
  const totals = dealTotalsOf(deal.currency, deal.lineItems);
  if (
    E.isLeft(totals) ||
    !sameAmount(totals.right.revenue, deal.revenue) ||
    !sameAmount(totals.right.cost, deal.cost)
  ) {
    breaches.push('revenue and cost are not the sums over the line items');
  }
  if (deal.exchangeRate !== null && deal.exchangeRate.base !== deal.currency) {
    breaches.push(
      `the exchange rate converts from ${deal.exchangeRate.base}, not ${deal.currency}`,
    );
  }
  return breaches;
};

const orderBreaches = (deal: WonDeal): string[] => {
  const { order } = deal;
  const breaches: string[] = [];
  const ordered = quantitiesByProduct(deal.lineItems);
  for (const { productId, quantity } of order.delivered) {
    const orderedQuantity = quantityOf(ordered, productId);
    if (quantity <= 0 || quantity > orderedQuantity) {
      breaches.push(`${quantity} of ${productId} delivered, ${orderedQuantity} ordered`);
    }
  }
  if (hasDuplicates(order.deliveryIds)) breaches.push('a delivery is recorded twice');
  if (hasDuplicates(order.paymentIds)) breaches.push('a payment is recorded twice');
  if (hasDuplicates(order.invoices.map((invoice) => invoice.invoiceId))) {
    breaches.push('an invoice is issued twice');
  }
  for (const invoice of order.invoices) {
    const unpaid = subtractMoney(invoice.amount, invoice.paid);
    if (invoice.amount.amountMinor <= 0 || E.isLeft(unpaid) || unpaid.right.amountMinor < 0) {
      breaches.push(
        `invoice ${invoice.invoiceId} is paid ${moneyText(invoice.paid)} of ${moneyText(invoice.amount)}`,
      );
    }
  }
  const invoiced = sumMoney(
    deal.currency,
    order.invoices.map((invoice) => invoice.amount),
  );
  const paid = sumMoney(
    deal.currency,
    order.invoices.map((invoice) => invoice.paid),
  );
  const outstanding = subtractMoney(order.invoiced, order.paid);
  if (E.isLeft(invoiced) || !sameAmount(invoiced.right, order.invoiced)) {
    breaches.push('the invoiced total is not the sum of the invoices');
  }
  if (E.isLeft(paid) || !sameAmount(paid.right, order.paid)) {
    breaches.push('the paid total is not the sum of the payments');
  }
  if (E.isLeft(outstanding) || !sameAmount(outstanding.right, order.outstanding)) {
    breaches.push('outstanding is not invoiced − paid');
  }
  if (!(order.paid.amountMinor <= order.invoiced.amountMinor)) {
    breaches.push(`paid ${moneyText(order.paid)} exceeds invoiced ${moneyText(order.invoiced)}`);
  }
  if (!(order.invoiced.amountMinor <= deal.revenue.amountMinor)) {
    breaches.push(
      `invoiced ${moneyText(order.invoiced)} exceeds revenue ${moneyText(deal.revenue)}`,
    );
  }
  return breaches;
};

/**
 * The deal's invariants, as a description of each one the state breaks (empty when sound): one
 * currency per deal; line quantities above zero and no negative amounts; an open deal's win
 * probability a whole percent; a won deal orders something, with revenue and cost the exact sums
 * over its lines and revenue − cost = profit; delivered ≤ ordered per product; every invoice paid
 * at most in full; paid ≤ invoiced ≤ revenue; totals that agree with the invoices.
 */
export const dealInvariantBreaches = (state: DealState): ReadonlyArray<string> => {
  switch (state.status) {
    case 'unopened':
      return [];
    case 'open':
      return [
        ...lineItemBreaches(state),
        ...(WinProbabilityPercent.is(state.winProbabilityPercent)
          ? []
          : [`win probability ${state.winProbabilityPercent} % is not a whole percent 0–100`]),
      ];
    case 'lost':
      return lineItemBreaches(state);
    case 'won':
      return [...lineItemBreaches(state), ...figureBreaches(state), ...orderBreaches(state)];
  }
};
