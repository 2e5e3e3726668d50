import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  type CurrencyMismatch,
  currencyMismatch,
  type MoneyOutOfRange,
  moneyOutOfRange,
} from './domain-error.ts';
import { CurrencyCode, type MinorUnits, type Money, minorDigitsOf } from './money.ts';

export interface DecimalRateBrand {
  readonly DecimalRate: unique symbol;
}

/** A positive decimal written as a string (`"1.0834"`), so no rate ever passes through a float. */
export const DecimalRate = t.brand(
  t.string,
  (s): s is t.Branded<string, DecimalRateBrand> =>
    /^(0|[1-9]\d{0,11})(\.\d{1,12})?$/.test(s) && /[1-9]/.test(s),
  'DecimalRate',
);
export type DecimalRate = t.TypeOf<typeof DecimalRate>;

/** One unit of `base` is worth `rate` units of `quote` (EUR→USD 1.0834). */
export const ExchangeRate = t.readonly(
  t.type({ base: CurrencyCode, quote: CurrencyCode, rate: DecimalRate }),
);
export type ExchangeRate = t.TypeOf<typeof ExchangeRate>;

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Rounds `numerator / denominator` to the nearest integer, ties to even (banker's rounding). */
const divideHalfEven = (numerator: bigint, denominator: bigint): bigint => {
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  const roundUp = twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n);
  return sign * (roundUp ? quotient + 1n : quotient);
};

/**
 * Converts an amount at a recorded rate, exactly in integer arithmetic, adjusting for the two
 * currencies' minor digits and rounding half to even. Converting into the same currency is the
 * identity whatever the rate says.
 */
export const convertMoney = (
  money: Money,
  rate: ExchangeRate,
): E.Either<CurrencyMismatch | MoneyOutOfRange, Money> => {
  if (money.currency !== rate.base) return E.left(currencyMismatch(rate.base, money.currency));
  if (rate.base === rate.quote) return E.right(money);
  const [whole = '0', fraction = ''] = rate.rate.split('.');
  const rateScaled = BigInt(whole + fraction);
  const digitShift = minorDigitsOf(rate.quote) - minorDigitsOf(rate.base);
  const numerator =
    BigInt(money.amountMinor) * rateScaled * (digitShift > 0 ? pow10(digitShift) : 1n);
  const denominator = pow10(fraction.length) * (digitShift < 0 ? pow10(-digitShift) : 1n);
  const converted = divideHalfEven(numerator, denominator);
  return converted > BigInt(Number.MAX_SAFE_INTEGER) || converted < BigInt(Number.MIN_SAFE_INTEGER)
    ? E.left(moneyOutOfRange(converted))
    : E.right({ amountMinor: Number(converted) as MinorUnits, currency: rate.quote });
};
