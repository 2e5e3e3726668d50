import * as E from 'fp-ts/lib/Either.js';
import type { TicketCommand } from './commands.ts';
import { changeTicketPriority, openTicket } from './decide-open.ts';
import { closeTicket, rateTicket, reopenTicket, resolveTicket } from './decide-resolution.ts';
import { checkTicketSla } from './decide-sla.ts';
import { assignTicket, escalateTicket, replyToTicket } from './decide-work.ts';
import { onOpenedTicket, type TicketDecision, unknownTicketCommand } from './guards.ts';
import type { TicketState } from './state.ts';

/**
 * Decides a ticket command against the ticket's state: the events it causes (none for a
 * repeat that changes nothing) or the reason it is refused. Never throws.
 */
export const decideTicket = (command: TicketCommand, state: TicketState): TicketDecision => {
  switch (command.type) {
    case 'OpenTicket':
      return openTicket(command.data, state);
    case 'AssignTicket':
      return onOpenedTicket(command.data, state, (ticket) => assignTicket(command.data, ticket));
    case 'ReplyToTicket':
      return onOpenedTicket(command.data, state, (ticket) => replyToTicket(command.data, ticket));
    case 'EscalateTicket':
      return onOpenedTicket(command.data, state, (ticket) => escalateTicket(command.data, ticket));
    case 'ChangeTicketPriority':
      return onOpenedTicket(command.data, state, (ticket) =>
        changeTicketPriority(command.data, ticket),
      );
    case 'ResolveTicket':
      return onOpenedTicket(command.data, state, (ticket) => resolveTicket(command.data, ticket));
    case 'ReopenTicket':
      return onOpenedTicket(command.data, state, (ticket) => reopenTicket(command.data, ticket));
    case 'CloseTicket':
      return onOpenedTicket(command.data, state, (ticket) => closeTicket(command.data, ticket));
    case 'RateTicket':
      return onOpenedTicket(command.data, state, (ticket) => rateTicket(command.data, ticket));
    case 'CheckTicketSla':
      return onOpenedTicket(command.data, state, (ticket) => checkTicketSla(command.data, ticket));
    default: {
      const unknown: never = command;
      return E.left(unknownTicketCommand(unknown));
    }
  }
};
