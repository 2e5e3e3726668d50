import type { DomainError, KernelError } from '../kernel/domain-error.ts';
import type { EntryId, TicketId } from '../kernel/ids.ts';
import type { Instant } from '../kernel/time.ts';
import type { SupportLevel } from './values.ts';

/** A command other than `OpenTicket` reached a ticket that was never opened. */
export interface TicketNotOpened extends DomainError<'TicketNotOpened'> {
  readonly ticketId: TicketId;
}
/** `OpenTicket` reached a ticket that is already open. */
export interface TicketAlreadyOpened extends DomainError<'TicketAlreadyOpened'> {
  readonly ticketId: TicketId;
}
/** A command names another ticket than the stream it was sent to. */
export interface TicketIdMismatch extends DomainError<'TicketIdMismatch'> {
  readonly expected: TicketId;
  readonly actual: TicketId;
}
/** The command carries an instant before the ticket was opened. */
export interface TicketInstantBeforeOpening extends DomainError<'TicketInstantBeforeOpening'> {
  readonly ticketId: TicketId;
  readonly openedAt: Instant;
  readonly at: Instant;
}
/** Work on the ticket was asked for while it is resolved (reopen it first). */
export interface TicketAlreadyResolved extends DomainError<'TicketAlreadyResolved'> {
  readonly ticketId: TicketId;
}
/** Reopen, close or rate reached a ticket that is not resolved. */
export interface TicketNotResolved extends DomainError<'TicketNotResolved'> {
  readonly ticketId: TicketId;
}
/** The ticket is closed for good and takes no more commands but a rating. */
export interface TicketAlreadyClosed extends DomainError<'TicketAlreadyClosed'> {
  readonly ticketId: TicketId;
}
/** The ticket has its rating already; a ticket is rated once. */
export interface TicketAlreadyRated extends DomainError<'TicketAlreadyRated'> {
  readonly ticketId: TicketId;
  readonly score: number;
}
/** Customers reply in public; internal notes are for staff. */
export interface InternalReplyFromCustomer extends DomainError<'InternalReplyFromCustomer'> {
  readonly ticketId: TicketId;
  readonly replyId: EntryId;
}
/** Escalation goes up: the ticket already sits at this level or a higher one. */
export interface TicketAlreadyAtLevel extends DomainError<'TicketAlreadyAtLevel'> {
  readonly ticketId: TicketId;
  readonly level: SupportLevel;
  readonly requestedLevel: SupportLevel;
}

/** Every way a ticket command can be refused. */
export type TicketError =
  | KernelError
  | TicketNotOpened
  | TicketAlreadyOpened
  | TicketIdMismatch
  | TicketInstantBeforeOpening
  | TicketAlreadyResolved
  | TicketNotResolved
  | TicketAlreadyClosed
  | TicketAlreadyRated
  | InternalReplyFromCustomer
  | TicketAlreadyAtLevel;
