export {
  AssignTicket,
  ChangeTicketPriority,
  CheckTicketSla,
  CloseTicket,
  decodeTicketCommand,
  EscalateTicket,
  OpenTicket,
  RateTicket,
  ReopenTicket,
  ReplyToTicket,
  ResolveTicket,
  TicketCommand,
  ticketCommandCodecs,
} from './commands.ts';
export { decideTicket } from './decide.ts';
export { ticketDecider, ticketInvariantBreaches } from './decider.ts';
export type {
  InternalReplyFromCustomer,
  TicketAlreadyAtLevel,
  TicketAlreadyClosed,
  TicketAlreadyOpened,
  TicketAlreadyRated,
  TicketAlreadyResolved,
  TicketError,
  TicketIdMismatch,
  TicketInstantBeforeOpening,
  TicketNotOpened,
  TicketNotResolved,
} from './errors.ts';
export {
  decodeTicketEvent,
  TicketAssigned,
  TicketClosed,
  TicketEscalated,
  TicketEvent,
  TicketFirstResponseSlaBreached,
  TicketOpened,
  TicketPriorityChanged,
  TicketRated,
  TicketReopened,
  TicketReplied,
  TicketResolutionSlaBreached,
  TicketResolved,
  ticketEventCodecs,
  ticketUpcasters,
} from './events.ts';
export { evolveTicket } from './evolve.ts';
export type { SlaDueInstants, SlaTarget } from './sla.ts';
export { slaDueInstants, slaTargets } from './sla.ts';
export type { OpenedTicket, SlaBreach, SlaBreachKind, TicketState, TicketStatus } from './state.ts';
export { initialTicketState } from './state.ts';
export {
  ReplyAuthor,
  ReplyVisibility,
  SupportLevel,
  TicketCategory,
  TicketChannel,
  TicketPriority,
} from './values.ts';
