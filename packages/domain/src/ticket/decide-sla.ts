import * as E from 'fp-ts/lib/Either.js';
import { type Instant, isBefore } from '../kernel/time.ts';
import type { CheckTicketSla } from './commands.ts';
import type { TicketEvent } from './events.ts';
import type { TicketDecision } from './guards.ts';
import { hasBreach, type OpenedTicket, type SlaBreachKind } from './state.ts';

/**
 * The breach event of one SLA clock if, at `at`, the clock's due instant has passed (strictly)
 * and no breach of that clock is recorded yet; otherwise nothing. Callers decide whether the
 * clock is still running.
 */
export const breachIfDue = (
  ticket: OpenedTicket,
  kind: SlaBreachKind,
  at: Instant,
): ReadonlyArray<TicketEvent> => {
  const dueAt = kind === 'first_response' ? ticket.firstResponseDueAt : ticket.resolutionDueAt;
  if (hasBreach(ticket, kind) || !isBefore(dueAt, at)) return [];
  const data = { ticketId: ticket.ticketId, priority: ticket.priority, dueAt, at };
  return kind === 'first_response'
    ? [{ type: 'TicketFirstResponseSlaBreached', version: 1, data }]
    : [{ type: 'TicketResolutionSlaBreached', version: 1, data }];
};

/**
 * Records the breaches due at the instant of the check. The first-response clock runs until a
 * public agent reply (or the close); the resolution clock runs while the ticket is open.
 */
export const checkTicketSla = (
  data: CheckTicketSla['data'],
  ticket: OpenedTicket,
): TicketDecision => {
  if (ticket.status === 'closed') return E.right([]);
  return E.right([
    ...(ticket.firstRespondedAt === null ? breachIfDue(ticket, 'first_response', data.at) : []),
    ...(ticket.status === 'open' ? breachIfDue(ticket, 'resolution', data.at) : []),
  ]);
};
