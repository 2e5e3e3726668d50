import { crmRoutingTable } from '@crm/command-handling';
import { categoryOf } from '@crm/event-store';
import { AuditError } from './audit-error.ts';
import { type AuditLog, readDomainStream } from './audit-log.ts';
import type { PointInHistory } from './point-in-history.ts';

/** An aggregate's state as it stood at a point in its history. */
export interface StateAt {
  readonly streamName: string;
  /** The point asked for. */
  readonly point: PointInHistory;
  /** The revision of the last event folded in; `undefined` when none had happened yet. */
  readonly revision: number | undefined;
  /** When that event occurred (`metadata.occurredAt`). */
  readonly occurredAt: string | undefined;
  /** Events folded in, and events after the point (not folded in). */
  readonly eventsApplied: number;
  readonly eventsAfter: number;
  /** The decider's state (plain JSON-like data), personal fields decrypted. */
  readonly state: unknown;
}

/**
 * Folds a stream's events with its aggregate's own `evolve`, up to an instant (events that
 * occurred at or before it, by `metadata.occurredAt`) or up to and including a revision. The
 * state is the one the decider would have decided on at that point. `RevisionNotFound` when
 * the stream has no such revision.
 *
 * @example
 * const then = await stateAt(log, 'deal-d-1', parsePointInHistory('2025-06-30'));
 */
export const stateAt = async (
  log: AuditLog,
  streamName: string,
  point: PointInHistory,
): Promise<StateAt> => {
  const events = await readDomainStream(log, streamName);
  const route = crmRoutingTable.routeOfAggregate(categoryOf(streamName));
  if (route === undefined) {
    throw new AuditError('InvalidInput', `No aggregate reads ${streamName}.`, 'stream');
  }
  const last = events[events.length - 1];
  if (point.kind === 'revision' && (last === undefined || point.revision > last.revision)) {
    throw new AuditError(
      'RevisionNotFound',
      `${streamName} has no revision ${point.revision}; its last is ${last?.revision ?? 'none'}.`,
      'at',
    );
  }
  const included = events.filter((event) =>
    point.kind === 'revision'
      ? event.revision <= point.revision
      : Date.parse(event.metadata.occurredAt) <= point.epochMillis,
  );
  const state = included.reduce<unknown>(
    (current, event) => route.evolve(current, event),
    route.initialState,
  );
  const reached = included[included.length - 1];
  return {
    streamName,
    point,
    revision: reached?.revision,
    occurredAt: reached?.metadata.occurredAt,
    eventsApplied: included.length,
    eventsAfter: events.length - included.length,
    state,
  };
};
