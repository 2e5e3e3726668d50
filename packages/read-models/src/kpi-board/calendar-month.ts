/** A calendar month in the reporting time zone, written `YYYY-MM` (sorts as text). */
export type CalendarMonth = string;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a well-formed `YYYY-MM`. */
export const isCalendarMonth = (value: string): value is CalendarMonth => monthPattern.test(value);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Returns the function that gives the calendar month (in `timeZone`) an instant falls in.
 * Building it checks the zone, so a misconfigured zone fails when the projection is made, not
 * on the first event.
 *
 * @example
 * monthInZone('Europe/Berlin')('2024-12-31T23:30:00Z') // '2025-01'
 */
export const monthInZone = (timeZone: string): ((instant: string) => CalendarMonth) => {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  });
  const utc = formatter.resolvedOptions().timeZone === 'UTC';
  return (instant) => {
    const date = new Date(instant);
    if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${instant}`);
    // UTC needs no zone database lookup, which is the common (and benchmarked) case.
    if (utc) return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}`;
    let year = 0;
    let month = 0;
    for (const part of formatter.formatToParts(date)) {
      if (part.type === 'year') year = Number(part.value);
      else if (part.type === 'month') month = Number(part.value);
    }
    return `${pad(year, 4)}-${pad(month, 2)}`;
  };
};

/** The month `count` months after `month` (before it when negative). */
export const addMonths = (month: CalendarMonth, count: number): CalendarMonth => {
  const match = monthPattern.exec(month);
  if (match === null) throw new RangeError(`Not a calendar month (YYYY-MM): ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + count;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;
};

/** Every month from `from` to `to`, both included, in order (empty when `to` is before `from`). */
export const monthsFrom = (from: CalendarMonth, to: CalendarMonth): ReadonlyArray<CalendarMonth> => {
  const months: CalendarMonth[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
};
