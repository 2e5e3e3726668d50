import type { CurrencyCode, LineItem, MinorUnits, Quantity } from '@crm/domain';
import { baskets, interests, type Product, productOf } from './catalogue.ts';
import { moneyFromEuros } from './exchange-rates.ts';
import type { CustomerModel } from './models.ts';
import type { Random } from './random.ts';

const quantityFor = (random: Random, product: Product, customer: CustomerModel): number => {
  const company = customer.identity.kind === 'company';
  if (product.perSeat)
    return company
      ? Math.max(1, Math.round(customer.seats * random.between(0.2, 1)))
      : random.chance(0.1)
        ? 2
        : 1;
  switch (product.category) {
    case 'consumables':
      return company ? random.int(5, 40) : random.int(2, 6);
    case 'services':
      return company ? random.int(1, 5) : 1;
    default:
      return company
        ? random.int(1, Math.max(1, Math.min(10, Math.round(customer.seats / 10))))
        : 1;
  }
};

/** One line at the catalogue price in `currency`, less a discount, at today's rate. */
const lineOf = (
  product: Product,
  quantity: number,
  discount: number,
  currency: CurrencyCode,
  ms: number,
): LineItem => {
  const list = moneyFromEuros(product.listPriceEur, currency, ms, 'major');
  return {
    productId: product.productId,
    quantity: quantity as Quantity,
    unitPrice: {
      amountMinor: Math.round(list.amountMinor * (1 - discount)) as MinorUnits,
      currency,
    },
    unitCost: moneyFromEuros(product.unitCostEur, currency, ms),
  };
};

/**
 * A basket for the customer: the lead product of what they are interested in (now and then
 * something else) and some of its usual add-ons, per seat for companies, with a volume
 * discount for bigger orders.
 */
export const basketLines = (
  random: Random,
  customer: CustomerModel,
  currency: CurrencyCode,
  ms: number,
): LineItem[] => {
  const interest = random.chance(0.75) ? customer.interest : random.pick(interests);
  const basket = baskets[interest];
  const company = customer.identity.kind === 'company';
  const chosen = [productOf(random.pick(basket.lead))];
  for (const [id, p] of basket.addOns) {
    const product = productOf(id);
    if (random.chance(p) && !chosen.includes(product)) chosen.push(product);
  }
  const discount = company
    ? Math.min(0.15, (customer.seats / 400) * 0.12 + random.between(0, 0.04))
    : random.chance(0.5)
      ? 0
      : random.between(0, 0.05);
  return chosen.map((product) =>
    lineOf(product, quantityFor(random, product, customer), discount, currency, ms),
  );
};

/** The same basket with the first line's quantity changed (what a revised proposal looks like). */
export const revisedLines = (random: Random, lines: ReadonlyArray<LineItem>): LineItem[] => {
  const [first, ...rest] = lines;
  if (first === undefined) return [];
  const grown = Math.max(1, Math.round(first.quantity * random.between(0.7, 1.4)));
  const quantity = (grown === first.quantity ? first.quantity + 1 : grown) as Quantity;
  return [{ ...first, quantity }, ...rest];
};

/** Revenue of line items in minor units. */
export const revenueOf = (lines: ReadonlyArray<LineItem>): number =>
  lines.reduce((sum, line) => sum + line.quantity * line.unitPrice.amountMinor, 0);
