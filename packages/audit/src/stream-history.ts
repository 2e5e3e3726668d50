import { isErasedValue } from '@crm/command-handling';
import type { Actor } from '@crm/domain';
import { positionToString } from '@crm/event-store';
import { type AuditLog, readDomainStream } from './audit-log.ts';

/** One event of a stream's story: what happened, who did it, when, why, and where it sits. */
export interface HistoryEntry {
  readonly revision: number;
  /** Its global position, `"<commit>/<prepare>"`. */
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  /** The schema version it was read as (after upcasting). */
  readonly version: number;
  /** The business instant the event carries (`data.at`). */
  readonly at: string | undefined;
  /** When the command that caused it ran (`metadata.occurredAt`). */
  readonly occurredAt: string;
  /** When the store committed it. */
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /**
   * Why it happened: `command <id>` for an event of a command sent by its actor, `reaction to
   * event <id>` for one a policy sent in reaction to an earlier event, then the reason the
   * event itself states, if any (a churn, a lost deal, an erasure).
   */
  readonly why: string;
  /** The event's data, decrypted; erased personal fields read as `{ _tag: 'ErasedValue' }`. */
  readonly data: unknown;
  /** Dotted paths of the erased fields (`data.email`). */
  readonly erasedPaths: ReadonlyArray<string>;
}

/** The full story of one stream. */
export interface StreamHistory {
  readonly streamName: string;
  readonly entries: ReadonlyArray<HistoryEntry>;
}

const reasonOf = (data: unknown): string | undefined => {
  if (typeof data !== 'object' || data === null) return undefined;
  const reason = (data as { reason?: unknown }).reason;
  if (typeof reason === 'string') return reason;
  return isErasedValue(reason) ? '(erased)' : undefined;
};

const atOf = (data: unknown): string | undefined => {
  const at = typeof data === 'object' && data !== null ? (data as { at?: unknown }).at : undefined;
  return typeof at === 'string' ? at : undefined;
};

/**
 * The full, immutable story of a customer, deal, ticket or campaign: every event with who did
 * it, when, why, its revision and global position. `StreamNotFound` when the stream holds
 * nothing; `InvalidInput` when the name is not a CRM stream.
 *
 * @example
 * const history = await streamHistory(auditLog({ eventStore, keyStore }), 'deal-d-1');
 * for (const entry of history.entries) logger.info({ revision: entry.revision, type: entry.type, actor: entry.actor.id });
 */
export const streamHistory = async (log: AuditLog, streamName: string): Promise<StreamHistory> => {
  const events = await readDomainStream(log, streamName);
  return {
    streamName,
    entries: events.map((event): HistoryEntry => {
      const { metadata } = event;
      const cause =
        metadata.causationId === metadata.commandId
          ? `command ${metadata.commandId}`
          : `reaction to event ${metadata.causationId}`;
      const reason = reasonOf(event.data);
      return {
        revision: event.revision,
        position: positionToString(event.position),
        eventId: metadata.eventId,
        type: event.type,
        version: event.version,
        at: atOf(event.data),
        occurredAt: metadata.occurredAt,
        recordedAt: event.recordedAt.toISOString(),
        actor: metadata.actor,
        commandId: metadata.commandId,
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
        why: reason === undefined ? cause : `${cause}: ${reason}`,
        data: event.data,
        erasedPaths: event.erasedPaths,
      };
    }),
  };
};
