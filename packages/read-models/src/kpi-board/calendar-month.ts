/** A calendar month in the reporting time zone, written `YYYY-MM` (sorts as text). */
export type CalendarMonth = string;

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a well-formed `YYYY-MM`. */
export const isCalendarMonth = (value: string): value is CalendarMonth => monthPattern.test(value);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The month `count` months after `month` (before it when negative). */
export const addMonths = (month: CalendarMonth, count: number): CalendarMonth => {
  const match = monthPattern.exec(month);
  if (match === null) throw new RangeError(`Not a calendar month (YYYY-MM): ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + count;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;
};

/** Every month from `from` to `to`, both included, in order (empty when `to` is before `from`). */
export const monthsFrom = (
  from: CalendarMonth,
  to: CalendarMonth,
): ReadonlyArray<CalendarMonth> => {
  const months: CalendarMonth[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
};
