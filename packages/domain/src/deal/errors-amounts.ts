import type { DomainError } from '../kernel/domain-error.ts';
import type { DealId } from '../kernel/ids.ts';
import type { CurrencyCode, Money } from '../kernel/money.ts';
import { moneyText } from './money-text.ts';

/** A line item's price or cost is not in the deal currency (one currency per deal). */
export interface LineItemNotInDealCurrency extends DomainError<'LineItemNotInDealCurrency'> {
  readonly lineIndex: number;
  readonly field: 'unitPrice' | 'unitCost';
  readonly expected: CurrencyCode;
  readonly actual: CurrencyCode;
}
export const lineItemNotInDealCurrency = (
  lineIndex: number,
  field: 'unitPrice' | 'unitCost',
  expected: CurrencyCode,
  actual: CurrencyCode,
): LineItemNotInDealCurrency => ({
  _tag: 'LineItemNotInDealCurrency',
  lineIndex,
  field,
  expected,
  actual,
  message: `lineItems.${lineIndex}.${field} is in ${actual}, but the deal is in ${expected}.`,
});

/** A line item's price or cost is negative (a discount is a lower unit price, not a negative line). */
export interface LineItemAmountNegative extends DomainError<'LineItemAmountNegative'> {
  readonly lineIndex: number;
  readonly field: 'unitPrice' | 'unitCost';
  readonly amount: Money;
}
export const lineItemAmountNegative = (
  lineIndex: number,
  field: 'unitPrice' | 'unitCost',
  amount: Money,
): LineItemAmountNegative => ({
  _tag: 'LineItemAmountNegative',
  lineIndex,
  field,
  amount,
  message: `lineItems.${lineIndex}.${field} is ${moneyText(amount)}; prices and costs cannot be negative.`,
});

/** A deal would be won, or corrected, with no line items: an order of nothing. */
export interface DealHasNoLineItems extends DomainError<'DealHasNoLineItems'> {
  readonly dealId: DealId;
}
export const dealHasNoLineItems = (dealId: DealId): DealHasNoLineItems => ({
  _tag: 'DealHasNoLineItems',
  dealId,
  message: `Deal ${dealId} has no line items; a won deal must order something.`,
});

/** The exchange rate given converts from another currency than the deal's. */
export interface ExchangeRateNotFromDealCurrency
  extends DomainError<'ExchangeRateNotFromDealCurrency'> {
  readonly expected: CurrencyCode;
  readonly actual: CurrencyCode;
}
export const exchangeRateNotFromDealCurrency = (
  expected: CurrencyCode,
  actual: CurrencyCode,
): ExchangeRateNotFromDealCurrency => ({
  _tag: 'ExchangeRateNotFromDealCurrency',
  expected,
  actual,
  message: `exchangeRate.base is ${actual}, but the deal is in ${expected}; give the rate from ${expected} to the reporting currency.`,
});

/** An invoice or payment amount is not in the deal currency. */
export interface AmountNotInDealCurrency extends DomainError<'AmountNotInDealCurrency'> {
  readonly field: string;
  readonly expected: CurrencyCode;
  readonly actual: CurrencyCode;
}
export const amountNotInDealCurrency = (
  field: string,
  expected: CurrencyCode,
  actual: CurrencyCode,
): AmountNotInDealCurrency => ({
  _tag: 'AmountNotInDealCurrency',
  field,
  expected,
  actual,
  message: `${field} is in ${actual}, but the deal is in ${expected}.`,
});

/** An invoice or payment amount is zero or negative. */
export interface AmountNotPositive extends DomainError<'AmountNotPositive'> {
  readonly field: string;
  readonly amount: Money;
}
export const amountNotPositive = (field: string, amount: Money): AmountNotPositive => ({
  _tag: 'AmountNotPositive',
  field,
  amount,
  message: `${field} is ${moneyText(amount)}; it must be more than zero.`,
});
