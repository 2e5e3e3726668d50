import { CsatValue } from '../customer/engagement.ts';
import type { Decider } from '../kernel/decider.ts';
import { isBefore } from '../kernel/time.ts';
import type { TicketCommand } from './commands.ts';
import { decideTicket } from './decide.ts';
import type { TicketError } from './errors.ts';
import type { TicketEvent } from './events.ts';
import { evolveTicket } from './evolve.ts';
import { initialTicketState, type SlaBreachKind, type TicketState } from './state.ts';

/**
 * The ticket (service case) aggregate: open, assign, reply, escalate, change priority,
 * resolve, reopen, close and rate, with SLA breaches decided from the commands' instants.
 *
 * @example
 * const state = fold(ticketDecider, history);
 * const result = ticketDecider.decide(
 *   { type: 'ResolveTicket', data: { ticketId, resolution, at } },
 *   state,
 * ); // Right([TicketResolved]) or Right([TicketResolved, TicketResolutionSlaBreached])
 */
export const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState, TicketError> = {
  decide: decideTicket,
  evolve: evolveTicket,
  initialState: initialTicketState,
};

const breachKinds: ReadonlyArray<SlaBreachKind> = ['first_response', 'resolution'];

/**
 * The rules every ticket state keeps, as a description of each one it breaks (empty when
 * sound): rated only once resolved, each SLA breach at most once and only after its due
 * instant, nothing before the opening, and counts and status telling the same story.
 */
export const ticketInvariantBreaches = (state: TicketState): ReadonlyArray<string> => {
  if (state.status === 'unopened') return [];
  const breaches: string[] = [];
  const { ticketId, openedAt } = state;
  if (state.rating !== null && state.resolutionCount === 0)
    breaches.push(`ticket ${ticketId} is rated but was never resolved`);
  if (state.rating !== null && !CsatValue.is(state.rating))
    breaches.push(`ticket ${ticketId} has a rating outside 1–5: ${state.rating}`);
  for (const kind of breachKinds) {
    const count = state.slaBreaches.filter((breach) => breach.kind === kind).length;
    if (count > 1) breaches.push(`ticket ${ticketId} has its ${kind} SLA breach ${count} times`);
  }
  for (const breach of state.slaBreaches) {
    if (!isBefore(breach.dueAt, breach.at))
      breaches.push(
        `ticket ${ticketId}: ${breach.kind} breach at ${breach.at}, due ${breach.dueAt}`,
      );
  }
  if (state.firstRespondedAt !== null && isBefore(state.firstRespondedAt, openedAt))
    breaches.push(`ticket ${ticketId} was first answered before it was opened`);
  if (state.resolvedAt !== null && isBefore(state.resolvedAt, openedAt))
    breaches.push(`ticket ${ticketId} was resolved before it was opened`);
  if (isBefore(state.firstResponseDueAt, openedAt) || isBefore(state.resolutionDueAt, openedAt))
    breaches.push(`ticket ${ticketId} has an SLA due before its opening`);
  if ((state.status === 'open') !== (state.resolvedAt === null))
    breaches.push(`ticket ${ticketId} is ${state.status} with resolvedAt ${state.resolvedAt}`);
  if ((state.status === 'closed') !== (state.closedAt !== null))
    breaches.push(`ticket ${ticketId} is ${state.status} with closedAt ${state.closedAt}`);
  // Every resolution is either undone by a reopen or is the current (resolved/closed) one.
  if (state.resolutionCount - state.reopenCount !== (state.status === 'open' ? 0 : 1))
    breaches.push(
      `ticket ${ticketId} is ${state.status} after ${state.resolutionCount} resolutions and ${state.reopenCount} reopens`,
    );
  return breaches;
};
