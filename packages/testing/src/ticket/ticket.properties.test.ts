import { isDeepStrictEqual } from 'node:util';
import {
  decodeTicketCommand,
  decodeTicketEvent,
  epochMillisOf,
  fold,
  slaDueInstants,
  TicketCommand,
  TicketEvent,
  type TicketState,
  ticketDecider,
  ticketInvariantBreaches,
} from '@crm/domain';
import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { deciderLaws } from '../decider-laws.ts';
import { instantArbitrary } from '../kernel-arbitraries.ts';
import { ticketCommandArbitrary } from './command-arbitraries.ts';
import { ticketEventArbitrary } from './event-arbitraries.ts';
import { ticketHistoryArbitrary } from './history-arbitrary.ts';

/** Each event of a history with the state just before it. */
const withStateBefore = (events: ReadonlyArray<TicketEvent>) => {
  let state: TicketState = ticketDecider.initialState;
  return events.map((event) => {
    const before = state;
    state = ticketDecider.evolve(state, event);
    return { event, before };
  });
};

const breachKinds = {
  TicketFirstResponseSlaBreached: 'firstResponseDueAt',
  TicketResolutionSlaBreached: 'resolutionDueAt',
} as const;

describe('ticket decider laws', () => {
  // Each law as a property fc can run whatever its own argument types.
  const laws: Readonly<Record<string, fc.IRawProperty<unknown[], false>>> = deciderLaws({
    decider: ticketDecider,
    histories: ticketHistoryArbitrary,
    commands: ticketCommandArbitrary,
    events: ticketEventArbitrary,
    isEvent: TicketEvent.is,
    invariantBreaches: ticketInvariantBreaches,
  });
  for (const [law, property] of Object.entries(laws)) {
    it(law, () => fc.assert(property));
  }
});

describe('ticket rules over any valid history', () => {
  it('a ticket is rated only once resolved, and only once', () => {
    fc.assert(
      fc.property(ticketHistoryArbitrary, (history) => {
        const ratings = withStateBefore(history.events).filter(
          ({ event }) => event.type === 'TicketRated',
        );
        expect(ratings.length).toBeLessThanOrEqual(1);
        for (const { before } of ratings) {
          expect(['resolved', 'closed']).toContain(before.status);
        }
      }),
    );
  });

  it('an SLA breach appears at most once per kind, and only when its instant passed the target', () => {
    fc.assert(
      fc.property(ticketHistoryArbitrary, (history) => {
        for (const type of Object.keys(breachKinds)) {
          expect(history.events.filter((e) => e.type === type).length).toBeLessThanOrEqual(1);
        }
        for (const { event, before } of withStateBefore(history.events)) {
          if (
            event.type !== 'TicketFirstResponseSlaBreached' &&
            event.type !== 'TicketResolutionSlaBreached'
          )
            continue;
          if (before.status === 'unopened') throw new Error('a breach before the opening');
          // The target, recomputed from the opening instant and the priority at that moment.
          const due = slaDueInstants(before.openedAt, before.priority);
          expect(event.data.dueAt).toBe(due?.[breachKinds[event.type]]);
          expect(epochMillisOf(event.data.at)).toBeGreaterThan(epochMillisOf(event.data.dueAt));
        }
      }),
    );
  });

  it('a late first public agent reply, or a late resolution, always brings its breach', () => {
    fc.assert(
      fc.property(ticketHistoryArbitrary, (history) => {
        const steps = withStateBefore(history.events);
        steps.forEach(({ event, before }, i) => {
          if (before.status === 'unopened') return;
          const next = steps[i + 1]?.event.type;
          const breached = (kind: 'first_response' | 'resolution') =>
            before.slaBreaches.some((b) => b.kind === kind);
          const late = (dueAt: string) => epochMillisOf(event.data.at) > Date.parse(dueAt);
          if (
            event.type === 'TicketReplied' &&
            event.data.author.kind === 'agent' &&
            event.data.visibility === 'public' &&
            before.firstRespondedAt === null &&
            late(before.firstResponseDueAt) &&
            !breached('first_response')
          )
            expect(next).toBe('TicketFirstResponseSlaBreached');
          if (
            event.type === 'TicketResolved' &&
            late(before.resolutionDueAt) &&
            !breached('resolution')
          )
            expect(next).toBe('TicketResolutionSlaBreached');
        });
      }),
    );
  });

  it('checking the SLA again at the same instant records nothing new', () => {
    fc.assert(
      fc.property(ticketHistoryArbitrary, instantArbitrary, (history, at) => {
        if (history.state.status === 'unopened') return;
        const check: TicketCommand = {
          type: 'CheckTicketSla',
          data: { ticketId: history.state.ticketId, at },
        };
        const first = ticketDecider.decide(check, history.state);
        if (E.isLeft(first)) return;
        const after = fold(ticketDecider, first.right, history.state);
        expect(ticketDecider.decide(check, after)).toEqual(E.right([]));
      }),
    );
  });

  it('the generated histories exercise ratings, reopenings and both breaches', () => {
    const types = new Set(
      fc
        .sample(ticketHistoryArbitrary, { numRuns: 300, seed: 42 })
        .flatMap((h) => h.events.map((e) => e.type)),
    );
    for (const type of [
      'TicketRated',
      'TicketReopened',
      'TicketClosed',
      'TicketFirstResponseSlaBreached',
      'TicketResolutionSlaBreached',
      'TicketPriorityChanged',
      'TicketEscalated',
    ]) {
      expect(types).toContain(type);
    }
  });
});

describe('ticket codecs', () => {
  const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

  it('decode(encode(command)) is the command, for every command', () => {
    fc.assert(
      fc.property(ticketCommandArbitrary, (command) =>
        isDeepStrictEqual(
          decodeTicketCommand(viaJson(TicketCommand.encode(command))),
          E.right(command),
        ),
      ),
    );
  });

  it('decode(encode(event)) is the event, for every event', () => {
    fc.assert(
      fc.property(ticketEventArbitrary, (event) =>
        isDeepStrictEqual(decodeTicketEvent(viaJson(TicketEvent.encode(event))), E.right(event)),
      ),
    );
  });
});
