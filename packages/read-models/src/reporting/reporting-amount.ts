import {
  type CurrencyCode,
  convertMoney,
  type ExchangeRate,
  type Money,
} from '@crm/domain';
import * as E from 'fp-ts/lib/Either.js';

/**
 * An amount in the reporting currency, in minor units, or `null` when it cannot be converted.
 *
 * The rule every read model of this package follows (brief §6): an amount already in the
 * reporting currency is taken as it is; an amount in another currency is converted at the rate
 * recorded on the deal (exact integer arithmetic, half-to-even, `convertMoney`) when that rate
 * goes from the amount's currency to the reporting currency; otherwise (no rate, or a rate to a
 * third currency) it stays unconverted, and the read models report it apart, per currency.
 */
export const toReportingMinor = (
  amount: Money,
  rate: ExchangeRate | null,
  reportingCurrency: CurrencyCode,
): bigint | null => {
  if (amount.currency === reportingCurrency) return BigInt(amount.amountMinor);
  if (rate === null || rate.base !== amount.currency || rate.quote !== reportingCurrency) {
    return null;
  }
  const converted = convertMoney(amount, rate);
  return E.isRight(converted) ? BigInt(converted.right.amountMinor) : null;
};

/** Revenue, cost and profit of a won deal, in the reporting currency. */
export interface ReportingFigures {
  readonly revenue: bigint;
  readonly cost: bigint;
  /** `revenue − cost` after conversion, so the three always add up in the reporting currency. */
  readonly profit: bigint;
}

/**
 * A won deal's revenue and cost converted to the reporting currency (profit as their
 * difference), or `null` when the deal's amounts cannot be converted (see `toReportingMinor`).
 */
export const reportingFiguresOf = (
  figures: { readonly revenue: Money; readonly cost: Money; readonly exchangeRate: ExchangeRate | null },
  reportingCurrency: CurrencyCode,
): ReportingFigures | null => {
  const revenue = toReportingMinor(figures.revenue, figures.exchangeRate, reportingCurrency);
  const cost = toReportingMinor(figures.cost, figures.exchangeRate, reportingCurrency);
  return revenue === null || cost === null ? null : { revenue, cost, profit: revenue - cost };
};
