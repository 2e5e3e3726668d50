import type { CurrencyCode, ExchangeRate, LineItem, Money } from '@crm/domain';
import { toReportingMinor } from '../projection-kit/index.ts';

/** Revenue, cost, profit and counts that one won deal (or a correction) adds to a bucket. */
export interface Amounts {
  revenue: bigint;
  cost: bigint;
  profit: bigint;
  quantity: bigint;
  orders: number;
}

/** Where an amount goes: converted into the reporting currency, or kept in its own currency. */
export type Bucket =
  | { readonly converted: true }
  | { readonly converted: false; readonly currency: CurrencyCode };

/** One subject's share of a won deal, already signed (+1 for a win, −1 to retract figures). */
export interface Contribution {
  readonly subject: 'customer' | 'product';
  readonly subjectId: string;
  readonly bucket: Bucket;
  readonly amounts: Amounts;
}

/** The figures of a won deal that contributions are computed from. */
export interface WonFigures {
  readonly currency: CurrencyCode;
  readonly lineItems: ReadonlyArray<LineItem>;
  readonly revenue: Money;
  readonly cost: Money;
  readonly exchangeRate: ExchangeRate | null;
}

const money = (amountMinor: number, currency: CurrencyCode): Money =>
  ({ amountMinor, currency }) as Money;

/*
 * Revenue and cost are converted separately and profit is their difference in the reporting
 * currency, so revenue − cost = profit holds in every report row (converting profit on its own
 * could differ by a rounding unit).
 */
const amountsOf = (
  revenue: Money,
  cost: Money,
  rate: ExchangeRate | null,
  reporting: CurrencyCode,
  sign: 1n | -1n,
  quantity: bigint,
): { readonly bucket: Bucket; readonly amounts: Amounts } => {
  const convertedRevenue = toReportingMinor(revenue, rate, reporting);
  const convertedCost = toReportingMinor(cost, rate, reporting);
  const orders = sign === 1n ? 1 : -1;
  if (convertedRevenue === undefined || convertedCost === undefined) {
    const r = BigInt(revenue.amountMinor);
    const c = BigInt(cost.amountMinor);
    return {
      bucket: { converted: false, currency: revenue.currency },
      amounts: {
        revenue: sign * r,
        cost: sign * c,
        profit: sign * (r - c),
        quantity: sign * quantity,
        orders,
      },
    };
  }
  const r = BigInt(convertedRevenue);
  const c = BigInt(convertedCost);
  return {
    bucket: { converted: true },
    amounts: {
      revenue: sign * r,
      cost: sign * c,
      profit: sign * (r - c),
      quantity: sign * quantity,
      orders,
    },
  };
};

/**
 * What a won deal's figures contribute: one entry for the customer and one per product (its line
 * items summed per product in the deal currency, then converted). `sign` −1 retracts figures a
 * correction replaces.
 */
export const contributionsOf = (
  customerId: string,
  figures: WonFigures,
  reporting: CurrencyCode,
  sign: 1n | -1n,
): ReadonlyArray<Contribution> => {
  const customer = amountsOf(
    figures.revenue,
    figures.cost,
    figures.exchangeRate,
    reporting,
    sign,
    0n,
  );
  const perProduct = new Map<string, { revenue: bigint; cost: bigint; quantity: bigint }>();
  for (const line of figures.lineItems) {
    const entry = perProduct.get(line.productId) ?? { revenue: 0n, cost: 0n, quantity: 0n };
    const quantity = BigInt(line.quantity);
    entry.revenue += quantity * BigInt(line.unitPrice.amountMinor);
    entry.cost += quantity * BigInt(line.unitCost.amountMinor);
    entry.quantity += quantity;
    perProduct.set(line.productId, entry);
  }
  const products = [...perProduct].map(([productId, entry]): Contribution => {
    const { bucket, amounts } = amountsOf(
      money(Number(entry.revenue), figures.currency),
      money(Number(entry.cost), figures.currency),
      figures.exchangeRate,
      reporting,
      sign,
      entry.quantity,
    );
    return { subject: 'product', subjectId: productId, bucket, amounts };
  });
  return [{ subject: 'customer', subjectId: customerId, ...customer }, ...products];
};
