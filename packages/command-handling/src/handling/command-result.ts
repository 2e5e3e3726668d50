import type { DomainError, EventEnvelope, InvalidInput, VersionedEvent } from '@crm/domain';
import type { LogPosition } from '@crm/event-store';
import type { Forbidden } from '../authorisation/forbidden.ts';
import type { CommandHandlingError } from './command-handling-error.ts';

/** A domain event as handling returns it: envelope (type, version, data, metadata) and revision. */
export type HandledEvent<TEvent extends VersionedEvent = VersionedEvent> = EventEnvelope<TEvent> & {
  readonly revision: number;
};

/** The command was accepted: these events were appended and the stream is at `revision`. */
export interface CommandAccepted<TEvent extends VersionedEvent = VersionedEvent> {
  readonly kind: 'accepted';
  readonly commandId: string;
  readonly streamName: string;
  /** The events appended, decrypted; empty when the command changed nothing (a no-op). */
  readonly events: ReadonlyArray<HandledEvent<TEvent>>;
  /** The stream's revision after the command (`'no_stream'`: a no-op on a new stream). */
  readonly revision: number | 'no_stream';
  /** The global position of the last event appended, when there was one. */
  readonly position: LogPosition | undefined;
}

/**
 * The command was refused and nothing was appended: malformed (`InvalidInput` naming the
 * field), not allowed for the actor's role (`Forbidden`), or refused by the domain.
 */
export interface CommandRejected<TError extends DomainError = DomainError> {
  readonly kind: 'rejected';
  readonly commandId: string;
  readonly streamName: string | undefined;
  readonly error: TError | InvalidInput | Forbidden;
}

/** Handling failed outside the domain; the command may or may not have been appended. */
export interface CommandFailed {
  readonly kind: 'failed';
  readonly commandId: string;
  readonly error: CommandHandlingError;
}

/** What `handle` answers: always one of three, never a thrown error. */
export type CommandResult<
  TEvent extends VersionedEvent = VersionedEvent,
  TError extends DomainError = DomainError,
> = CommandAccepted<TEvent> | CommandRejected<TError> | CommandFailed;
