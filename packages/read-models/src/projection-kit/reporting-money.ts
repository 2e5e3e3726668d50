import { type CurrencyCode, convertMoney, type ExchangeRate, type Money } from '@crm/domain';

/**
 * An amount in the reporting currency, or `undefined` when it cannot be converted honestly.
 *
 * The rule every read model follows (brief §6): an amount already in the reporting currency is
 * itself; otherwise it is converted at the rate recorded on the deal when it was won, exactly
 * (integer arithmetic, half-even), when that rate goes from the deal currency to the reporting
 * currency. With no rate, or a rate to some other currency, there is no honest figure: callers
 * keep such amounts unconverted, per currency, and flag them.
 */
export const toReportingMinor = (
  money: Money,
  rate: ExchangeRate | null,
  reportingCurrency: CurrencyCode,
): number | undefined => {
  if (money.currency === reportingCurrency) return money.amountMinor;
  if (rate === null || rate.base !== money.currency || rate.quote !== reportingCurrency) {
    return undefined;
  }
  const converted = convertMoney(money, rate);
  return converted._tag === 'Right' ? converted.right.amountMinor : undefined;
};
