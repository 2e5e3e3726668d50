import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { convertMoney, DecimalRate, ExchangeRate } from './exchange-rate.ts';
import { Money } from './money.ts';

const money = (amountMinor: number, currency: string): Money => {
  const value = { amountMinor, currency };
  if (!Money.is(value)) throw new Error(`not money: ${JSON.stringify(value)}`);
  return value;
};

const rate = (base: string, quote: string, decimal: string): ExchangeRate => {
  const value = { base, quote, rate: decimal };
  if (!ExchangeRate.is(value)) throw new Error(`not a rate: ${JSON.stringify(value)}`);
  return value;
};

const converted = (amountMinor: number, from: string, to: string, decimal: string) =>
  convertMoney(money(amountMinor, from), rate(from, to, decimal));

describe('DecimalRate', () => {
  it.each(['1', '1.0834', '0.5', '150.25', '0.000000000001', '999999999999.999999999999'])(
    'accepts %s',
    (s) => {
      expect(DecimalRate.is(s)).toBe(true);
    },
  );

  it.each([
    '0',
    '0.0',
    '0.000',
    '-1',
    '1.',
    '.5',
    '01.5',
    '1e5',
    '1,5',
    '1.0000000000001',
    '1000000000000',
    '',
    ' 1',
  ])('rejects %j', (s) => {
    expect(DecimalRate.is(s)).toBe(false);
  });

  it('rejects numbers: a rate never passes through a float', () => {
    expect(DecimalRate.is(1.5)).toBe(false);
  });
});

describe('ExchangeRate', () => {
  it('decodes a base, a quote and a decimal rate', () => {
    expect(ExchangeRate.decode({ base: 'EUR', quote: 'USD', rate: '1.0834' })).toEqual(
      E.right({ base: 'EUR', quote: 'USD', rate: '1.0834' }),
    );
    expect(E.isLeft(ExchangeRate.decode({ base: 'EUR', quote: 'USD', rate: 1.0834 }))).toBe(true);
    expect(E.isLeft(ExchangeRate.decode({ base: 'EUR', quote: 'usd', rate: '1' }))).toBe(true);
  });
});

describe('convertMoney', () => {
  it('converts exactly between currencies with the same minor digits', () => {
    expect(converted(10_000, 'EUR', 'USD', '1.0834')).toEqual(E.right(money(10_834, 'USD')));
    expect(converted(123_456_789, 'EUR', 'USD', '1.0834')).toEqual(
      // 123456789 × 1.0834 = 133753085.2026 → 133753085
      E.right(money(133_753_085, 'USD')),
    );
  });

  it('converts at a whole-number rate', () => {
    expect(converted(250, 'GBP', 'EUR', '2')).toEqual(E.right(money(500, 'EUR')));
  });

  it.each([
    // amount × 1.5: ties go to the even neighbour.
    [1, 2], // 1.5 → 2
    [3, 4], // 4.5 → 4
    [5, 8], // 7.5 → 8
    [7, 10], // 10.5 → 10
    [-1, -2], // -1.5 → -2
    [-3, -4], // -4.5 → -4
    [-5, -8], // -7.5 → -8
  ])('rounds a tie half to even: %i × 1.5 → %i', (amount, expected) => {
    expect(converted(amount, 'EUR', 'USD', '1.5')).toEqual(E.right(money(expected, 'USD')));
  });

  it('rounds non-ties to the nearest integer in both directions', () => {
    expect(converted(1, 'EUR', 'USD', '1.49')).toEqual(E.right(money(1, 'USD')));
    expect(converted(1, 'EUR', 'USD', '1.51')).toEqual(E.right(money(2, 'USD')));
    expect(converted(-1, 'EUR', 'USD', '1.51')).toEqual(E.right(money(-2, 'USD')));
    expect(converted(1, 'EUR', 'USD', '0.5')).toEqual(E.right(money(0, 'USD')));
    expect(converted(3, 'EUR', 'USD', '0.5')).toEqual(E.right(money(2, 'USD')));
  });

  it('shifts minor digits from cents to yen (USD → JPY)', () => {
    // 1.00 USD × 150.25 = 150.25 JPY → 150
    expect(converted(100, 'USD', 'JPY', '150.25')).toEqual(E.right(money(150, 'JPY')));
    // 2.00 USD → 300.5 JPY: a tie, 300 is even
    expect(converted(200, 'USD', 'JPY', '150.25')).toEqual(E.right(money(300, 'JPY')));
    // 6.00 USD → 901.5 JPY: a tie, 902 is even
    expect(converted(600, 'USD', 'JPY', '150.25')).toEqual(E.right(money(902, 'JPY')));
    // 0.01 USD → 1.5025 JPY → 2
    expect(converted(1, 'USD', 'JPY', '150.25')).toEqual(E.right(money(2, 'JPY')));
  });

  it('shifts minor digits from yen to cents (JPY → USD)', () => {
    // 1000 JPY × 0.0067 = 6.70 USD
    expect(converted(1000, 'JPY', 'USD', '0.0067')).toEqual(E.right(money(670, 'USD')));
    // 1 JPY = 0.67 cents → 1 cent
    expect(converted(1, 'JPY', 'USD', '0.0067')).toEqual(E.right(money(1, 'USD')));
    // 75 JPY = 50.25 cents → 50
    expect(converted(75, 'JPY', 'USD', '0.0067')).toEqual(E.right(money(50, 'USD')));
    // 1 JPY × 0.005 = 0.5 cent: a tie, 0 is even; 3 JPY = 1.5 cents → 2
    expect(converted(1, 'JPY', 'USD', '0.005')).toEqual(E.right(money(0, 'USD')));
    expect(converted(3, 'JPY', 'USD', '0.005')).toEqual(E.right(money(2, 'USD')));
  });

  it('handles three minor digits (KWD)', () => {
    // 1.00 USD × 0.3075 = 0.3075 KWD = 307.5 fils: a tie, 308 is even
    expect(converted(100, 'USD', 'KWD', '0.3075')).toEqual(E.right(money(308, 'KWD')));
    // 0.01 USD = 3.075 fils → 3
    expect(converted(1, 'USD', 'KWD', '0.3075')).toEqual(E.right(money(3, 'KWD')));
    // 1.000 KWD × 2.5 = 2.50 EUR; 6 fils = 1.5 cents → 2; 2 fils = 0.5 cent → 0
    expect(converted(1000, 'KWD', 'EUR', '2.5')).toEqual(E.right(money(250, 'EUR')));
    expect(converted(6, 'KWD', 'EUR', '2.5')).toEqual(E.right(money(2, 'EUR')));
    expect(converted(2, 'KWD', 'EUR', '2.5')).toEqual(E.right(money(0, 'EUR')));
    // 3 fils × 500 = 1.5 JPY → 2; 1 fil → 0.5 JPY → 0
    expect(converted(3, 'KWD', 'JPY', '500')).toEqual(E.right(money(2, 'JPY')));
    expect(converted(1, 'KWD', 'JPY', '500')).toEqual(E.right(money(0, 'JPY')));
  });

  it('is the identity when base and quote are the same currency, whatever the rate', () => {
    const amount = money(12_345, 'EUR');
    expect(convertMoney(amount, rate('EUR', 'EUR', '1'))).toEqual(E.right(amount));
    expect(convertMoney(amount, rate('EUR', 'EUR', '2.5'))).toEqual(E.right(amount));
  });

  it('refuses money that is not in the base currency', () => {
    expect(convertMoney(money(100, 'GBP'), rate('EUR', 'USD', '1.0834'))).toEqual(
      E.left(expect.objectContaining({ _tag: 'CurrencyMismatch', expected: 'EUR', actual: 'GBP' })),
    );
    // Even an identity rate must be in the money's currency.
    expect(convertMoney(money(100, 'GBP'), rate('EUR', 'EUR', '1'))).toEqual(
      E.left(expect.objectContaining({ _tag: 'CurrencyMismatch', expected: 'EUR', actual: 'GBP' })),
    );
  });

  it('refuses a result outside the safe integer range', () => {
    expect(converted(Number.MAX_SAFE_INTEGER, 'EUR', 'USD', '2')).toEqual(
      E.left(expect.objectContaining({ _tag: 'MoneyOutOfRange' })),
    );
    expect(converted(Number.MIN_SAFE_INTEGER, 'USD', 'KWD', '1')).toEqual(
      E.left(expect.objectContaining({ _tag: 'MoneyOutOfRange' })),
    );
  });

  it('keeps large amounts exact where a float product would not be', () => {
    // 9007199254740991 × 0.1 = 900719925474099.1 → 900719925474099
    expect(converted(Number.MAX_SAFE_INTEGER, 'EUR', 'USD', '0.1')).toEqual(
      E.right(money(900_719_925_474_099, 'USD')),
    );
  });
});
