import type { ReadResp } from '@eventstore/db-client/generated/streams_pb.js';
import type { LogRecord } from './log-record.ts';
import { streamsPb } from './protocol.ts';
import { streamIdentifier, uuidMessage } from './wire.ts';

/** One event, with the `type`, `content-type` and `created` system metadata the server adds. */
export const eventResponse = (record: LogRecord, structuredIds: boolean): ReadResp => {
  const position = record.position.toString();
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(record.eventId, structuredIds))
    .setStreamIdentifier(streamIdentifier(record.streamName))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(position)
    .setPreparePosition(position)
    .setCustomMetadata(record.metadata)
    .setData(record.data);
  recorded
    .getMetadataMap()
    .set('type', record.type)
    .set('content-type', record.contentType)
    .set('created', record.created.toString());
  const event = new streamsPb.ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(position);
  return new streamsPb.ReadResp().setEvent(event);
};

/** A read of a stream that does not exist (servers 21+ answer so instead of an error). */
export const streamNotFoundResponse = (streamName: string): ReadResp =>
  new streamsPb.ReadResp().setStreamNotFound(
    new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamName)),
  );

/** The first message of a subscription. */
export const confirmationResponse = (subscriptionId: string): ReadResp =>
  new streamsPb.ReadResp().setConfirmation(
    new streamsPb.ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId),
  );

/** Sent once when a subscription has read everything stored and goes live. */
export const caughtUpResponse = (): ReadResp =>
  new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp());

/** A filtered subscription's progress through events it did not deliver. */
export const checkpointResponse = (position: bigint): ReadResp =>
  new streamsPb.ReadResp().setCheckpoint(
    new streamsPb.ReadResp.Checkpoint()
      .setCommitPosition(position.toString())
      .setPreparePosition(position.toString()),
  );
