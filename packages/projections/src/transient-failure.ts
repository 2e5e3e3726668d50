import { isProjectionRuntimeError } from './projection-runtime-error.ts';

// SQLSTATE classes and codes that say "the database could not do it now", not "this event
// cannot be applied": connection exceptions, operator intervention (shutdown, termination),
// insufficient resources, serialization failures, deadlocks, lock timeouts.
const transientClasses = ['08', '53', '57P'];
const transientCodes = new Set(['40001', '40P01', '55P03', '57014']);
// Node's socket errors, which the driver passes on with a `code` but no SQLSTATE.
const socketCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * Whether a failure is one a later attempt may not meet (a lost connection, a server shutting
 * down, a deadlock), as opposed to a poison event. The runtime also asks the database whether
 * it is still reachable before it calls anything else poison (see `findPoison`).
 */
export const isTransientFailure = (error: unknown): boolean => {
  if (isProjectionRuntimeError(error, 'Unavailable')) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    return (
      transientCodes.has(code) ||
      socketCodes.has(code) ||
      transientClasses.some((prefix) => code.startsWith(prefix))
    );
  }
  // `pg` reports a connection that died under it without any code.
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /Connection terminated|not queryable|connection error|Client was closed/i.test(message)
  );
};
