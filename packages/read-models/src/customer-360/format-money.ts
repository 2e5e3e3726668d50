import { type CurrencyCode, minorDigitsOf } from '@crm/domain';

/**
 * An amount for a timeline title, exactly (`1,234.50 EUR`, `-3 JPY`), without floating point.
 *
 * @example
 * formatMinor(123450, 'EUR'); // '1,234.50 EUR'
 */
const digitsByCurrency = new Map<string, number>();

export const formatMinor = (amountMinor: number | bigint, currency: string): string => {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    // Building an Intl.NumberFormat per call costs more than the rest of a timeline entry.
    digits = minorDigitsOf(currency as CurrencyCode);
    digitsByCurrency.set(currency, digits);
  }
  const value = BigInt(amountMinor);
  const sign = value < 0n ? '-' : '';
  const text = (value < 0n ? -value : value).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${sign}${whole}${fraction} ${currency}`;
};
