import * as E from 'fp-ts/lib/Either.js';
import { compareMoney } from '../kernel/money.ts';
import type { CorrectWonDeal } from './commands-closing.ts';
import type { DealError } from './errors.ts';
import { dealHasNoLineItems } from './errors-amounts.ts';
import { correctionBelowDelivered, correctionBelowInvoiced } from './errors-delivery.ts';
import { nothingToCorrect } from './errors-lifecycle.ts';
import type { DealEvent } from './events.ts';
import type { WonDealFigures } from './events-closing.ts';
import { requireWon } from './guards.ts';
import { quantitiesByProduct, quantityOf, sameLineItems } from './line-item.ts';
import { checkExchangeRate, checkLineItems } from './line-item-rules.ts';
import type { DealState, WonDeal } from './state.ts';

type Decision = E.Either<DealError, ReadonlyArray<DealEvent>>;

const sameRate = (a: WonDealFigures['exchangeRate'], b: WonDealFigures['exchangeRate']): boolean =>
  a === b ||
  (a !== null && b !== null && a.base === b.base && a.quote === b.quote && a.rate === b.rate);

/** The order as corrected must still cover what was delivered and invoiced. */
const checkCoversExecution = (
  deal: WonDeal,
  corrected: WonDealFigures,
): E.Either<DealError, void> => {
  const ordered = quantitiesByProduct(corrected.lineItems);
  for (const { productId, quantity } of deal.order.delivered) {
    const newOrdered = quantityOf(ordered, productId);
    if (quantity > newOrdered) {
      return E.left(correctionBelowDelivered(productId, quantity, newOrdered));
    }
  }
  const comparison = compareMoney(corrected.revenue, deal.order.invoiced);
  if (E.isLeft(comparison)) return comparison;
  return comparison.right < 0
    ? E.left(correctionBelowInvoiced(deal.order.invoiced, corrected.revenue))
    : E.right(undefined);
};

/**
 * Corrects a won deal's line items and/or exchange rate. The corrected deal must still order
 * something, cover what was delivered and invoiced, and keep its currency; a correction that
 * changes nothing is a no-op (so a re-sent correction does not add a second audit entry).
 */
export const decideCorrectWonDeal = (command: CorrectWonDeal, state: DealState): Decision =>
  E.flatMap(requireWon(state, command), (deal) => {
    const { reason, at } = command.data;
    if (command.data.lineItems === undefined && command.data.exchangeRate === undefined) {
      return E.left(nothingToCorrect(deal.dealId));
    }
    const lineItems = command.data.lineItems ?? deal.lineItems;
    if (lineItems.length === 0) return E.left(dealHasNoLineItems(deal.dealId));
    const totals = checkLineItems(deal.currency, lineItems);
    if (E.isLeft(totals)) return totals;
    const exchangeRate = command.data.exchangeRate ?? deal.exchangeRate;
    if (exchangeRate !== null) {
      const rate = checkExchangeRate(deal.currency, exchangeRate, totals.right);
      if (E.isLeft(rate)) return rate;
    }
    const corrected: WonDealFigures = { lineItems, ...totals.right, exchangeRate };
    const covered = checkCoversExecution(deal, corrected);
    if (E.isLeft(covered)) return covered;
    if (sameLineItems(deal.lineItems, lineItems) && sameRate(deal.exchangeRate, exchangeRate)) {
      return E.right([]);
    }
    const previous: WonDealFigures = {
      lineItems: deal.lineItems,
      revenue: deal.revenue,
      cost: deal.cost,
      profit: deal.profit,
      exchangeRate: deal.exchangeRate,
    };
    return E.right([
      {
        type: 'WonDealCorrected',
        version: 1,
        data: { dealId: deal.dealId, customerId: deal.customerId, reason, previous, corrected, at },
      },
    ]);
  });
