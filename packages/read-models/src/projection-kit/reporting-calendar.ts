const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/**
 * The calendar month (`YYYY-MM`) an instant falls in, in the reporting time zone. Computed from
 * the event's own instant, never from a clock, so a rebuild files every event where it was.
 *
 * @example
 * reportingMonthOf('2025-01-31T23:30:00Z', 'Europe/Berlin'); // '2025-02'
 */
export const reportingMonthOf = (instant: string, timeZone: string): string => {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const year = parts.find((part) => part.type === 'year')?.value ?? '0000';
  const month = parts.find((part) => part.type === 'month')?.value ?? '01';
  return `${year}-${month}`;
};

/** The calendar year of a `YYYY-MM` month. */
export const yearOfMonth = (month: string): number => Number(month.slice(0, 4));
