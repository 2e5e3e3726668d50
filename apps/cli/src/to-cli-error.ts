import { isAuditError } from '@crm/audit';
import { isEventStoreError } from '@crm/event-store';
import { isImportError } from '@crm/import';
import { isProjectionPoisoned, isProjectionRuntimeError } from '@crm/projections';
import { CliError } from './cli-error.ts';

const connectionCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** A PostgreSQL or socket error as one line a user can act on. */
const databaseError = (error: { code?: unknown; message?: unknown }): CliError | undefined => {
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  if (connectionCodes.has(code) || /connect|Connection terminated|timeout/i.test(message)) {
    return new CliError('unavailable', `Cannot reach the database: ${message || code}.`);
  }
  if (code === '28P01' || code === '28000') {
    return new CliError('unavailable', `The database refused the login: ${message}.`);
  }
  if (code === '3D000') return new CliError('notFound', `${message}.`);
  if (code === '42P01' || code === '3F000') {
    return new CliError(
      'notFound',
      `The database has no CRM tables (${message}); is --database-url right? \`crm demo\` or the projector creates them.`,
    );
  }
  if (/^(08|53|57)/.test(code))
    return new CliError('unavailable', `The database failed: ${message}.`);
  return undefined;
};

/**
 * Maps the packages' typed errors to the CLI's outcomes, at the edge and nowhere else: each
 * package error keeps its own message (they name the field at fault), and gets the exit code
 * of its kind.
 */
export const toCliError = (error: unknown): CliError => {
  if (error instanceof CliError) return error;
  if (isAuditError(error)) {
    switch (error.code) {
      case 'InvalidInput':
        return new CliError('usage', error.message, { cause: error });
      case 'StreamNotFound':
      case 'RevisionNotFound':
      case 'CustomerNotFound':
        return new CliError('notFound', error.message, { cause: error });
      case 'CorruptEvent':
        return new CliError('verificationFailed', error.message, { cause: error });
      case 'Unavailable':
        return (
          databaseError(error.cause as never) ??
          new CliError('unavailable', error.message, { cause: error })
        );
      default: {
        const never: never = error.code;
        return new CliError('internal', String(never));
      }
    }
  }
  if (isImportError(error)) {
    switch (error.code) {
      case 'FileNotFound':
        return new CliError('notFound', error.message, { cause: error });
      case 'MalformedCsv':
      case 'InvalidMapping':
      case 'InvalidOption':
        return new CliError('usage', error.message, { cause: error });
      case 'Unavailable':
        return new CliError('unavailable', error.message, { cause: error });
      default: {
        const never: never = error.code;
        return new CliError('internal', String(never));
      }
    }
  }
  if (isEventStoreError(error)) {
    switch (error.code) {
      case 'InvalidInput':
        return new CliError('usage', error.message, { cause: error });
      case 'StreamDeleted':
        return new CliError('notFound', error.message, { cause: error });
      case 'Unavailable':
        return new CliError('unavailable', `The event store is unavailable: ${error.message}`, {
          cause: error,
        });
      case 'WrongExpectedRevision':
        return new CliError('internal', error.message, { cause: error });
      default: {
        const never: never = error.code;
        return new CliError('internal', String(never));
      }
    }
  }
  if (isProjectionPoisoned(error)) {
    return new CliError('verificationFailed', error.message, { cause: error });
  }
  if (isProjectionRuntimeError(error)) {
    return new CliError(error.code === 'Unavailable' ? 'unavailable' : 'internal', error.message, {
      cause: error,
    });
  }
  if (typeof error === 'object' && error !== null) {
    const mapped = databaseError(error as { code?: unknown; message?: unknown });
    if (mapped !== undefined) return mapped;
  }
  return new CliError('internal', `Unexpected error: ${messageOf(error)}`, { cause: error });
};
