import type { UUID } from '@eventstore/db-client/generated/shared_pb.js';
import type { Status } from '@eventstore/db-client/generated/status_pb.js';
import type {
  BatchAppendReq,
  BatchAppendResp,
} from '@eventstore/db-client/generated/streams_pb.js';
import type { handleBidiStreamingCall } from '@grpc/grpc-js';
import type { EmulatedLog } from './emulated-log.ts';
import {
  appendSize,
  type ExpectedVersion,
  expectedAny,
  expectedNoStream,
  expectedStreamExists,
  isMetadataStream,
  type ProposedEvent,
} from './log-record.ts';
import { anyPb, emptyPb, sharedPb, statusPb, streamsPb } from './protocol.ts';
import { proposedEventOf, streamIdentifier, streamNameOf, uuidText } from './wire.ts';

const Case = streamsPb.BatchAppendReq.Options.ExpectedStreamPositionCase;

// google.rpc.Code values the server uses for these failures.
const code = { invalidArgument: 3, notFound: 5, alreadyExists: 6, unimplemented: 12 } as const;

const expectedOf = (options: BatchAppendReq.Options): ExpectedVersion | undefined => {
  switch (options.getExpectedStreamPositionCase()) {
    case Case.STREAM_POSITION:
      return BigInt(options.getStreamPosition());
    case Case.NO_STREAM:
      return expectedNoStream;
    case Case.ANY:
      return expectedAny;
    case Case.STREAM_EXISTS:
      return expectedStreamExists;
    default:
      return undefined;
  }
};

const statusOf = (
  statusCode: number,
  message: string,
  detail: { serializeBinary(): Uint8Array },
  typeName: string,
): Status => {
  const details = new anyPb.Any();
  details.pack(detail.serializeBinary(), typeName);
  return new statusPb.Status().setCode(statusCode).setMessage(message).setDetails(details);
};

// `Status.WrongExpectedVersion` of the server: code ALREADY_EXISTS, details in `shared.proto`.
const wrongExpectedVersion = (current: bigint, expected: ExpectedVersion): Status => {
  const detail = new sharedPb.WrongExpectedVersion();
  const empty = new emptyPb.Empty();
  if (current < 0n) detail.setCurrentNoStream(empty);
  else detail.setCurrentStreamRevision(current.toString());
  if (expected === expectedAny) detail.setExpectedAny(empty);
  else if (expected === expectedStreamExists) detail.setExpectedStreamExists(empty);
  else if (expected === expectedNoStream) detail.setExpectedNoStream(empty);
  else detail.setExpectedStreamPosition(expected.toString());
  return statusOf(
    code.alreadyExists,
    'WrongExpectedVersion',
    detail,
    'event_store.client.WrongExpectedVersion',
  );
};

const streamDeleted = (streamName: string): Status =>
  statusOf(
    code.notFound,
    'StreamDeleted',
    new sharedPb.StreamDeleted().setStreamIdentifier(streamIdentifier(streamName)),
    'event_store.client.StreamDeleted',
  );

const maxAppendSizeExceeded = (maxAppendSize: number): Status =>
  statusOf(
    code.invalidArgument,
    'MaximumAppendSizeExceeded',
    new sharedPb.MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize),
    'event_store.client.MaximumAppendSizeExceeded',
  );

const badRequest = (message: string): Status =>
  statusOf(
    code.invalidArgument,
    'BadRequest',
    new sharedPb.BadRequest().setMessage(message),
    'event_store.client.BadRequest',
  );

interface PendingBatch {
  readonly streamName: string;
  readonly expected: ExpectedVersion | undefined;
  readonly events: ProposedEvent[];
  missingMetadata: boolean;
}

/**
 * `Streams.BatchAppend`, the path the client takes when the server lists it: one long-lived
 * bidirectional stream; each append is one or more requests sharing a correlation id (options
 * first, `is_final` last), answered by one response carrying success or an error status.
 */
export const batchAppendCall =
  (
    log: EmulatedLog,
    maxAppendSize: number,
  ): handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> =>
  (call) => {
    const pending = new Map<string, PendingBatch>();
    const respond = (
      correlationId: UUID | undefined,
      streamName: string,
      fill: (response: BatchAppendResp) => void,
    ): void => {
      const response = new streamsPb.BatchAppendResp()
        .setCorrelationId(correlationId)
        .setStreamIdentifier(streamIdentifier(streamName));
      fill(response);
      call.write(response);
    };
    call.on('data', (request: BatchAppendReq) => {
      const key = uuidText(request.getCorrelationId());
      const options = request.getOptions();
      if (options !== undefined && !pending.has(key)) {
        pending.set(key, {
          streamName: streamNameOf(options.getStreamIdentifier()),
          expected: expectedOf(options),
          events: [],
          missingMetadata: false,
        });
      }
      const batch = pending.get(key);
      if (batch === undefined) {
        respond(request.getCorrelationId(), '', (response) =>
          response.setError(badRequest('The first request of a batch must carry its options.')),
        );
        return;
      }
      for (const message of request.getProposedMessagesList()) {
        const event = proposedEventOf(message);
        if (event === undefined) batch.missingMetadata = true;
        else batch.events.push(event);
      }
      if (!request.getIsFinal()) return;
      pending.delete(key);
      const { streamName, expected } = batch;
      if (expected === undefined || batch.missingMetadata) {
        respond(request.getCorrelationId(), streamName, (response) =>
          response.setError(
            badRequest(
              batch.missingMetadata
                ? "Every proposed message needs 'type' and 'content-type'."
                : 'The options carry no expected stream position.',
            ),
          ),
        );
        return;
      }
      if (isMetadataStream(streamName)) {
        respond(request.getCorrelationId(), streamName, (response) =>
          // Details are never left out: the client reads them unchecked and would hang.
          response.setError(
            statusOf(
              code.unimplemented,
              `The EventStoreDB emulator does not implement stream metadata (${streamName}).`,
              new emptyPb.Empty(),
              'google.protobuf.Empty',
            ),
          ),
        );
        return;
      }
      if (appendSize(batch.events) > maxAppendSize) {
        respond(request.getCorrelationId(), streamName, (response) =>
          response.setError(maxAppendSizeExceeded(maxAppendSize)),
        );
        return;
      }
      const outcome = log.append(streamName, expected, batch.events);
      respond(request.getCorrelationId(), streamName, (response) => {
        switch (outcome.kind) {
          case 'written':
          case 'idempotent': {
            const success = new streamsPb.BatchAppendResp.Success().setCurrentRevision(
              outcome.lastRevision.toString(),
            );
            if (outcome.position === undefined) success.setNoPosition(new emptyPb.Empty());
            else {
              success.setPosition(
                new sharedPb.AllStreamPosition()
                  .setCommitPosition(outcome.position.toString())
                  .setPreparePosition(outcome.position.toString()),
              );
            }
            response.setSuccess(success);
            return;
          }
          case 'wrong-expected-version':
            response.setError(wrongExpectedVersion(outcome.currentRevision, expected));
            return;
          case 'stream-deleted':
            response.setError(streamDeleted(streamName));
            return;
        }
      });
    });
    call.on('end', () => call.end());
    call.on('error', () => pending.clear());
  };
