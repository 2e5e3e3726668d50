import type { CalendarDate, Instant } from '@crm/domain';
import type { Random } from './random.ts';

export const second = 1_000;
export const minute = 60 * second;
export const hour = 60 * minute;
export const day = 24 * hour;

/** The instant of epoch milliseconds, to the second, in UTC (`2025-03-01T09:15:00Z`). */
export const instantOf = (ms: number): Instant =>
  `${new Date(ms).toISOString().slice(0, 19)}Z` as Instant;

/** The UTC calendar day of epoch milliseconds. */
export const calendarDateOf = (ms: number): CalendarDate =>
  new Date(ms).toISOString().slice(0, 10) as CalendarDate;

/** The instant `months` calendar months after `ms` (same day of month and time, rolling over). */
export const addMonths = (ms: number, months: number): number => {
  const d = new Date(ms);
  return Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() + months,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
};

const openingMinute = 8 * 60 + 30;
const closingMinute = 18 * 60;

/**
 * The first instant at or after `ms` that falls in office hours (08:30–18:00, Monday to
 * Friday) at the given UTC offset. An instant outside them moves to a random moment of the
 * next morning, so work does not pile up at exactly 08:30. Never earlier than `ms`.
 */
export const officeTimeFrom = (ms: number, utcOffsetHours: number, random: Random): number => {
  const rounded = Math.ceil(ms / second) * second;
  const local = new Date(rounded + utcOffsetHours * hour);
  const weekday = local.getUTCDay();
  const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
  const isWorkday = weekday >= 1 && weekday <= 5;
  if (isWorkday && minuteOfDay >= openingMinute && minuteOfDay < closingMinute) return rounded;
  const midnight = rounded - (minuteOfDay * minute + local.getUTCSeconds() * second);
  let daysAhead = isWorkday && minuteOfDay < openingMinute ? 0 : 1;
  while (![1, 2, 3, 4, 5].includes((weekday + daysAhead) % 7)) daysAhead += 1;
  const spread = Math.floor(random.between(0, 4 * hour) / second) * second;
  return midnight + daysAhead * day + openingMinute * minute + spread;
};
