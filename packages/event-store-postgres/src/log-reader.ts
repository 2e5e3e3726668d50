import {
  comparePositions,
  type EventFilter,
  type LogPosition,
  type RecordedEvent,
} from '@crm/event-store';
import { type EventRow, toRecordedEvent } from './event-row.ts';
import { readLogSql } from './statements.ts';

/** Runs one SQL text with its parameters and returns the rows. */
export type Execute = <TRow>(
  sqlText: string,
  parameters: ReadonlyArray<unknown>,
) => Promise<ReadonlyArray<TRow>>;

/** One read of the global log. */
export interface LogPage {
  /** In log order. */
  readonly events: ReadonlyArray<RecordedEvent>;
  /** Where the next read starts (exclusive): past every row this read has ruled out. */
  readonly next: LogPosition;
  /** Whether the read hit its limit (more may follow at once). */
  readonly full: boolean;
  /** Transactions below this id had all ended when the page was read. */
  readonly fence: bigint;
  /** The newest transaction with visible events, if any. */
  readonly newest: bigint | undefined;
}

const maxBigint = 9223372036854775807n;

/**
 * Reads at most `limit` events of the global log after `after`, never past the fence (see
 * `readLogSql`). When the page is not full it has seen everything below the fence, so the next
 * read may start at the fence itself, skipping rows the filter refused.
 */
export const readLogPage = async (
  execute: Execute,
  after: LogPosition,
  limit: number,
  filter: EventFilter | undefined,
): Promise<LogPage> => {
  const rows = await execute<EventRow>(readLogSql, [
    // xid8 has no -1: the log's start is "before transaction 0".
    after.commit < 0n ? '0' : after.commit.toString(),
    after.prepare.toString(),
    limit,
    filter?.streamCategories ?? null,
    filter?.eventTypes ?? null,
  ]);
  let fence = 0n;
  let newest: bigint | undefined;
  const events: RecordedEvent[] = [];
  for (const row of rows) {
    if (row.stream_name === null) {
      fence = BigInt(row.transaction_id as string);
      newest = row.global_position === null ? undefined : BigInt(row.global_position);
    } else {
      events.push(toRecordedEvent(row));
    }
  }
  const full = events.length >= limit;
  const last = events[events.length - 1];
  let next = last?.position ?? after;
  if (!full) {
    const pastFence: LogPosition = { commit: fence - 1n, prepare: maxBigint };
    if (comparePositions(pastFence, next) > 0) next = pastFence;
  }
  return { events, next, full, fence, newest };
};
