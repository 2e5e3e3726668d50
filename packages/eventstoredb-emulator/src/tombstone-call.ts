import type { TombstoneReq, TombstoneResp } from '@eventstore/db-client/generated/streams_pb.js';
import type { handleUnaryCall } from '@grpc/grpc-js';
import type { EmulatedLog } from './emulated-log.ts';
import { badRequestError, streamDeletedError, wrongExpectedVersionError } from './grpc-errors.ts';
import {
  type ExpectedVersion,
  expectedAny,
  expectedNoStream,
  expectedStreamExists,
} from './log-record.ts';
import { streamsPb } from './protocol.ts';
import { streamNameOf } from './wire.ts';

const Case = streamsPb.TombstoneReq.Options.ExpectedStreamRevisionCase;

const expectedOf = (options: TombstoneReq.Options): ExpectedVersion | undefined => {
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

/**
 * `Streams.Tombstone` (hard delete): the stream can never be read or written again, a
 * `$streamDeleted` record goes to `$all` and the stream's events stay there (no scavenge here).
 * A wrong expected version or an already deleted stream comes back as an error status with
 * EventStoreDB's `exception` trailer.
 */
export const tombstoneCall =
  (log: EmulatedLog): handleUnaryCall<TombstoneReq, TombstoneResp> =>
  (call, callback) => {
    const options = call.request.getOptions();
    const expected = options === undefined ? undefined : expectedOf(options);
    if (options === undefined || expected === undefined) {
      callback(badRequestError('A tombstone needs options with an expected revision.'));
      return;
    }
    const streamName = streamNameOf(options.getStreamIdentifier());
    const outcome = log.tombstone(streamName, expected);
    switch (outcome.kind) {
      case 'written':
        callback(
          null,
          new streamsPb.TombstoneResp().setPosition(
            new streamsPb.TombstoneResp.Position()
              .setCommitPosition(outcome.position.toString())
              .setPreparePosition(outcome.position.toString()),
          ),
        );
        return;
      case 'wrong-expected-version':
        callback(
          wrongExpectedVersionError('Delete', streamName, expected, outcome.currentRevision),
        );
        return;
      case 'stream-deleted':
        callback(streamDeletedError(streamName));
        return;
      case 'idempotent':
        callback(badRequestError('A tombstone is never idempotent.'));
        return;
    }
  };
