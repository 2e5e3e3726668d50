import type { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb.js';
import type { handleClientStreamingCall, ServiceError } from '@grpc/grpc-js';
import type { EmulatedLog } from './emulated-log.ts';
import {
  badRequestError,
  maxAppendSizeError,
  missingMetadataError,
  notEmulatedError,
  streamDeletedError,
} from './grpc-errors.ts';
import {
  appendSize,
  type ExpectedVersion,
  expectedAny,
  expectedNoStream,
  expectedStreamExists,
  isMetadataStream,
  type ProposedEvent,
} from './log-record.ts';
import { sharedPb, streamsPb } from './protocol.ts';
import { proposedEventOf, streamNameOf } from './wire.ts';

const Case = streamsPb.AppendReq.Options.ExpectedStreamRevisionCase;

const expectedOf = (options: AppendReq.Options): ExpectedVersion | undefined => {
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.REVISION:
      return BigInt(options.getRevision());
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

const wrongExpectedVersion = (current: bigint, expected: ExpectedVersion): AppendResp => {
  const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
  const empty = new sharedPb.Empty();
  if (current < 0n) wrong.setCurrentNoStream(empty);
  else wrong.setCurrentRevision(current.toString());
  if (expected === expectedAny) wrong.setExpectedAny(empty);
  else if (expected === expectedStreamExists) wrong.setExpectedStreamExists(empty);
  else if (expected === expectedNoStream) wrong.setExpectedNoStream(empty);
  else wrong.setExpectedRevision(expected.toString());
  return new streamsPb.AppendResp().setWrongExpectedVersion(wrong);
};

const success = (lastRevision: bigint, position: bigint | undefined): AppendResp => {
  const result = new streamsPb.AppendResp.Success().setCurrentRevision(lastRevision.toString());
  if (position === undefined) result.setNoPosition(new sharedPb.Empty());
  else {
    result.setPosition(
      new streamsPb.AppendResp.Position()
        .setCommitPosition(position.toString())
        .setPreparePosition(position.toString()),
    );
  }
  return new streamsPb.AppendResp().setSuccess(result);
};

/**
 * `Streams.Append`: the client streams an options message, then one message per proposed event;
 * the server answers once, with success or wrong expected version in the response (stream
 * deleted as an error status), like EventStoreDB 21+.
 */
export const appendCall =
  (log: EmulatedLog, maxAppendSize: number): handleClientStreamingCall<AppendReq, AppendResp> =>
  (call, callback) => {
    let options: AppendReq.Options | undefined;
    const events: ProposedEvent[] = [];
    let failure: Partial<ServiceError> | undefined;
    call.on('data', (request: AppendReq) => {
      if (failure !== undefined) return;
      if (request.hasOptions() && options === undefined) {
        options = request.getOptions();
        return;
      }
      const message = request.getProposedMessage();
      if (options === undefined || message === undefined) {
        failure = badRequestError(
          'An append starts with one options message, then proposed messages.',
        );
        return;
      }
      const event = proposedEventOf(message);
      if (event === undefined) failure = missingMetadataError();
      else events.push(event);
      if (appendSize(events) > maxAppendSize) failure = maxAppendSizeError(maxAppendSize);
    });
    call.on('error', () => {
      failure ??= badRequestError('The append was cancelled.');
    });
    call.on('end', () => {
      const expected = options === undefined ? undefined : expectedOf(options);
      if (failure !== undefined || options === undefined || expected === undefined) {
        callback(failure ?? badRequestError('An append needs options with an expected revision.'));
        return;
      }
      const streamName = streamNameOf(options.getStreamIdentifier());
      if (isMetadataStream(streamName)) {
        callback(notEmulatedError(`stream metadata (appending to ${streamName})`));
        return;
      }
      const outcome = log.append(streamName, expected, events);
      switch (outcome.kind) {
        case 'written':
        case 'idempotent':
          callback(null, success(outcome.lastRevision, outcome.position));
          return;
        case 'wrong-expected-version':
          callback(null, wrongExpectedVersion(outcome.currentRevision, expected));
          return;
        case 'stream-deleted':
          callback(streamDeletedError(streamName));
          return;
      }
    });
  };
