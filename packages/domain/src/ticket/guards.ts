import * as E from 'fp-ts/lib/Either.js';
import type { InvalidInput } from '../kernel/domain-error.ts';
import type { TicketId } from '../kernel/ids.ts';
import { type Instant, isBefore } from '../kernel/time.ts';
import {
  ticketAlreadyClosed,
  ticketAlreadyResolved,
  ticketIdMismatch,
  ticketInstantBeforeOpening,
  ticketNotOpened,
} from './error-constructors.ts';
import type { TicketError } from './errors.ts';
import type { TicketEvent } from './events.ts';
import type { OpenedTicket, TicketState } from './state.ts';

/** What deciding a ticket command answers. */
export type TicketDecision = E.Either<TicketError, ReadonlyArray<TicketEvent>>;

/**
 * Runs `decide` only on an opened ticket that the command is addressed to, and only for an
 * instant at or after the opening: nothing happens to a ticket before it exists.
 */
export const onOpenedTicket = (
  data: { readonly ticketId: TicketId; readonly at: Instant },
  state: TicketState,
  decide: (ticket: OpenedTicket) => TicketDecision,
): TicketDecision => {
  if (state.status === 'unopened') return E.left(ticketNotOpened(data.ticketId));
  if (data.ticketId !== state.ticketId)
    return E.left(ticketIdMismatch(state.ticketId, data.ticketId));
  if (isBefore(data.at, state.openedAt))
    return E.left(ticketInstantBeforeOpening(state.ticketId, state.openedAt, data.at));
  return decide(state);
};

/** Why work (assign, escalate, reprioritise, resolve) cannot go on, or `undefined` if it can. */
export const workRefusal = (ticket: OpenedTicket): TicketError | undefined => {
  switch (ticket.status) {
    case 'open':
      return undefined;
    case 'resolved':
      return ticketAlreadyResolved(ticket.ticketId);
    case 'closed':
      return ticketAlreadyClosed(ticket.ticketId);
  }
};

/** The `InvalidInput` for an instant whose SLA due instants would fall past year 9999. */
export const dueInstantsOutOfRange = (field: string, at: Instant): InvalidInput => {
  const message = `SLA due instants from ${at} fall beyond year 9999`;
  return {
    _tag: 'InvalidInput',
    field,
    issues: [{ field, message }],
    message: `Invalid input: ${field}: ${message}.`,
  };
};

/** The `InvalidInput` for a command whose `type` the decider does not know (untyped callers). */
export const unknownTicketCommand = (command: { readonly type: unknown }): InvalidInput => {
  const message = `not a ticket command: ${String(command.type)}`;
  return {
    _tag: 'InvalidInput',
    field: 'type',
    issues: [{ field: 'type', message }],
    message: `Invalid input: type: ${message}.`,
  };
};
