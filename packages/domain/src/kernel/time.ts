import * as t from 'io-ts';

export interface InstantBrand {
  readonly Instant: unique symbol;
}

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31;

// `Date.parse` rolls impossible days over (V8 reads 2026-02-30 as 2 March), so days are checked
// (by arithmetic: it runs for every instant of every event read).
const isCalendarDay = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A point in time as an ISO-8601 string with an explicit offset. The domain never reads a
 * clock: every instant it knows arrives inside a command.
 */
export const Instant = t.brand(
  t.string,
  (s): s is t.Branded<string, InstantBrand> =>
    instantPattern.test(s) && isCalendarDay(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)),
  'Instant',
);
export type Instant = t.TypeOf<typeof Instant>;

/** Milliseconds since the Unix epoch of an instant. */
export const epochMillisOf = (instant: Instant): number => Date.parse(instant);

/** Milliseconds from `from` to `to` (negative when `to` is earlier). */
export const millisBetween = (from: Instant, to: Instant): number =>
  epochMillisOf(to) - epochMillisOf(from);

/** True when `a` is strictly before `b`, whatever offsets they are written in. */
export const isBefore = (a: Instant, b: Instant): boolean => epochMillisOf(a) < epochMillisOf(b);

export interface CalendarDateBrand {
  readonly CalendarDate: unique symbol;
}

/** A calendar day, `YYYY-MM-DD`, with no time zone (an expected close date, a period bound). */
export const CalendarDate = t.brand(
  t.string,
  (s): s is t.Branded<string, CalendarDateBrand> => isCalendarDay(s),
  'CalendarDate',
);
export type CalendarDate = t.TypeOf<typeof CalendarDate>;
