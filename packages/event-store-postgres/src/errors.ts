import { EventStoreError } from '@crm/event-store';

/** The SQLSTATE of a driver error (`pg` and PGlite both put it in `code`), if it has one. */
export const sqlState = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { readonly code: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

/** A unique constraint refused a row: two writers raced, and the caller re-reads the state. */
export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';

/**
 * Translates whatever a driver threw into the port's one error type. A value PostgreSQL found
 * malformed (class 22, e.g. a position out of the `xid8` range) is the caller's `InvalidInput`,
 * naming `field`; everything else, connection failures first of all, is `Unavailable`: the
 * store could not answer, and an append may or may not have taken effect (retrying it is safe,
 * since appends are idempotent).
 */
export const toEventStoreError = (
  error: unknown,
  operation: string,
  field?: string,
): EventStoreError => {
  if (error instanceof EventStoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const state = sqlState(error);
  if (field !== undefined && state?.startsWith('22') === true) {
    return EventStoreError.invalidInput(field, `PostgreSQL refused it: ${message}`);
  }
  return EventStoreError.unavailable(
    `The PostgreSQL event store could not ${operation}${state === undefined ? '' : ` (SQLSTATE ${state})`}: ${message}`,
    error,
  );
};
