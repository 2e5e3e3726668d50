import { type Money, minorDigitsOf } from '../kernel/money.ts';

/** An amount as people read it in messages (`1234.50 EUR`, `-7 JPY`), without any float. */
export const moneyText = (money: Money): string => {
  const digits = minorDigitsOf(money.currency);
  const sign = money.amountMinor < 0 ? '-' : '';
  const magnitude = String(Math.abs(money.amountMinor)).padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = digits > 0 ? `.${magnitude.slice(magnitude.length - digits)}` : '';
  return `${sign}${whole}${fraction} ${money.currency}`;
};
