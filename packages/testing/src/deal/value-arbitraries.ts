import {
  CampaignId,
  type CurrencyCode,
  CustomerId,
  type DecimalRate,
  type EntryId,
  type ExchangeRate,
  type LineItem,
  type MinorUnits,
  type Money,
  type OpenDealStage,
  openDealStages,
  ProductId,
  type ProductQuantity,
  type Quantity,
  type WinProbabilityPercent,
} from '@crm/domain';
import * as fc from 'fast-check';
import { currencyArbitrary, idFrom } from '../kernel-arbitraries.ts';

/**
 * `fc.record` drawing only plain objects: fast-check 4 may otherwise draw null-prototype ones,
 * which no JSON decoder produces and which `structuredClone` (used by the decider laws) turns
 * into plain objects, so a deep comparison would report a change that never happened.
 */
export const plainRecord: typeof fc.record = (model, constraints) =>
  fc.record(model, { ...constraints, noNullPrototype: true });

/** Customers from a pool of three. */
export const customerIdArbitrary = idFrom(CustomerId, 'cust-', 3);
/** Campaigns from a pool of two. */
export const campaignIdArbitrary = idFrom(CampaignId, 'camp-', 2);
/** Products from a pool of three, so deliveries name products that were ordered. */
export const productIdArbitrary = idFrom(ProductId, 'prod-', 3);

/** Entry ids (deliveries, invoices, payments) `<prefix>1`…`<prefix>poolSize`. */
export const entryIdArbitrary = (prefix: string, poolSize: number): fc.Arbitrary<EntryId> =>
  fc.integer({ min: 1, max: poolSize }).map((n) => `${prefix}${n}` as EntryId);

/** Any `OpenDealStage`. */
export const openDealStageArbitrary: fc.Arbitrary<OpenDealStage> = fc.constantFrom(
  ...openDealStages,
);

/** Whole percentages 0–100. */
export const winProbabilityArbitrary: fc.Arbitrary<WinProbabilityPercent> = fc
  .integer({ min: 0, max: 100 })
  .map((n) => n as WinProbabilityPercent);

/** Quantities 1…`max`. */
export const quantityArbitrary = (max = 10): fc.Arbitrary<Quantity> =>
  fc.integer({ min: 1, max }).map((n) => n as Quantity);

/** Amounts in `currency` from `min` to `max` minor units. */
export const amountIn = (
  currency: fc.Arbitrary<CurrencyCode>,
  min: number,
  max: number,
): fc.Arbitrary<Money> =>
  plainRecord({
    amountMinor: fc.integer({ min, max }).map((n) => n as MinorUnits),
    currency,
  });

/** Mostly EUR, sometimes another currency: deals land and currency mix-ups still get tried. */
export const mostlyEuro: fc.Arbitrary<CurrencyCode> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('EUR' as CurrencyCode) },
  { weight: 1, arbitrary: currencyArbitrary },
);

/** A line item priced and costed in `currency` (up to 1,000.00 a unit, up to 10 units). */
export const lineItemArbitrary = (currency: fc.Arbitrary<CurrencyCode>): fc.Arbitrary<LineItem> =>
  plainRecord({
    productId: productIdArbitrary,
    quantity: quantityArbitrary(10),
    unitPrice: amountIn(currency, 0, 100_000),
    unitCost: amountIn(currency, 0, 100_000),
  });

/** A delivery line: a product and 1…4 units. */
export const productQuantityArbitrary: fc.Arbitrary<ProductQuantity> = plainRecord({
  productId: productIdArbitrary,
  quantity: quantityArbitrary(4),
});

const rates = ['1', '0.92', '1.0834', '157.3', '0.0064'].map((r) => r as DecimalRate);

/** A rate from `base` to one of five reporting currencies. */
export const exchangeRateArbitrary = (
  base: fc.Arbitrary<CurrencyCode>,
): fc.Arbitrary<ExchangeRate> =>
  plainRecord({ base, quote: currencyArbitrary, rate: fc.constantFrom(...rates) });
