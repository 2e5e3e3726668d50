import * as E from 'fp-ts/lib/Either.js';
import { convertMoney, type ExchangeRate } from '../kernel/exchange-rate.ts';
import type { CurrencyCode } from '../kernel/money.ts';
import type { DealError } from './errors.ts';
import {
  exchangeRateNotFromDealCurrency,
  lineItemAmountNegative,
  lineItemNotInDealCurrency,
} from './errors-amounts.ts';
import { type DealTotals, dealTotalsOf, type LineItem } from './line-item.ts';

const amountFields = ['unitPrice', 'unitCost'] as const;

/**
 * Checks line items against the deal currency (naming the first offending line and field) and
 * that no price or cost is negative, then returns their exact totals.
 */
export const checkLineItems = (
  currency: CurrencyCode,
  lineItems: ReadonlyArray<LineItem>,
): E.Either<DealError, DealTotals> => {
  for (const [lineIndex, line] of lineItems.entries()) {
    for (const field of amountFields) {
      const amount = line[field];
      if (amount.currency !== currency) {
        return E.left(lineItemNotInDealCurrency(lineIndex, field, currency, amount.currency));
      }
      if (amount.amountMinor < 0) return E.left(lineItemAmountNegative(lineIndex, field, amount));
    }
  }
  return dealTotalsOf(currency, lineItems);
};

/**
 * Checks that a rate converts from the deal currency and that the totals stay in range once
 * converted, so reporting in the other currency can never fail on this deal.
 */
export const checkExchangeRate = (
  currency: CurrencyCode,
  rate: ExchangeRate,
  totals: DealTotals,
): E.Either<DealError, ExchangeRate> => {
  if (rate.base !== currency) return E.left(exchangeRateNotFromDealCurrency(currency, rate.base));
  for (const amount of [totals.revenue, totals.cost, totals.profit]) {
    const converted = convertMoney(amount, rate);
    if (E.isLeft(converted)) return converted;
  }
  return E.right(rate);
};
