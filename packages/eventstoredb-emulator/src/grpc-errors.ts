import { Metadata, type ServiceError, status } from '@grpc/grpc-js';

/** A gRPC error status with EventStoreDB's `exception` trailer, the way the server sends them. */
const withException = (
  code: status,
  details: string,
  exception: string,
  extra: Readonly<Record<string, string>> = {},
): Partial<ServiceError> => {
  const metadata = new Metadata();
  metadata.set('exception', exception);
  for (const [key, value] of Object.entries(extra)) metadata.set(key, value);
  return { code, details, metadata };
};

/** `Event stream 'x' is deleted.` (`RpcExceptions.StreamDeleted`). */
export const streamDeletedError = (streamName: string): Partial<ServiceError> =>
  withException(
    status.FAILED_PRECONDITION,
    `Event stream '${streamName}' is deleted.`,
    'stream-deleted',
    {
      'stream-name': streamName,
    },
  );

/** A wrong expected version on delete/tombstone (`RpcExceptions.WrongExpectedVersion`). */
export const wrongExpectedVersionError = (
  operation: string,
  streamName: string,
  expected: bigint,
  actual: bigint,
): Partial<ServiceError> =>
  withException(
    status.FAILED_PRECONDITION,
    `${operation} failed due to WrongExpectedVersion. Stream: ${streamName}, Expected version: ${expected}, Actual version: ${actual}`,
    'wrong-expected-version',
    {
      'stream-name': streamName,
      'expected-version': expected.toString(),
      'actual-version': actual.toString(),
    },
  );

/** A proposed event without `type` or `content-type`. */
export const missingMetadataError = (): Partial<ServiceError> =>
  withException(
    status.INVALID_ARGUMENT,
    "Required Metadata Property 'type' or 'content-type' is missing",
    'missing-required-metadata-property',
    { 'required-metadata-properties': 'type,content-type' },
  );

/** An Append over the maximum append size (`RpcExceptions.MaxAppendSizeExceeded`). */
export const maxAppendSizeError = (maxAppendSize: number): Partial<ServiceError> =>
  withException(
    status.INVALID_ARGUMENT,
    `Maximum Append Size of ${maxAppendSize} Exceeded.`,
    'maximum-append-size-exceeded',
    { 'maximum-append-size': String(maxAppendSize) },
  );

/** A request the emulator does not implement: it says so at once instead of leaving it hanging. */
export const notEmulatedError = (what: string): Partial<ServiceError> => ({
  code: status.UNIMPLEMENTED,
  details: `The EventStoreDB emulator does not implement ${what}. It emulates only server features, append, batch append, read (streams, $all, $all subscriptions) and tombstone.`,
});

/** A malformed request. */
export const badRequestError = (details: string): Partial<ServiceError> => ({
  code: status.INVALID_ARGUMENT,
  details,
});
