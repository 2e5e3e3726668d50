import { describe, expect, it } from 'vitest';
import {
  accepted,
  changePriority,
  check,
  close,
  historyOf,
  open,
  openedState,
  rate,
  refused,
  reopen,
  resolve,
  ticketId,
} from './test-fixtures.ts';

describe('resolving', () => {
  it('resolves an open ticket within its target without a breach', () => {
    expect(accepted(historyOf(open('urgent')), resolve(240))).toEqual([
      {
        type: 'TicketResolved',
        version: 1,
        data: { ticketId, resolution: 'Replacement sent', at: '2025-03-03T13:00:00.000Z' },
      },
    ]);
  });

  it('emits the resolution breach when it comes after the target', () => {
    const events = accepted(historyOf(open('urgent')), resolve(241));
    expect(events.map((e) => e.type)).toEqual(['TicketResolved', 'TicketResolutionSlaBreached']);
    expect(events[1]?.data).toMatchObject({
      priority: 'urgent',
      dueAt: '2025-03-03T13:00:00.000Z',
    });
  });

  it('does not record the resolution breach twice', () => {
    const events = historyOf(open('urgent'), resolve(300), reopen(301));
    expect(accepted(events, resolve(400)).map((e) => e.type)).toEqual(['TicketResolved']);
  });

  it('is refused on a resolved or closed ticket', () => {
    expect(refused(historyOf(open(), resolve(5)), resolve(6))._tag).toBe('TicketAlreadyResolved');
    expect(refused(historyOf(open(), resolve(5), close(6)), resolve(7))._tag).toBe(
      'TicketAlreadyClosed',
    );
  });
});

describe('reopening', () => {
  it('reopens a resolved ticket and counts it', () => {
    const events = historyOf(open(), resolve(5), reopen(6));
    expect(events.at(-1)).toMatchObject({ type: 'TicketReopened', data: { ticketId } });
    const state = openedState(events);
    expect([state.status, state.reopenCount, state.resolvedAt]).toEqual(['open', 1, null]);
  });

  it('keeps the resolution target counted from the opening', () => {
    const events = historyOf(open('urgent'), resolve(5), reopen(6));
    expect(accepted(events, resolve(300)).map((e) => e.type)).toEqual([
      'TicketResolved',
      'TicketResolutionSlaBreached',
    ]);
  });

  it('is refused on an open or closed ticket', () => {
    expect(refused(historyOf(open()), reopen(5))._tag).toBe('TicketNotResolved');
    expect(refused(historyOf(open(), resolve(5), close(6)), reopen(7))._tag).toBe(
      'TicketAlreadyClosed',
    );
  });
});

describe('closing', () => {
  it('closes a resolved ticket, once', () => {
    const events = historyOf(open(), resolve(5), close(6));
    expect(events.at(-1)).toEqual({
      type: 'TicketClosed',
      version: 1,
      data: { ticketId, at: '2025-03-03T09:06:00.000Z' },
    });
    expect(openedState(events).closedAt).toBe('2025-03-03T09:06:00.000Z');
    expect(accepted(events, close(7))).toEqual([]);
  });

  it('is refused on an open ticket', () => {
    expect(refused(historyOf(open()), close(5))._tag).toBe('TicketNotResolved');
  });
});

describe('rating', () => {
  it('rates a resolved ticket', () => {
    const events = historyOf(open(), resolve(5), rate(6, 5));
    expect(events.at(-1)).toMatchObject({ type: 'TicketRated', data: { score: 5 } });
    expect(openedState(events).rating).toBe(5);
  });

  it('rates a closed ticket', () => {
    expect(accepted(historyOf(open(), resolve(5), close(6)), rate(7))).toHaveLength(1);
  });

  it('is refused before the ticket is resolved', () => {
    expect(refused(historyOf(open()), rate(5))._tag).toBe('TicketNotResolved');
  });

  it('happens once, even after a reopen', () => {
    const rated = historyOf(open(), resolve(5), rate(6, 2));
    expect(refused(rated, rate(7))).toMatchObject({ _tag: 'TicketAlreadyRated', score: 2 });
    const reopened = historyOf(open(), resolve(5), rate(6, 2), reopen(7), resolve(8));
    expect(refused(reopened, rate(9))._tag).toBe('TicketAlreadyRated');
  });
});

describe('checking the SLA', () => {
  it('records nothing while both targets hold', () => {
    expect(accepted(historyOf(open()), check(8 * 60))).toEqual([]);
  });

  it('records the first-response breach once it is due', () => {
    const events = accepted(historyOf(open()), check(8 * 60 + 1));
    expect(events).toEqual([
      {
        type: 'TicketFirstResponseSlaBreached',
        version: 1,
        data: {
          ticketId,
          priority: 'normal',
          dueAt: '2025-03-03T17:00:00.000Z',
          at: '2025-03-03T17:01:00.000Z',
        },
      },
    ]);
  });

  it('records both breaches when both are due, each once', () => {
    const late = 72 * 60 + 1;
    const events = accepted(historyOf(open()), check(late));
    expect(events.map((e) => e.type)).toEqual([
      'TicketFirstResponseSlaBreached',
      'TicketResolutionSlaBreached',
    ]);
    expect(accepted(historyOf(open(), check(late)), check(late + 60))).toEqual([]);
  });

  it('stops the resolution clock on resolution, and both on closing', () => {
    const resolved = historyOf(open(), resolve(5));
    expect(accepted(resolved, check(100_000)).map((e) => e.type)).toEqual([
      'TicketFirstResponseSlaBreached',
    ]);
    expect(accepted(historyOf(open(), resolve(5), close(6)), check(100_000))).toEqual([]);
  });

  it('sees a raised priority overdue at once', () => {
    const events = historyOf(open('low'), changePriority(120, 'urgent'));
    expect(accepted(events, check(121)).map((e) => e.type)).toEqual([
      'TicketFirstResponseSlaBreached',
    ]);
  });
});
