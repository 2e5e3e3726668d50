import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  type CurrencyMismatch,
  currencyMismatch,
  type MoneyOutOfRange,
  moneyOutOfRange,
} from './domain-error.ts';

const isoCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export interface CurrencyCodeBrand {
  readonly CurrencyCode: unique symbol;
}

/** An ISO-4217 alphabetic code (`EUR`, `JPY`). */
export const CurrencyCode = t.brand(
  t.string,
  (s): s is t.Branded<string, CurrencyCodeBrand> => isoCurrencies.has(s),
  'CurrencyCode',
);
export type CurrencyCode = t.TypeOf<typeof CurrencyCode>;

export interface MinorUnitsBrand {
  readonly MinorUnits: unique symbol;
}

/** An integer count of a currency's minor unit (cents, pence, yen), within the safe range. */
export const MinorUnits = t.brand(
  t.number,
  (n): n is t.Branded<number, MinorUnitsBrand> => Number.isSafeInteger(n),
  'MinorUnits',
);
export type MinorUnits = t.TypeOf<typeof MinorUnits>;

/** An amount of money: integer minor units and a currency. Never a floating-point amount. */
export const Money = t.readonly(t.type({ amountMinor: MinorUnits, currency: CurrencyCode }));
export type Money = t.TypeOf<typeof Money>;

export type MoneyError = CurrencyMismatch | MoneyOutOfRange;

const checked = (amount: bigint, currency: CurrencyCode): E.Either<MoneyOutOfRange, Money> =>
  amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)
    ? E.left(moneyOutOfRange(amount))
    : E.right({ amountMinor: Number(amount) as MinorUnits, currency });

/** Zero in the given currency. */
export const zeroMoney = (currency: CurrencyCode): Money => ({
  amountMinor: 0 as MinorUnits,
  currency,
});

/** `a + b`; refuses to mix currencies or to leave the safe integer range. */
export const addMoney = (a: Money, b: Money): E.Either<MoneyError, Money> =>
  a.currency !== b.currency
    ? E.left(currencyMismatch(a.currency, b.currency))
    : checked(BigInt(a.amountMinor) + BigInt(b.amountMinor), a.currency);

/** `a - b`; refuses to mix currencies or to leave the safe integer range. */
export const subtractMoney = (a: Money, b: Money): E.Either<MoneyError, Money> =>
  a.currency !== b.currency
    ? E.left(currencyMismatch(a.currency, b.currency))
    : checked(BigInt(a.amountMinor) - BigInt(b.amountMinor), a.currency);

/** `money × factor` for an integer factor (a quantity). */
export const multiplyMoney = (money: Money, factor: number): E.Either<MoneyOutOfRange, Money> =>
  Number.isSafeInteger(factor)
    ? checked(BigInt(money.amountMinor) * BigInt(factor), money.currency)
    : E.left(moneyOutOfRange(factor));

/** The sum of amounts that must all be in `currency`. */
export const sumMoney = (
  currency: CurrencyCode,
  amounts: ReadonlyArray<Money>,
): E.Either<MoneyError, Money> =>
  amounts.reduce<E.Either<MoneyError, Money>>(
    (total, next) => E.flatMap(total, (sum) => addMoney(sum, next)),
    E.right(zeroMoney(currency)),
  );

/** Compares amounts of one currency: negative, zero or positive like `Array.sort`'s comparator. */
export const compareMoney = (a: Money, b: Money): E.Either<CurrencyMismatch, number> =>
  a.currency !== b.currency
    ? E.left(currencyMismatch(a.currency, b.currency))
    : E.right(Math.sign(a.amountMinor - b.amountMinor));

/** How many decimal places the currency's minor unit has (2 for EUR, 0 for JPY, 3 for KWD). */
export const minorDigitsOf = (currency: CurrencyCode): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;
