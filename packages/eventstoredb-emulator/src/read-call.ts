import { randomUUID } from 'node:crypto';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb.js';
import type { handleServerStreamingCall, ServerWritableStream, ServiceError } from '@grpc/grpc-js';
import type { EmulatedLog } from './emulated-log.ts';
import { type EventFilter, eventFilterOf } from './event-filter.ts';
import { badRequestError, notEmulatedError, streamDeletedError } from './grpc-errors.ts';
import type { LogRecord } from './log-record.ts';
import { streamsPb } from './protocol.ts';
import {
  caughtUpResponse,
  checkpointResponse,
  confirmationResponse,
  eventResponse,
  streamNotFoundResponse,
} from './read-responses.ts';
import { streamNameOf } from './wire.ts';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

const Options = streamsPb.ReadReq.Options;
const backwards = streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;

/** Writes one response, waiting for the client to drain when its window is full (back-pressure). */
const send = async (call: ReadCall, response: ReadResp): Promise<boolean> => {
  if (call.cancelled) return false;
  if (!call.write(response)) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        call.off('drain', done);
        call.off('cancelled', done);
        resolve();
      };
      call.on('drain', done);
      call.on('cancelled', done);
    });
  }
  return !call.cancelled;
};

const fail = (call: ReadCall, error: Partial<ServiceError>): void => {
  call.emit('error', error);
};

/** `(position, position) ≥ (commit, prepare)`: a record's place against a requested position. */
const atOrAfter = (record: LogRecord, commit: bigint, prepare: bigint): boolean =>
  record.position > commit || (record.position === commit && record.position >= prepare);

/** The `$all` index of the first record at or after a requested position. */
const indexAtOrAfter = (log: EmulatedLog, commit: bigint, prepare: bigint): number => {
  const records = log.records();
  let index = log.indexFrom(commit);
  while (index < records.length && !atOrAfter(records[index] as LogRecord, commit, prepare)) {
    index += 1;
  }
  return index;
};

const countOf = (options: ReadReq.Options): number => {
  const count = BigInt(options.getCount());
  return count > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(count);
};

const readStream = async (
  call: ReadCall,
  log: EmulatedLog,
  options: ReadReq.Options,
  structuredIds: boolean,
): Promise<void> => {
  const streamOptions = options.getStream();
  const streamName = streamNameOf(streamOptions?.getStreamIdentifier());
  const found = log.stream(streamName);
  if (found.kind === 'deleted') return fail(call, streamDeletedError(streamName));
  if (found.kind !== 'events') {
    await send(call, streamNotFoundResponse(streamName));
    call.end();
    return;
  }
  const { records } = found;
  const count = BigInt(countOf(options));
  const last = BigInt(records.length - 1);
  const Revision = Options.StreamOptions.RevisionOptionCase;
  const revisionCase = streamOptions?.getRevisionOptionCase();
  let selected: ReadonlyArray<LogRecord>;
  if (options.getReadDirection() === backwards) {
    // As EventStoreDB's index reader: the revisions [from - count + 1, from] that exist.
    const from =
      revisionCase === Revision.REVISION
        ? BigInt(streamOptions?.getRevision() ?? '0')
        : revisionCase === Revision.START
          ? 0n
          : last;
    const lowest = from - count + 1n > 0n ? from - count + 1n : 0n;
    const highest = from < last ? from : last;
    selected =
      lowest > highest ? [] : records.slice(Number(lowest), Number(highest + 1n)).reverse();
  } else {
    const from =
      revisionCase === Revision.REVISION
        ? BigInt(streamOptions?.getRevision() ?? '0')
        : revisionCase === Revision.END
          ? last + 1n
          : 0n;
    selected = from > last ? [] : records.slice(Number(from), Number(from + count));
  }
  for (const record of selected) {
    if (!(await send(call, eventResponse(record, structuredIds)))) return;
  }
  call.end();
};

const readAll = async (
  call: ReadCall,
  log: EmulatedLog,
  options: ReadReq.Options,
  filter: EventFilter | undefined,
  structuredIds: boolean,
): Promise<void> => {
  const all = options.getAll();
  const records = log.records();
  const count = countOf(options);
  const AllCase = Options.AllOptions.AllOptionCase;
  const position = all?.getPosition();
  const commit = BigInt(position?.getCommitPosition() ?? '0');
  const prepare = BigInt(position?.getPreparePosition() ?? '0');
  const isBackwards = options.getReadDirection() === backwards;
  let index: number;
  switch (all?.getAllOptionCase()) {
    case AllCase.POSITION:
      // Forwards includes the event at the position; backwards reads strictly before it.
      index = indexAtOrAfter(log, commit, prepare) - (isBackwards ? 1 : 0);
      break;
    case AllCase.END:
      index = isBackwards ? records.length - 1 : records.length;
      break;
    default:
      index = isBackwards ? -1 : 0;
  }
  let sent = 0;
  const end = records.length;
  while (sent < count && index >= 0 && index < end) {
    const record = records[index] as LogRecord;
    index += isBackwards ? -1 : 1;
    if (filter !== undefined && !filter.matches(record)) continue;
    if (!(await send(call, eventResponse(record, structuredIds)))) return;
    sent += 1;
  }
  call.end();
};

const subscribeToAll = async (
  call: ReadCall,
  log: EmulatedLog,
  options: ReadReq.Options,
  filter: EventFilter | undefined,
  structuredIds: boolean,
): Promise<void> => {
  const all = options.getAll();
  const AllCase = Options.AllOptions.AllOptionCase;
  let next: number;
  switch (all?.getAllOptionCase()) {
    case AllCase.POSITION: {
      const position = all.getPosition();
      const commit = BigInt(position?.getCommitPosition() ?? '0');
      const prepare = BigInt(position?.getPreparePosition() ?? '0');
      // A subscription starts strictly after its checkpoint.
      next = indexAtOrAfter(log, commit, prepare);
      const at = log.records()[next];
      if (at !== undefined && at.position === commit && at.position === prepare) next += 1;
      break;
    }
    case AllCase.END:
      next = log.records().length;
      break;
    default:
      next = 0;
  }
  let wake: (() => void) | undefined;
  const stopListening = log.onWrite(() => wake?.());
  const onCancelled = (): void => wake?.();
  call.on('cancelled', onCancelled);
  try {
    if (!(await send(call, confirmationResponse(randomUUID())))) return;
    let caughtUp = false;
    let considered = 0;
    while (!call.cancelled) {
      const records = log.records();
      if (next >= records.length) {
        if (!caughtUp) {
          caughtUp = true;
          if (!(await send(call, caughtUpResponse()))) return;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (call.cancelled || next < log.records().length) resolve();
        });
        wake = undefined;
        continue;
      }
      const record = records[next] as LogRecord;
      next += 1;
      if (filter === undefined || filter.matches(record)) {
        if (!(await send(call, eventResponse(record, structuredIds)))) return;
      }
      if (filter !== undefined) {
        considered += 1;
        if (considered >= filter.checkpointEvery) {
          considered = 0;
          if (!(await send(call, checkpointResponse(record.position)))) return;
        }
      }
    }
  } finally {
    stopListening();
    call.off('cancelled', onCancelled);
  }
};

/**
 * `Streams.Read`: reads a stream forwards or backwards, reads `$all` forwards or backwards
 * (optionally filtered), or subscribes to `$all` (catch-up, then "caught up", then live, with
 * checkpoints when filtered). Subscriptions to a single stream are refused as not emulated.
 */
export const readCall =
  (log: EmulatedLog): handleServerStreamingCall<ReadReq, ReadResp> =>
  (call) => {
    const options = call.request.getOptions();
    if (options === undefined) return fail(call, badRequestError('A read needs options.'));
    const structuredIds =
      options.getUuidOption()?.getContentCase() === Options.UUIDOption.ContentCase.STRUCTURED;
    const filter =
      options.getFilterOptionCase() === Options.FilterOptionCase.FILTER
        ? eventFilterOf(options.getFilter())
        : undefined;
    const isStream = options.getStreamOptionCase() === Options.StreamOptionCase.STREAM;
    const isAll = options.getStreamOptionCase() === Options.StreamOptionCase.ALL;
    const isSubscription = options.getCountOptionCase() === Options.CountOptionCase.SUBSCRIPTION;
    let running: Promise<void>;
    if (isSubscription && isAll) {
      running = subscribeToAll(call, log, options, filter, structuredIds);
    } else if (isSubscription) {
      return fail(call, notEmulatedError('subscriptions to a single stream'));
    } else if (isStream && filter === undefined) {
      running = readStream(call, log, options, structuredIds);
    } else if (isAll) {
      running = readAll(call, log, options, filter, structuredIds);
    } else {
      return fail(call, badRequestError('This combination of read options is not valid.'));
    }
    running.catch((error: unknown) =>
      fail(call, { code: 13, details: `Emulator failure: ${String(error)}` }),
    );
  };
