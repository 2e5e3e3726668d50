import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { Instant } from '../kernel/time.ts';
import type { TicketCommand } from './commands.ts';
import { ticketDecider } from './decider.ts';
import {
  accepted,
  agentReply,
  assign,
  changePriority,
  close,
  dealId,
  decideAfter,
  escalate,
  historyOf,
  open,
  openedAt,
  openedState,
  otherTicketId,
  refused,
  resolve,
  ticketId,
  valid,
} from './test-fixtures.ts';

describe('opening a ticket', () => {
  it('records the SLA due instants of its priority, counted from the opening', () => {
    const [event] = accepted([], open('normal'));
    expect(event).toEqual({
      type: 'TicketOpened',
      version: 1,
      data: expect.objectContaining({
        ticketId,
        priority: 'normal',
        firstResponseDueAt: '2025-03-03T17:00:00.000Z',
        resolutionDueAt: '2025-03-06T09:00:00.000Z',
        at: openedAt,
      }),
    });
    expect(event?.data).not.toHaveProperty('dealId');
  });

  it('names the order of an after-sales case', () => {
    const events = accepted([], open('high', openedAt, { dealId }));
    expect(events[0]?.data).toHaveProperty('dealId', dealId);
    expect(openedState(events).dealId).toBe(dealId);
  });

  it('is done once', () => {
    expect(refused(historyOf(open()), open())._tag).toBe('TicketAlreadyOpened');
  });

  it('refuses an opening whose due instants would fall past year 9999', () => {
    const late = open('low', valid(Instant, '9999-12-31T00:00:00Z'));
    expect(refused([], late)).toMatchObject({ _tag: 'InvalidInput', field: 'data.at' });
  });
});

describe('every other command', () => {
  it('needs an opened ticket', () => {
    expect(refused([], assign(5))._tag).toBe('TicketNotOpened');
  });

  it('must be for the ticket of the stream', () => {
    const command: TicketCommand = {
      type: 'CloseTicket',
      data: { ticketId: otherTicketId, at: openedAt },
    };
    expect(refused(historyOf(open()), command)).toMatchObject({
      _tag: 'TicketIdMismatch',
      expected: ticketId,
      actual: otherTicketId,
    });
  });

  it('cannot happen before the opening', () => {
    expect(refused(historyOf(open()), assign(-1))._tag).toBe('TicketInstantBeforeOpening');
  });

  it('is refused with InvalidInput when its type is unknown', () => {
    const stray = JSON.parse('{"type":"DeleteTicket","data":{}}') as TicketCommand;
    const result = ticketDecider.decide(stray, ticketDecider.initialState);
    expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'InvalidInput', field: 'type' });
  });
});

describe('assigning', () => {
  it('hands the ticket to an agent, once', () => {
    const events = historyOf(open());
    expect(accepted(events, assign(5))).toEqual([
      { type: 'TicketAssigned', version: 1, data: expect.objectContaining({ ticketId }) },
    ]);
    expect(accepted(historyOf(open(), assign(5)), assign(6))).toEqual([]);
    expect(openedState(historyOf(open(), assign(5))).assignee).toBe('agent-1');
  });

  it('is refused on a resolved or closed ticket', () => {
    expect(refused(historyOf(open(), resolve(10)), assign(20))._tag).toBe('TicketAlreadyResolved');
    expect(refused(historyOf(open(), resolve(10), close(11)), assign(20))._tag).toBe(
      'TicketAlreadyClosed',
    );
  });
});

describe('escalating', () => {
  it('moves the ticket up a support level, to a team', () => {
    const events = historyOf(open(), escalate(5, 2));
    expect(events.at(-1)).toMatchObject({ type: 'TicketEscalated', data: { toLevel: 2 } });
    const state = openedState(events);
    expect([state.level, state.team]).toEqual([2, 'field']);
    expect(accepted(events, escalate(6, 3))).toHaveLength(1);
  });

  it('only goes up', () => {
    const events = historyOf(open(), escalate(5, 2));
    expect(refused(events, escalate(6, 2))).toMatchObject({
      _tag: 'TicketAlreadyAtLevel',
      level: 2,
      requestedLevel: 2,
    });
    expect(refused(events, escalate(6, 1))._tag).toBe('TicketAlreadyAtLevel');
  });

  it('is refused on a resolved ticket', () => {
    expect(refused(historyOf(open(), resolve(5)), escalate(6, 2))._tag).toBe(
      'TicketAlreadyResolved',
    );
  });
});

describe('changing the priority', () => {
  it('recomputes both due instants from the opening, not from the change', () => {
    const [event] = accepted(historyOf(open('low')), changePriority(120, 'urgent'));
    expect(event).toEqual({
      type: 'TicketPriorityChanged',
      version: 1,
      data: {
        ticketId,
        previousPriority: 'low',
        priority: 'urgent',
        firstResponseDueAt: '2025-03-03T10:00:00.000Z',
        resolutionDueAt: '2025-03-03T13:00:00.000Z',
        at: '2025-03-03T11:00:00.000Z',
      },
    });
    const state = openedState(historyOf(open('low'), changePriority(120, 'urgent')));
    expect([state.priority, state.firstResponseDueAt]).toEqual([
      'urgent',
      '2025-03-03T10:00:00.000Z',
    ]);
  });

  it('changes nothing when the priority is the same', () => {
    expect(accepted(historyOf(open('high')), changePriority(5, 'high'))).toEqual([]);
  });

  it('is refused on a resolved ticket', () => {
    expect(refused(historyOf(open(), resolve(5)), changePriority(6, 'low'))._tag).toBe(
      'TicketAlreadyResolved',
    );
  });

  it('refuses a priority whose due instants would fall past year 9999', () => {
    const late = valid(Instant, '9999-12-31T00:00:00Z');
    const events = historyOf(open('urgent', late));
    const command: TicketCommand = {
      type: 'ChangeTicketPriority',
      data: { ticketId, priority: 'low', at: late },
    };
    expect(decideAfter(events, command)).toMatchObject({
      left: { _tag: 'InvalidInput', field: 'data.priority' },
    });
  });

  it('leaves the first response already given in place', () => {
    const state = openedState(historyOf(open(), agentReply(1, 5), changePriority(6, 'urgent')));
    expect(state.firstRespondedAt).toBe('2025-03-03T09:05:00.000Z');
  });
});
