import { describe, expect, it } from 'vitest';
import { CsatValue } from '../customer/engagement.ts';
import { fold } from '../kernel/decider.ts';
import { Instant } from '../kernel/time.ts';
import { ticketDecider, ticketInvariantBreaches } from './decider.ts';
import type { TicketEvent } from './events.ts';
import type { OpenedTicket } from './state.ts';
import {
  agentReply,
  assign,
  check,
  close,
  customerReply,
  escalate,
  historyOf,
  open,
  openedState,
  otherTicketId,
  rate,
  reopen,
  resolve,
  valid,
} from './test-fixtures.ts';

const eventOf = (events: ReadonlyArray<TicketEvent>, type: TicketEvent['type']): TicketEvent => {
  const found = events.find((e) => e.type === type);
  if (found === undefined) throw new Error(`no ${type} in the history`);
  return found;
};

const full = historyOf(
  open('urgent'),
  assign(1),
  customerReply(1, 2),
  escalate(3, 2),
  agentReply(2, 90),
  resolve(300),
  rate(301, 3),
  reopen(302),
  resolve(303),
  close(304),
);

describe('evolving a ticket', () => {
  it('folds a full history into a sound state', () => {
    const state = openedState(full);
    expect(state).toMatchObject({
      status: 'closed',
      assignee: 'agent-1',
      level: 2,
      rating: 3,
      resolutionCount: 2,
      reopenCount: 1,
      firstRespondedAt: '2025-03-03T10:30:00.000Z',
    });
    expect(state.slaBreaches.map((b) => b.kind)).toEqual(['first_response', 'resolution']);
    expect(ticketInvariantBreaches(state)).toEqual([]);
  });

  it('ignores every event before the opening', () => {
    for (const event of full.slice(1)) {
      expect(ticketDecider.evolve(ticketDecider.initialState, event)).toEqual({
        status: 'unopened',
      });
    }
  });

  it("ignores another ticket's events", () => {
    const state = fold(ticketDecider, historyOf(open()));
    const stray = eventOf(full, 'TicketResolved');
    const foreign = { ...stray, data: { ...stray.data, ticketId: otherTicketId } } as TicketEvent;
    expect(ticketDecider.evolve(state, foreign)).toBe(state);
  });

  it('ignores status moves the status does not allow', () => {
    const opened = fold(ticketDecider, historyOf(open()));
    const resolved = fold(ticketDecider, historyOf(open(), resolve(5)));
    const rated = fold(ticketDecider, historyOf(open(), resolve(5), rate(6)));
    expect(ticketDecider.evolve(opened, eventOf(full, 'TicketOpened'))).toBe(opened);
    expect(ticketDecider.evolve(resolved, eventOf(full, 'TicketResolved'))).toBe(resolved);
    expect(ticketDecider.evolve(opened, eventOf(full, 'TicketReopened'))).toBe(opened);
    expect(ticketDecider.evolve(opened, eventOf(full, 'TicketClosed'))).toBe(opened);
    expect(ticketDecider.evolve(opened, eventOf(full, 'TicketRated'))).toBe(opened);
    expect(ticketDecider.evolve(rated, eventOf(full, 'TicketRated'))).toBe(rated);
  });

  it('ignores a reply it has already recorded', () => {
    const events = historyOf(open(), customerReply(1, 5));
    const state = fold(ticketDecider, events);
    expect(ticketDecider.evolve(state, eventOf(events, 'TicketReplied'))).toBe(state);
  });

  it('ignores an event type it does not know', () => {
    const state = fold(ticketDecider, historyOf(open()));
    const unknown = JSON.parse(
      '{"type":"TicketMerged","version":1,"data":{"ticketId":"ticket-1"}}',
    ) as TicketEvent;
    expect(ticketDecider.evolve(state, unknown)).toBe(state);
  });
});

describe('ticket invariants', () => {
  const sound = openedState(historyOf(open('urgent'), check(500)));
  const broken = (change: Partial<OpenedTicket>) =>
    ticketInvariantBreaches({ ...sound, ...change });

  it('hold for an unopened ticket and for a sound one', () => {
    expect(ticketInvariantBreaches({ status: 'unopened' })).toEqual([]);
    expect(ticketInvariantBreaches(sound)).toEqual([]);
  });

  it('catch a rating without a resolution, or out of range', () => {
    expect(broken({ rating: valid(CsatValue, 4) })).toEqual([
      'ticket ticket-1 is rated but was never resolved',
    ]);
    const resolved = {
      status: 'resolved',
      resolvedAt: sound.openedAt,
      resolutionCount: 1,
    } as const;
    // A rating of 7 cannot be typed; it stands for a state read from a corrupted snapshot.
    const outOfRange = JSON.parse('{"rating":7}') as Partial<OpenedTicket>;
    expect(broken({ ...resolved, ...outOfRange })).toHaveLength(1);
  });

  it('catch a breach recorded twice, or before its due instant', () => {
    const [first] = sound.slaBreaches;
    if (first === undefined) throw new Error('expected a breach');
    expect(broken({ slaBreaches: [...sound.slaBreaches, first] })).toEqual([
      'ticket ticket-1 has its first_response SLA breach 2 times',
    ]);
    expect(broken({ slaBreaches: [{ ...first, at: first.dueAt }] })).toHaveLength(1);
  });

  it('catch instants before the opening', () => {
    const before = valid(Instant, '2025-01-01T00:00:00Z');
    expect(broken({ firstRespondedAt: before })).toHaveLength(1);
    expect(broken({ firstResponseDueAt: before })).toHaveLength(1);
    expect(broken({ status: 'resolved', resolvedAt: before, resolutionCount: 1 })).toHaveLength(1);
  });

  it('catch a status that disagrees with the instants and counts', () => {
    expect(broken({ resolvedAt: sound.openedAt })).toHaveLength(1);
    expect(broken({ closedAt: sound.openedAt })).toHaveLength(1);
    expect(broken({ reopenCount: 1 })).toHaveLength(1);
  });
});
