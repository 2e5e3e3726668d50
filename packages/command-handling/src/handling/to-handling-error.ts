import { isEventStoreError } from '@crm/event-store';
import { isKeyStoreError } from '../privacy/key-store.ts';
import {
  type CommandHandlingError,
  commandHandlingError,
  HandlingFailure,
} from './command-handling-error.ts';

/** Translates anything a port rejected with into the one infrastructure error of handling. */
export const toHandlingError = (error: unknown, streamName: string): CommandHandlingError => {
  if (error instanceof HandlingFailure) return error.error;
  if (isEventStoreError(error, 'StreamDeleted')) {
    return commandHandlingError('StreamDeleted', error.message, { streamName, cause: error });
  }
  if (isKeyStoreError(error)) {
    return error.code === 'SubjectErased'
      ? commandHandlingError('PersonalDataErased', error.message, { streamName })
      : commandHandlingError('Unavailable', error.message, { streamName, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return commandHandlingError('Unavailable', `A store failed: ${message}`, {
    streamName,
    cause: error,
  });
};
