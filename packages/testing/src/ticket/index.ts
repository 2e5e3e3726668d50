export type { TimedTicketCommand } from './command-arbitraries.ts';
export {
  assignTicketArbitrary,
  changeTicketPriorityArbitrary,
  checkTicketSlaArbitrary,
  closeTicketArbitrary,
  escalateTicketArbitrary,
  openTicketArbitrary,
  rateTicketArbitrary,
  reopenTicketArbitrary,
  replyToTicketArbitrary,
  resolveTicketArbitrary,
  ticketCommandArbitrary,
  ticketIdArbitrary,
  timedOpenTicketArbitrary,
  timedTicketWorkArbitrary,
} from './command-arbitraries.ts';
export {
  ticketAssignedArbitrary,
  ticketClosedArbitrary,
  ticketEscalatedArbitrary,
  ticketEventArbitrary,
  ticketFirstResponseSlaBreachedArbitrary,
  ticketOpenedArbitrary,
  ticketPriorityChangedArbitrary,
  ticketRatedArbitrary,
  ticketReopenedArbitrary,
  ticketRepliedArbitrary,
  ticketResolutionSlaBreachedArbitrary,
  ticketResolvedArbitrary,
} from './event-arbitraries.ts';
export type { TicketHistory } from './history-arbitrary.ts';
export { ticketHistoryArbitrary } from './history-arbitrary.ts';
export { ticketSpecification } from './spec.ts';
export {
  supportLevelArbitrary,
  ticketCategoryArbitrary,
  ticketChannelArbitrary,
  ticketPriorityArbitrary,
} from './value-arbitraries.ts';
