/** Amounts, shares and instants as people read them in a table. */

const formatters = new Map<string, Intl.NumberFormat>();

const digitsOf = (currency: string): number => {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
};

/** `123456` minor units of EUR → `"1,234.56 EUR"`; exact for any bigint. */
export const money = (
  minor: bigint | number | string | null | undefined,
  currency: string,
): string => {
  if (minor === null || minor === undefined) return '–';
  const value = BigInt(minor);
  const digits = digitsOf(currency);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const scale = 10n ** BigInt(digits);
  const whole = (absolute / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits === 0 ? '' : `.${(absolute % scale).toString().padStart(digits, '0')}`;
  return `${negative ? '-' : ''}${whole}${fraction} ${currency}`;
};

/** A count with thousands separators. */
export const count = (value: number | bigint | null | undefined): string => {
  if (value === null || value === undefined) return '–';
  let formatter = formatters.get('count');
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat('en');
    formatters.set('count', formatter);
  }
  return formatter.format(value);
};

/** `0.1234` → `"12.3 %"`; `null` → `"–"`. */
export const percent = (share: number | null | undefined, digits = 1): string =>
  share === null || share === undefined || !Number.isFinite(share)
    ? '–'
    : `${(share * 100).toFixed(digits)} %`;

/** An instant as `2025-06-30 14:05Z`. */
export const instant = (iso: string | null | undefined): string =>
  iso === null || iso === undefined ? '–' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z`;

/** A day from an instant or a date. */
export const day = (iso: string | null | undefined): string =>
  iso === null || iso === undefined ? '–' : iso.slice(0, 10);

/** A number with fixed decimals, or `–`. */
export const decimal = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);

/** Cuts text to `width` characters with an ellipsis. */
export const truncate = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
