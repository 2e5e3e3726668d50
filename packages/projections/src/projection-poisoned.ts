import { type LogPosition, positionToString } from '@crm/event-store';

/** Where a poison event was met: keeping the live copy up to date, or building a fresh one. */
export type ProjectionPhase = 'live' | 'rebuild';

/** The cause of a poison event as it is stored in the checkpoints table (JSON). */
export interface PoisonCause {
  readonly name: string;
  readonly message: string;
  /** A driver's error code (a PostgreSQL SQLSTATE) when there is one. */
  readonly code?: string;
}

/** What the checkpoints table records about a poison event (its `error` column). */
export interface ProjectionPoisonedDetails {
  readonly projection: string;
  readonly phase: ProjectionPhase;
  readonly eventId: string;
  readonly eventType: string;
  readonly streamName: string;
  readonly revision: number;
  /** The event's global position in text form (`"<commit>/<prepare>"`). */
  readonly position: string;
  readonly cause: PoisonCause;
}

const causeOf = (error: unknown): PoisonCause => {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string'
      ? { name: error.name, message: error.message, code }
      : { name: error.name, message: error.message };
  }
  return { name: 'Error', message: String(error) };
};

/**
 * A projection met an event it cannot decode or apply. The runtime commits every event before
 * it, records this error in its checkpoint row and stops that projection (the others go on);
 * the event is never skipped, so the projection stays stopped until the cause is fixed — a
 * restart retries it, a version bump rebuilds.
 */
export class ProjectionPoisoned extends Error {
  override readonly name = 'ProjectionPoisoned';
  readonly code = 'ProjectionPoisoned' as const;
  readonly details: ProjectionPoisonedDetails;

  constructor(
    input: {
      readonly projection: string;
      readonly phase: ProjectionPhase;
      readonly event: {
        readonly eventId: string;
        readonly type: string;
        readonly streamName: string;
        readonly revision: number;
        readonly position: LogPosition;
      };
    },
    cause: unknown,
  ) {
    const { event } = input;
    const details: ProjectionPoisonedDetails = {
      projection: input.projection,
      phase: input.phase,
      eventId: event.eventId,
      eventType: event.type,
      streamName: event.streamName,
      revision: event.revision,
      position: positionToString(event.position),
      cause: causeOf(cause),
    };
    super(
      `Projection ${details.projection} stopped at ${details.eventType} ${details.eventId} ` +
        `(${details.streamName}@${details.revision}, position ${details.position}): ` +
        `${details.cause.message}`,
      { cause },
    );
    this.details = details;
  }
}

/** Whether `error` is a `ProjectionPoisoned`. */
export const isProjectionPoisoned = (error: unknown): error is ProjectionPoisoned =>
  error instanceof ProjectionPoisoned;
