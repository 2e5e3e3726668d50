import {
  type CommandHandlingError,
  createDomainEventReader,
  crmRoutingTable,
  type DomainEventReader,
  type DomainRecordedEvent,
  type KeyStore,
} from '@crm/command-handling';
import type { DomainEvent } from '@crm/domain';
import {
  categoryOf,
  type EventStore,
  isEventStoreError,
  isValidStreamName,
} from '@crm/event-store';
import * as E from 'fp-ts/lib/Either.js';
import { AuditError } from './audit-error.ts';

/**
 * The log as an auditor reads it: the event store, and the key store that decrypts personal
 * fields (erased ones read as `ErasedValue`).
 */
export interface AuditLog {
  readonly eventStore: EventStore;
  readonly reader: DomainEventReader<DomainEvent>;
}

/** Builds the audit view of a log on the CRM's routes. */
export const auditLog = (input: {
  readonly eventStore: EventStore;
  readonly keyStore: KeyStore;
}): AuditLog => ({
  eventStore: input.eventStore,
  reader: createDomainEventReader({
    eventStore: input.eventStore,
    keyStore: input.keyStore,
    routes: crmRoutingTable,
  }) as DomainEventReader<DomainEvent>,
});

const aggregates = crmRoutingTable.routes.map((route) => route.aggregate);

/** Refuses a stream name that is malformed or names no CRM aggregate. */
export const checkStreamName = (streamName: string, field = 'stream'): void => {
  if (!isValidStreamName(streamName) || !aggregates.includes(categoryOf(streamName))) {
    throw new AuditError(
      'InvalidInput',
      `${field}: "${streamName}" is not a CRM stream; expected <aggregate>-<id> with aggregate one of ${aggregates.join(', ')} (e.g. customer-c-1).`,
      field,
    );
  }
};

/** Turns command handling's read failure into an audit error. */
export const auditFailure = (error: CommandHandlingError): AuditError =>
  error.code === 'CorruptEvent'
    ? new AuditError('CorruptEvent', error.message, undefined, { cause: error.cause })
    : error.code === 'StreamDeleted'
      ? new AuditError('StreamNotFound', error.message)
      : new AuditError(
          'Unavailable',
          `The event or key store failed: ${error.message}`,
          undefined,
          {
            cause: error.cause,
          },
        );

/** Any failure of a store, as an audit error (typed errors pass through). */
export const asAuditError = (error: unknown): AuditError => {
  if (error instanceof AuditError) return error;
  if (isEventStoreError(error, 'InvalidInput')) {
    return new AuditError('InvalidInput', error.message, undefined, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AuditError('Unavailable', `A store failed: ${message}`, undefined, { cause: error });
};

/** Every event of a stream, decrypted; `StreamNotFound` when it has none. */
export const readDomainStream = async (
  log: AuditLog,
  streamName: string,
): Promise<ReadonlyArray<DomainRecordedEvent<DomainEvent>>> => {
  checkStreamName(streamName);
  const read = await log.reader.readStream(streamName);
  if (E.isLeft(read)) throw auditFailure(read.left);
  if (read.right.length === 0) {
    throw new AuditError('StreamNotFound', `No events are stored in ${streamName}.`, 'stream');
  }
  return read.right;
};
