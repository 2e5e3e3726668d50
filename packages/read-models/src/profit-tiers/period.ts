/**
 * A reporting period: one calendar month (`YYYY-MM`), one calendar year, or an inclusive range
 * of months, all in the reporting time zone the projection was built with.
 */
export type ProfitPeriod =
  | { readonly month: string }
  | { readonly year: number }
  | { readonly fromMonth: string; readonly toMonth: string };

/** The share thresholds of tiers A and B, as fractions of total profit (`0.8` = 80 %). */
export interface TierThresholds {
  readonly a: number;
  readonly b: number;
}

/** A = the top customers making 80 % of profit, B the next 15 %, C the rest (brief §6). */
export const defaultTierThresholds: TierThresholds = { a: 0.8, b: 0.95 };

/** A, B and C share the profit; D is loss-making. */
export type ProfitTier = 'A' | 'B' | 'C' | 'D';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Throws a `RangeError` for a malformed period or thresholds: a caller's mistake, not data. */
export const checkPeriod = (period: ProfitPeriod): void => {
  const months =
    'month' in period ? [period.month] : 'year' in period ? [] : [period.fromMonth, period.toMonth];
  for (const month of months) {
    if (!monthPattern.test(month)) throw new RangeError(`"${month}" is not a YYYY-MM month`);
  }
  if ('year' in period && !Number.isInteger(period.year)) {
    throw new RangeError(`${period.year} is not a year`);
  }
};

/** Throws a `RangeError` unless 0 < a ≤ b ≤ 1. */
export const checkThresholds = ({ a, b }: TierThresholds): void => {
  if (!(a > 0 && a <= b && b <= 1)) {
    throw new RangeError(`tier thresholds must satisfy 0 < a ≤ b ≤ 1 (got a=${a}, b=${b})`);
  }
};
