import { AuditError } from './audit-error.ts';

/** A point in a stream's history: an instant (events that occurred at or before it) or a revision. */
export type PointInHistory =
  | { readonly kind: 'instant'; readonly instant: string; readonly epochMillis: number }
  | { readonly kind: 'revision'; readonly revision: number };

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Whether Date parsing kept the calendar fields (it rolls 2025-02-30 over to March). */
const sameDay = (text: string, millis: number, offsetMinutes: number): boolean => {
  const shifted = new Date(millis + offsetMinutes * 60_000).toISOString();
  return shifted.slice(0, 10) === text.slice(0, 10);
};

const offsetMinutesOf = (text: string): number => {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(text);
  if (match === null) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
};

/**
 * Reads an instant: ISO-8601 with an offset (`2025-06-30T12:00:00Z`, `…+02:00`), or a calendar
 * day (`2025-06-30`), which means the end of that day in UTC — "as of the 30th" includes it.
 * Returns the instant in UTC ISO form and its epoch milliseconds.
 */
export const parseInstant = (
  text: string,
  field = 'at',
): { readonly instant: string; readonly epochMillis: number } => {
  const trimmed = text.trim();
  if (datePattern.test(trimmed)) {
    const millis = Date.parse(`${trimmed}T23:59:59.999Z`);
    if (!Number.isNaN(millis) && sameDay(trimmed, millis, 0)) {
      return { instant: new Date(millis).toISOString(), epochMillis: millis };
    }
  } else if (instantPattern.test(trimmed)) {
    const millis = Date.parse(trimmed);
    if (!Number.isNaN(millis) && sameDay(trimmed, millis, offsetMinutesOf(trimmed))) {
      return { instant: new Date(millis).toISOString(), epochMillis: millis };
    }
  }
  throw new AuditError(
    'InvalidInput',
    `${field}: "${text}" is not an instant (2025-06-30T12:00:00Z) or a day (2025-06-30).`,
    field,
  );
};

/**
 * Reads `--at` of `state`: a whole number is a revision (from 0), anything else must be an
 * instant or a day (see `parseInstant`).
 */
export const parsePointInHistory = (text: string, field = 'at'): PointInHistory => {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const revision = Number(trimmed);
    if (Number.isSafeInteger(revision)) return { kind: 'revision', revision };
  }
  try {
    return { kind: 'instant', ...parseInstant(trimmed, field) };
  } catch {
    throw new AuditError(
      'InvalidInput',
      `${field}: "${text}" is not an instant (2025-06-30T12:00:00Z), a day (2025-06-30) or a revision (a whole number).`,
      field,
    );
  }
};
