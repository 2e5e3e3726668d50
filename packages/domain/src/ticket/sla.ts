import { epochMillisOf, Instant } from '../kernel/time.ts';
import type { TicketPriority } from './values.ts';

/** How long the team has, from the opening of a ticket, to first answer it and to resolve it. */
export interface SlaTarget {
  readonly firstResponseMinutes: number;
  readonly resolutionMinutes: number;
}

/**
 * The SLA targets by priority, in minutes from the instant the ticket was opened. Changing a
 * ticket's priority recomputes both due instants from its opening instant.
 */
export const slaTargets: Readonly<Record<TicketPriority, SlaTarget>> = {
  urgent: { firstResponseMinutes: 60, resolutionMinutes: 4 * 60 },
  high: { firstResponseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
  normal: { firstResponseMinutes: 8 * 60, resolutionMinutes: 72 * 60 },
  low: { firstResponseMinutes: 24 * 60, resolutionMinutes: 120 * 60 },
};

/** The instants by which a ticket must be first answered and resolved. */
export interface SlaDueInstants {
  readonly firstResponseDueAt: Instant;
  readonly resolutionDueAt: Instant;
}

const plusMinutes = (at: Instant, minutes: number): Instant | undefined => {
  const due = new Date(epochMillisOf(at) + minutes * 60_000).toISOString();
  // Past year 9999 the ISO form gains a sign and six digits, which is no longer an Instant.
  return Instant.is(due) ? due : undefined;
};

/**
 * The due instants of a ticket of this priority opened at `openedAt`, in UTC, or `undefined`
 * when they would fall beyond year 9999.
 *
 * @example
 * slaDueInstants('2025-03-01T09:00:00Z', 'urgent')
 * // { firstResponseDueAt: '2025-03-01T10:00:00.000Z', resolutionDueAt: '2025-03-01T13:00:00.000Z' }
 */
export const slaDueInstants = (
  openedAt: Instant,
  priority: TicketPriority,
): SlaDueInstants | undefined => {
  const target = slaTargets[priority];
  const firstResponseDueAt = plusMinutes(openedAt, target.firstResponseMinutes);
  const resolutionDueAt = plusMinutes(openedAt, target.resolutionMinutes);
  return firstResponseDueAt === undefined || resolutionDueAt === undefined
    ? undefined
    : { firstResponseDueAt, resolutionDueAt };
};
