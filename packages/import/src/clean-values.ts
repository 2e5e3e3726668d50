import { CurrencyCode, minorDigitsOf } from '@crm/domain';

/** A value read from a cell, or why it could not be. */
export type Cleaned<TValue> =
  | { readonly ok: true; readonly value: TValue }
  | { readonly ok: false; readonly message: string };

const ok = <TValue>(value: TValue): Cleaned<TValue> => ({ ok: true, value });
const bad = <TValue>(message: string): Cleaned<TValue> => ({ ok: false, message });

/** Trims and collapses inner whitespace (`"  Ada   Lovelace "` → `"Ada Lovelace"`). */
export const tidyText = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** How dates written with slashes are read: day first (31/12/2025) or month first (12/31/2025). */
export type DateOrder = 'dmy' | 'mdy';

const pad = (n: number): string => String(n).padStart(2, '0');

const validDay = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};

/**
 * Reads a day or an instant: `2025-06-30`, `2025-06-30T09:15:00Z` (any offset; a time without
 * one is UTC), `2025-06-30 09:15`, and with a date order `30/06/2025` or `06/30/2025` (also `.`
 * or `-` between). A day alone is midnight UTC. Returns the instant in ISO form.
 */
export const cleanInstant = (text: string, order: DateOrder | undefined): Cleaned<string> => {
  const value = text.trim();
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value,
    );
  if (iso !== null) {
    const [, y, m, d, hh = '00', mm = '00', ss = '00', fraction = '', zone = 'Z'] = iso;
    if (
      !validDay(Number(y), Number(m), Number(d)) ||
      Number(hh) > 23 ||
      Number(mm) > 59 ||
      Number(ss) > 59
    ) {
      return bad(`"${text}" is not a real date`);
    }
    const offset =
      zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const millis = Date.parse(`${y}-${m}-${d}T${hh}:${mm}:${ss}${fraction.slice(0, 4)}${offset}`);
    return Number.isNaN(millis)
      ? bad(`"${text}" is not a date`)
      : ok(new Date(millis).toISOString());
  }
  const slashed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (slashed !== null) {
    if (order === undefined) {
      return bad(
        `"${text}" could be day/month or month/day: give the date order (dmy or mdy), or write 2025-06-30`,
      );
    }
    const first = Number(slashed[1]);
    const second = Number(slashed[2]);
    const [day, month] = order === 'dmy' ? [first, second] : [second, first];
    const year = Number(slashed[3]);
    return validDay(year, month, day)
      ? ok(`${year}-${pad(month)}-${pad(day)}T00:00:00.000Z`)
      : bad(`"${text}" is not a real date (read as ${order})`);
  }
  return bad(`"${text}" is not a date; write 2025-06-30 or 2025-06-30T09:15:00Z`);
};

/** An amount in minor units of a currency. */
export interface CleanAmount {
  readonly minor: number;
  /** The currency written in the cell (`1200 USD`, `$1,200`), if any. */
  readonly currency: string | undefined;
}

const symbols: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

/**
 * Reads a money amount as people write it: `1234.5`, `1,234.50`, `1.234,50`, `1 234,50`,
 * `€99,90`, `1200 USD`. A single `,` or `.` followed by exactly three digits is a thousands
 * separator; the last separator followed by one or two digits is the decimal point. The result
 * is exact integer minor units of `currency` (more decimals than the currency has is refused).
 */
export const cleanAmount = (text: string, fallbackCurrency: string): Cleaned<CleanAmount> => {
  let value = text.trim();
  let currency: string | undefined;
  const code = /(?:^([A-Z]{3})\s*|\s*([A-Z]{3})$)/.exec(value);
  if (code !== null) {
    currency = code[1] ?? code[2];
    value = value.replace(code[0], '').trim();
  }
  const symbol = /^[$€£¥]|[$€£¥]$/.exec(value);
  if (symbol !== null) {
    currency ??= symbols[symbol[0]];
    value = value.replace(symbol[0], '').trim();
  }
  const negative = value.startsWith('-') || /^\(.*\)$/.test(value);
  value = value.replace(/^-|^\(|\)$/g, '').replace(/[\s\u00a0']/g, '');
  if (!/^\d[\d.,]*$/.test(value)) return bad(`"${text}" is not an amount`);
  const lastSeparator = Math.max(value.lastIndexOf('.'), value.lastIndexOf(','));
  let whole = value;
  let fraction = '';
  if (lastSeparator >= 0) {
    const after = value.slice(lastSeparator + 1);
    // Three digits after the last separator read as thousands (`1,234`, `1.234`), unless the
    // whole part is 0 (`0.125`).
    const isDecimal = after.length !== 3 || value.slice(0, lastSeparator) === '0';
    if (isDecimal) {
      whole = value.slice(0, lastSeparator);
      fraction = after;
    }
    if (!/^\d+$|^\d{1,3}(\.\d{3})+$|^\d{1,3}(,\d{3})+$/.test(whole)) {
      return bad(`"${text}" is not an amount`);
    }
    whole = whole.replace(/[.,]/g, '');
  }
  const effective = currency ?? fallbackCurrency;
  if (!CurrencyCode.is(effective)) return bad(`"${effective}" is not an ISO 4217 currency`);
  const digits = minorDigitsOf(effective);
  if (fraction.length > digits) {
    return bad(`"${text}" has more decimals than ${effective} has (${digits})`);
  }
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return bad(`"${text}" is too large`);
  return ok({ minor: negative ? -minor : minor, currency });
};

/** A whole number ≥ 1. */
export const cleanCount = (text: string): Cleaned<number> => {
  const value = Number(text.trim().replace(/[\s,]/g, ''));
  return Number.isInteger(value) && value >= 1 && value <= 1e9
    ? ok(value)
    : bad(`"${text}" is not a whole number of units`);
};
