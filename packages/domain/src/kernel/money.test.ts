import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  CurrencyCode,
  compareMoney,
  MinorUnits,
  Money,
  minorDigitsOf,
  multiplyMoney,
  subtractMoney,
  sumMoney,
  zeroMoney,
} from './money.ts';

const currency = (code: string): CurrencyCode => {
  if (!CurrencyCode.is(code)) throw new Error(`not a currency: ${code}`);
  return code;
};

const money = (amountMinor: number, code = 'EUR'): Money => {
  const value = { amountMinor, currency: code };
  if (!Money.is(value)) throw new Error(`not money: ${JSON.stringify(value)}`);
  return value;
};

const MAX = Number.MAX_SAFE_INTEGER;
const MIN = Number.MIN_SAFE_INTEGER;

describe('CurrencyCode', () => {
  it.each(['EUR', 'USD', 'GBP', 'JPY', 'CNY', 'KWD', 'CHF'])('accepts %s', (code) => {
    expect(CurrencyCode.is(code)).toBe(true);
  });

  it.each(['eur', 'EURO', 'XYZ', '', 'E U'])('rejects %j', (code) => {
    expect(CurrencyCode.is(code)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(CurrencyCode.is(978)).toBe(false);
  });
});

describe('MinorUnits and Money', () => {
  it('accepts safe integers only', () => {
    expect(MinorUnits.is(0)).toBe(true);
    expect(MinorUnits.is(-125)).toBe(true);
    expect(MinorUnits.is(MAX)).toBe(true);
    expect(MinorUnits.is(MAX + 1)).toBe(false);
    expect(MinorUnits.is(12.5)).toBe(false);
    expect(MinorUnits.is(Number.NaN)).toBe(false);
    expect(MinorUnits.is(Number.POSITIVE_INFINITY)).toBe(false);
    expect(MinorUnits.is('100')).toBe(false);
  });

  it('decodes an amount in minor units with a currency', () => {
    expect(Money.decode({ amountMinor: 1999, currency: 'EUR' })).toEqual(
      E.right({ amountMinor: 1999, currency: 'EUR' }),
    );
    expect(E.isLeft(Money.decode({ amountMinor: 19.99, currency: 'EUR' }))).toBe(true);
    expect(E.isLeft(Money.decode({ amountMinor: 1999, currency: 'eur' }))).toBe(true);
    expect(E.isLeft(Money.decode({ amountMinor: 1999 }))).toBe(true);
  });

  it('zeroMoney is zero in the given currency', () => {
    expect(zeroMoney(currency('JPY'))).toEqual({ amountMinor: 0, currency: 'JPY' });
  });
});

describe('addMoney', () => {
  it('adds amounts of one currency', () => {
    expect(addMoney(money(1050), money(-250))).toEqual(E.right(money(800)));
  });

  it('refuses to mix currencies, naming the expected and the actual currency', () => {
    const result = addMoney(money(100, 'EUR'), money(100, 'USD'));
    expect(result).toEqual(
      E.left(expect.objectContaining({ _tag: 'CurrencyMismatch', expected: 'EUR', actual: 'USD' })),
    );
    if (E.isLeft(result)) expect(result.left.message).toMatch(/USD.*EUR/);
  });

  it('refuses to go beyond the largest safe integer', () => {
    expect(addMoney(money(MAX), money(0))).toEqual(E.right(money(MAX)));
    const result = addMoney(money(MAX), money(1));
    expect(result).toEqual(
      E.left(expect.objectContaining({ _tag: 'MoneyOutOfRange', amountMinor: String(MAX + 1) })),
    );
  });

  it('refuses to go below the smallest safe integer', () => {
    expect(addMoney(money(MIN), money(-1))).toEqual(
      E.left(
        expect.objectContaining({ _tag: 'MoneyOutOfRange', amountMinor: '-9007199254740992' }),
      ),
    );
  });
});

describe('subtractMoney', () => {
  it('subtracts amounts of one currency', () => {
    expect(subtractMoney(money(100, 'GBP'), money(250, 'GBP'))).toEqual(
      E.right(money(-150, 'GBP')),
    );
  });

  it('refuses to mix currencies', () => {
    expect(subtractMoney(money(100, 'JPY'), money(1, 'EUR'))).toEqual(
      E.left(expect.objectContaining({ _tag: 'CurrencyMismatch', expected: 'JPY', actual: 'EUR' })),
    );
  });

  it('refuses to leave the safe integer range', () => {
    expect(subtractMoney(money(MIN), money(1))).toEqual(
      E.left(expect.objectContaining({ _tag: 'MoneyOutOfRange' })),
    );
    expect(subtractMoney(money(MAX), money(-1))).toEqual(
      E.left(expect.objectContaining({ _tag: 'MoneyOutOfRange' })),
    );
  });
});

describe('multiplyMoney', () => {
  it('multiplies by an integer quantity', () => {
    expect(multiplyMoney(money(1999), 3)).toEqual(E.right(money(5997)));
    expect(multiplyMoney(money(1999), 0)).toEqual(E.right(money(0)));
    expect(multiplyMoney(money(1999), -2)).toEqual(E.right(money(-3998)));
  });

  it('is exact where floating point would not be', () => {
    // (2^52 − 1) × 2 = 2^53 − 2 is the largest even safe integer, still exact.
    expect(multiplyMoney(money(2 ** 52 - 1), 2)).toEqual(E.right(money(2 ** 53 - 2)));
  });

  it('refuses a product outside the safe integer range', () => {
    expect(multiplyMoney(money(2 ** 52), 2)).toEqual(
      E.left(expect.objectContaining({ _tag: 'MoneyOutOfRange', amountMinor: String(2n ** 53n) })),
    );
  });

  it('refuses a factor that is not a safe integer', () => {
    expect(multiplyMoney(money(100), 1.5)).toEqual(
      E.left(expect.objectContaining({ _tag: 'MoneyOutOfRange' })),
    );
    expect(multiplyMoney(money(100), Number.NaN)).toEqual(
      E.left(expect.objectContaining({ _tag: 'MoneyOutOfRange' })),
    );
  });
});

describe('sumMoney', () => {
  it('is zero in the currency for no amounts', () => {
    expect(sumMoney(currency('USD'), [])).toEqual(E.right(money(0, 'USD')));
  });

  it('sums amounts of the currency', () => {
    expect(
      sumMoney(currency('USD'), [money(1, 'USD'), money(20, 'USD'), money(-5, 'USD')]),
    ).toEqual(E.right(money(16, 'USD')));
  });

  it('refuses an amount in another currency, naming it', () => {
    expect(sumMoney(currency('USD'), [money(1, 'USD'), money(2, 'EUR')])).toEqual(
      E.left(expect.objectContaining({ _tag: 'CurrencyMismatch', expected: 'USD', actual: 'EUR' })),
    );
  });

  it('refuses a single amount whose currency differs from the requested one', () => {
    expect(sumMoney(currency('USD'), [money(2, 'EUR')])).toEqual(
      E.left(expect.objectContaining({ _tag: 'CurrencyMismatch', expected: 'USD', actual: 'EUR' })),
    );
  });

  it('refuses a total beyond the safe range even when each amount is safe', () => {
    expect(sumMoney(currency('EUR'), [money(MAX), money(MAX), money(-MAX)])).toEqual(
      E.left(expect.objectContaining({ _tag: 'MoneyOutOfRange' })),
    );
  });
});

describe('compareMoney', () => {
  it('orders amounts of one currency like a sort comparator', () => {
    expect(compareMoney(money(1), money(2))).toEqual(E.right(-1));
    expect(compareMoney(money(2), money(2))).toEqual(E.right(0));
    expect(compareMoney(money(3), money(2))).toEqual(E.right(1));
    expect(compareMoney(money(MIN), money(MAX))).toEqual(E.right(-1));
    expect(compareMoney(money(MAX), money(MAX - 1))).toEqual(E.right(1));
  });

  it('sorts a list of amounts', () => {
    const amounts = [money(30), money(-10), money(20)];
    const sorted = [...amounts].sort((a, b) => E.getOrElse(() => 0)(compareMoney(a, b)));
    expect(sorted.map((m) => m.amountMinor)).toEqual([-10, 20, 30]);
  });

  it('refuses to compare currencies', () => {
    expect(compareMoney(money(1, 'EUR'), money(1, 'GBP'))).toEqual(
      E.left(expect.objectContaining({ _tag: 'CurrencyMismatch', expected: 'EUR', actual: 'GBP' })),
    );
  });
});

describe('minorDigitsOf', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['BHD', 3],
  ])('%s has %i minor digits', (code, digits) => {
    expect(minorDigitsOf(currency(code))).toBe(digits);
  });
});
