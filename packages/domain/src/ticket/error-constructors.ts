import type { EntryId, TicketId } from '../kernel/ids.ts';
import type { Instant } from '../kernel/time.ts';
import type {
  InternalReplyFromCustomer,
  TicketAlreadyAtLevel,
  TicketAlreadyClosed,
  TicketAlreadyOpened,
  TicketAlreadyRated,
  TicketAlreadyResolved,
  TicketIdMismatch,
  TicketInstantBeforeOpening,
  TicketNotOpened,
  TicketNotResolved,
} from './errors.ts';
import type { SupportLevel } from './values.ts';

/** The `TicketNotOpened` error, with its message. */
export const ticketNotOpened = (ticketId: TicketId): TicketNotOpened => ({
  _tag: 'TicketNotOpened',
  ticketId,
  message: `Ticket ${ticketId} has not been opened.`,
});

/** The `TicketAlreadyOpened` error, with its message. */
export const ticketAlreadyOpened = (ticketId: TicketId): TicketAlreadyOpened => ({
  _tag: 'TicketAlreadyOpened',
  ticketId,
  message: `Ticket ${ticketId} is already open; a ticket is opened once.`,
});

/** The `TicketIdMismatch` error, with its message. */
export const ticketIdMismatch = (expected: TicketId, actual: TicketId): TicketIdMismatch => ({
  _tag: 'TicketIdMismatch',
  expected,
  actual,
  message: `The command is for ticket ${actual} but was sent to ticket ${expected}.`,
});

/** The `TicketInstantBeforeOpening` error, with its message. */
export const ticketInstantBeforeOpening = (
  ticketId: TicketId,
  openedAt: Instant,
  at: Instant,
): TicketInstantBeforeOpening => ({
  _tag: 'TicketInstantBeforeOpening',
  ticketId,
  openedAt,
  at,
  message: `Ticket ${ticketId} was opened at ${openedAt}; nothing can happen to it at ${at}.`,
});

/** The `TicketAlreadyResolved` error, with its message. */
export const ticketAlreadyResolved = (ticketId: TicketId): TicketAlreadyResolved => ({
  _tag: 'TicketAlreadyResolved',
  ticketId,
  message: `Ticket ${ticketId} is resolved; reopen it to work on it again.`,
});

/** The `TicketNotResolved` error, with its message. */
export const ticketNotResolved = (ticketId: TicketId): TicketNotResolved => ({
  _tag: 'TicketNotResolved',
  ticketId,
  message: `Ticket ${ticketId} is not resolved.`,
});

/** The `TicketAlreadyClosed` error, with its message. */
export const ticketAlreadyClosed = (ticketId: TicketId): TicketAlreadyClosed => ({
  _tag: 'TicketAlreadyClosed',
  ticketId,
  message: `Ticket ${ticketId} is closed for good.`,
});

/** The `TicketAlreadyRated` error, with its message. */
export const ticketAlreadyRated = (ticketId: TicketId, score: number): TicketAlreadyRated => ({
  _tag: 'TicketAlreadyRated',
  ticketId,
  score,
  message: `Ticket ${ticketId} was already rated ${score}; a ticket is rated once.`,
});

/** The `InternalReplyFromCustomer` error, with its message. */
export const internalReplyFromCustomer = (
  ticketId: TicketId,
  replyId: EntryId,
): InternalReplyFromCustomer => ({
  _tag: 'InternalReplyFromCustomer',
  ticketId,
  replyId,
  message: `Reply ${replyId} on ticket ${ticketId}: internal notes are written by agents, not by the customer.`,
});

/** The `TicketAlreadyAtLevel` error, with its message. */
export const ticketAlreadyAtLevel = (
  ticketId: TicketId,
  level: SupportLevel,
  requestedLevel: SupportLevel,
): TicketAlreadyAtLevel => ({
  _tag: 'TicketAlreadyAtLevel',
  ticketId,
  level,
  requestedLevel,
  message: `Ticket ${ticketId} is at support level ${level}; escalation must go above it, not to ${requestedLevel}.`,
});
