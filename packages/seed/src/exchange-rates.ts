import {
  type CurrencyCode,
  type DecimalRate,
  type ExchangeRate,
  type MinorUnits,
  type Money,
  minorDigitsOf,
} from '@crm/domain';

// Units of each currency one euro bought around 2024–2025; rates drift around these.
const unitsPerEuroBase: Readonly<Record<string, number>> = {
  EUR: 1,
  USD: 1.08,
  GBP: 0.855,
  CHF: 0.95,
  JPY: 160,
  CNY: 7.8,
};

/** The currencies the generator can price in and report in. */
export const supportedCurrencies: ReadonlyArray<string> = Object.keys(unitsPerEuroBase);

const monthMs = 30.44 * 24 * 3_600_000;

/**
 * Units of `currency` per euro at an instant: the base rate with a slow, smooth drift of a few
 * percent (a function of time only, so every run records the same rates).
 */
export const unitsPerEuro = (currency: string, ms: number): number => {
  const base = unitsPerEuroBase[currency];
  if (base === undefined) throw new RangeError(`No exchange rate for ${currency}`);
  if (currency === 'EUR') return 1;
  const phase = currency.charCodeAt(0) + currency.charCodeAt(1) * 7;
  const months = ms / monthMs;
  return base * (1 + 0.035 * Math.sin(months / 5 + phase) + 0.01 * Math.sin(months * 1.3 + phase));
};

/** The rate from `base` to `quote` at an instant, to six decimal places, as the domain records it. */
export const exchangeRateAt = (
  base: CurrencyCode,
  quote: CurrencyCode,
  ms: number,
): ExchangeRate => ({
  base,
  quote,
  rate: (unitsPerEuro(quote, ms) / unitsPerEuro(base, ms)).toFixed(6) as DecimalRate,
});

const digitsCache = new Map<string, number>();

/** Minor digits of a currency (2 for EUR, 0 for JPY), cached: Intl is slow to ask. */
export const minorDigits = (currency: CurrencyCode): number => {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = minorDigitsOf(currency);
    digitsCache.set(currency, digits);
  }
  return digits;
};

/**
 * An amount given in euros, in `currency` at the rate of the instant, rounded to a whole
 * number of the currency's major units when `round` says so (prices end in `.00`), else to its
 * minor unit.
 */
export const moneyFromEuros = (
  euros: number,
  currency: CurrencyCode,
  ms: number,
  round: 'major' | 'minor' = 'minor',
): Money => {
  const major = euros * unitsPerEuro(currency, ms);
  const scale = 10 ** minorDigits(currency);
  const amountMinor = round === 'major' ? Math.round(major) * scale : Math.round(major * scale);
  return { amountMinor: amountMinor as MinorUnits, currency };
};

/** An amount in euros (for thresholds that must not depend on the deal's currency). */
export const eurosOf = (money: Money, ms: number): number =>
  money.amountMinor / 10 ** minorDigits(money.currency) / unitsPerEuro(money.currency, ms);
