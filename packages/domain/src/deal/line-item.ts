import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { ProductId } from '../kernel/ids.ts';
import {
  type CurrencyCode,
  Money,
  type MoneyError,
  multiplyMoney,
  subtractMoney,
  sumMoney,
} from '../kernel/money.ts';

export interface QuantityBrand {
  readonly Quantity: unique symbol;
}

/** A count of units ordered or delivered: a whole number from 1 to one billion. */
export const Quantity = t.brand(
  t.number,
  (n): n is t.Branded<number, QuantityBrand> => Number.isInteger(n) && n >= 1 && n <= 1e9,
  'Quantity',
);
export type Quantity = t.TypeOf<typeof Quantity>;

/** One line of a deal: a product, how many, and the unit price and unit cost in the deal currency. */
export const LineItem = t.readonly(
  t.type({ productId: ProductId, quantity: Quantity, unitPrice: Money, unitCost: Money }),
);
export type LineItem = t.TypeOf<typeof LineItem>;

/** A quantity of one product (a delivery line). */
export const ProductQuantity = t.readonly(t.type({ productId: ProductId, quantity: Quantity }));
export type ProductQuantity = t.TypeOf<typeof ProductQuantity>;

/** A quantity of one product that may be zero (what remains to deliver). */
export const RemainingQuantity = t.readonly(t.type({ productId: ProductId, quantity: t.Int }));
export type RemainingQuantity = t.TypeOf<typeof RemainingQuantity>;

/** What a set of line items is worth: revenue, cost and profit (revenue − cost, may be negative). */
export const DealTotals = t.readonly(t.type({ revenue: Money, cost: Money, profit: Money }));
export type DealTotals = t.TypeOf<typeof DealTotals>;

const sumOf = (
  currency: CurrencyCode,
  lineItems: ReadonlyArray<LineItem>,
  unit: (line: LineItem) => Money,
): E.Either<MoneyError, Money> => {
  const amounts: Money[] = [];
  for (const line of lineItems) {
    const amount = multiplyMoney(unit(line), line.quantity);
    if (E.isLeft(amount)) return amount;
    amounts.push(amount.right);
  }
  return sumMoney(currency, amounts);
};

/**
 * Revenue (Σ quantity × unit price), cost (Σ quantity × unit cost) and profit (revenue − cost) of
 * line items, exactly in integer minor units of `currency`. Fails on mixed currencies or overflow.
 */
export const dealTotalsOf = (
  currency: CurrencyCode,
  lineItems: ReadonlyArray<LineItem>,
): E.Either<MoneyError, DealTotals> => {
  const revenue = sumOf(currency, lineItems, (line) => line.unitPrice);
  if (E.isLeft(revenue)) return revenue;
  const cost = sumOf(currency, lineItems, (line) => line.unitCost);
  if (E.isLeft(cost)) return cost;
  const profit = subtractMoney(revenue.right, cost.right);
  if (E.isLeft(profit)) return profit;
  return E.right({ revenue: revenue.right, cost: cost.right, profit: profit.right });
};

/**
 * The quantity of each product, summed over lines that name the same product, in order of first
 * appearance (a product may appear on several lines, say at two prices).
 */
export const quantitiesByProduct = (
  lines: ReadonlyArray<{ readonly productId: ProductId; readonly quantity: number }>,
): ReadonlyArray<{ readonly productId: ProductId; readonly quantity: number }> => {
  const totals: Array<{ productId: ProductId; quantity: number }> = [];
  for (const line of lines) {
    const existing = totals.find((entry) => entry.productId === line.productId);
    if (existing) existing.quantity += line.quantity;
    else totals.push({ productId: line.productId, quantity: line.quantity });
  }
  return totals;
};

/** The quantity of `productId` in per-product totals (0 when absent). */
export const quantityOf = (
  totals: ReadonlyArray<{ readonly productId: ProductId; readonly quantity: number }>,
  productId: ProductId,
): number => totals.find((entry) => entry.productId === productId)?.quantity ?? 0;

const sameMoney = (a: Money, b: Money): boolean =>
  a.amountMinor === b.amountMinor && a.currency === b.currency;

/** True when two lists of line items are the same, line by line. */
export const sameLineItems = (a: ReadonlyArray<LineItem>, b: ReadonlyArray<LineItem>): boolean =>
  a.length === b.length &&
  a.every((line, i) => {
    const other = b[i];
    return (
      other !== undefined &&
      line.productId === other.productId &&
      line.quantity === other.quantity &&
      sameMoney(line.unitPrice, other.unitPrice) &&
      sameMoney(line.unitCost, other.unitCost)
    );
  });
