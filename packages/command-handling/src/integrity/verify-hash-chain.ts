import type { EventStore, LogPosition, RecordedEvent } from '@crm/event-store';
import { eventHash, genesisHash, hashKey } from './event-hash.ts';

/** What to check: one stream, or the whole global log (optionally some categories only). */
export type HashChainScope =
  | { readonly stream: string }
  | { readonly all: true; readonly streamCategories?: ReadonlyArray<string> };

/** Why an event breaks its stream's chain. */
export type HashChainBreakReason = 'MissingHash' | 'HashMismatch' | 'RevisionGap';

/** The first event found whose stored form does not match the chain. */
export interface HashChainBreak {
  readonly reason: HashChainBreakReason;
  readonly streamName: string;
  readonly revision: number;
  readonly eventId: string;
  readonly position: LogPosition;
  readonly message: string;
}

/** The result of a check: every event matched, or the first break. */
export type HashChainReport =
  | { readonly ok: true; readonly eventsChecked: number; readonly streamsChecked: number }
  | { readonly ok: false; readonly eventsChecked: number; readonly break: HashChainBreak };

interface ChainTip {
  readonly revision: number;
  readonly hash: string;
}

const check = (event: RecordedEvent, tip: ChainTip | undefined): HashChainBreak | undefined => {
  const at = { streamName: event.streamName, revision: event.revision, eventId: event.eventId };
  const where = `${event.streamName}@${event.revision} (event ${event.eventId})`;
  const expectedRevision = (tip?.revision ?? -1) + 1;
  if (event.revision !== expectedRevision) {
    return {
      ...at,
      position: event.position,
      reason: 'RevisionGap',
      message: `${where}: expected revision ${expectedRevision} next; events are missing or reordered.`,
    };
  }
  const stored = event.metadata[hashKey];
  if (typeof stored !== 'string') {
    return {
      ...at,
      position: event.position,
      reason: 'MissingHash',
      message: `${where}: the event carries no hash (written outside command handling?).`,
    };
  }
  const computed = eventHash(tip?.hash ?? genesisHash, event);
  return computed === stored
    ? undefined
    : {
        ...at,
        position: event.position,
        reason: 'HashMismatch',
        message: `${where}: the stored event does not match its hash; it or an earlier event of the stream was altered.`,
      };
};

/**
 * Checks the hash chain of one stream or of the whole log and reports the first break: an
 * altered event (its data, metadata, type, id or revision), a missing or reordered event, or
 * an event that carries no hash. Reads in pages, so it runs over logs of any size.
 *
 * Limit: a chain shows changes before its last event; removing the newest events of a stream
 * leaves a shorter valid chain. Compare the stream's last hash with a copy kept elsewhere to
 * detect that.
 *
 * @example
 * const report = await verifyHashChain(store, { stream: 'customer-c1' });
 * if (!report.ok) logger.error({ break: report.break }, report.break.message);
 */
export const verifyHashChain = async (
  store: EventStore,
  scope: HashChainScope,
  options: { readonly pageSize?: number } = {},
): Promise<HashChainReport> => {
  const pageSize = options.pageSize ?? 1000;
  const tips = new Map<string, ChainTip>();
  let eventsChecked = 0;
  const visit = (event: RecordedEvent): HashChainBreak | undefined => {
    const found = check(event, tips.get(event.streamName));
    if (found !== undefined) return found;
    tips.set(event.streamName, { revision: event.revision, hash: String(event.metadata[hashKey]) });
    eventsChecked += 1;
    return undefined;
  };
  if ('stream' in scope) {
    for (let from = 0; ; from += pageSize) {
      const page = await store.readStream(scope.stream, { fromRevision: from, maxCount: pageSize });
      for (const event of page) {
        const found = visit(event);
        if (found !== undefined) return { ok: false, eventsChecked, break: found };
      }
      if (page.length < pageSize) break;
    }
  } else {
    let after: LogPosition | undefined;
    for (;;) {
      const page = await store.readAll({
        ...(after === undefined ? {} : { after }),
        maxCount: pageSize,
        ...(scope.streamCategories === undefined
          ? {}
          : { filter: { streamCategories: scope.streamCategories } }),
      });
      for (const event of page) {
        const found = visit(event);
        if (found !== undefined) return { ok: false, eventsChecked, break: found };
        after = event.position;
      }
      if (page.length < pageSize) break;
    }
  }
  return { ok: true, eventsChecked, streamsChecked: tips.size };
};
