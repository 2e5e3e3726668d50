import {
  decodeTicketEvent,
  type TicketCommand,
  type TicketError,
  type TicketEvent,
  type TicketState,
  ticketCommandCodecs,
  ticketDecider,
  ticketEventCodecs,
} from '@crm/domain';
import { defineRoute } from '../handling/command-route.ts';

/**
 * The ticket aggregate's route. A ticket's free text — subject, description, replies,
 * resolution, escalation and reopening reasons — can name the customer, so it is encrypted
 * under the customer's key (the ticket's `customerId`). No owner: service agents work every
 * ticket.
 */
export const ticketRoute = defineRoute<TicketCommand, TicketEvent, TicketState, TicketError>({
  aggregate: 'ticket',
  decider: ticketDecider,
  commandCodecs: ticketCommandCodecs,
  eventCodecs: ticketEventCodecs,
  decodeEvent: decodeTicketEvent,
  aggregateIdOf: (command) => command.data.ticketId,
  personalData: {
    fields: {
      TicketOpened: ['subject', 'description'],
      TicketReplied: ['body'],
      TicketResolved: ['resolution'],
      TicketEscalated: ['reason'],
      TicketReopened: ['reason'],
    },
    subjectOf: (event, state) =>
      event.type === 'TicketOpened'
        ? event.data.customerId
        : state.status === 'unopened'
          ? undefined
          : state.customerId,
    snapshotSubjectOf: (state) => (state.status === 'unopened' ? undefined : state.customerId),
  },
  snapshots: { every: 100, stateVersion: 1 },
});
