import {
  epochMillisOf,
  Instant,
  slaTargets,
  type TicketCommand,
  type TicketError,
  type TicketEvent,
  type TicketState,
  ticketDecider,
} from '@crm/domain';
import * as fc from 'fast-check';
import { type DecidedHistory, historyArbitrary } from '../history.ts';
import { instantArbitrary } from '../kernel-arbitraries.ts';
import { timedOpenTicketArbitrary, timedTicketWorkArbitrary } from './command-arbitraries.ts';

/** A valid history of one ticket, with the commands that made it. */
export type TicketHistory = DecidedHistory<TicketCommand, TicketEvent, TicketState, TicketError>;

const instantAt = (millis: number): Instant => {
  const instant = new Date(millis).toISOString();
  if (!Instant.is(instant)) throw new Error(`not an instant: ${instant}`);
  return instant;
};

// Gaps between commands from minutes to days, so replies and resolutions land on both sides of
// every priority's SLA targets (1 h to 5 days), and now and then exactly on one.
const gapMinutesArbitrary = fc.oneof(
  fc.constantFrom(
    ...Object.values(slaTargets).flatMap((t) => [t.firstResponseMinutes, t.resolutionMinutes]),
  ),
  fc.integer({ min: 0, max: 90 }),
  fc.integer({ min: 0, max: 12 * 60 }),
  fc.integer({ min: 0, max: 4 * 24 * 60 }),
);

/**
 * Valid ticket histories: usually an opening, then work at increasing instants, run through the
 * decider so only what it accepts remains. Sometimes no opening, so the unopened ticket is
 * covered too.
 */
export const ticketHistoryArbitrary: fc.Arbitrary<TicketHistory> = historyArbitrary(
  ticketDecider,
  fc
    .record({
      start: instantArbitrary,
      open: fc.option(timedOpenTicketArbitrary, { freq: 10 }),
      steps: fc.array(fc.tuple(timedTicketWorkArbitrary, gapMinutesArbitrary), {
        maxLength: 30,
        size: 'medium',
      }),
    })
    .map(({ start, open, steps }) => {
      let millis = epochMillisOf(start);
      const commands: TicketCommand[] = open === null ? [] : [open(start)];
      for (const [command, gapMinutes] of steps) {
        millis += gapMinutes * 60_000;
        commands.push(command(instantAt(millis)));
      }
      return commands;
    }),
);
