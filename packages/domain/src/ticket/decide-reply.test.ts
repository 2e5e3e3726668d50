import { describe, expect, it } from 'vitest';
import {
  accepted,
  agentReply,
  check,
  close,
  customerReply,
  historyOf,
  open,
  openedState,
  refused,
  replyId,
  resolve,
  ticketId,
} from './test-fixtures.ts';

describe('replying to a ticket', () => {
  it('records a customer reply without starting the first response', () => {
    const events = historyOf(open(), customerReply(1, 30));
    expect(events.at(-1)).toEqual({
      type: 'TicketReplied',
      version: 1,
      data: {
        ticketId,
        replyId: replyId(1),
        author: { kind: 'customer' },
        visibility: 'public',
        body: 'Any news?',
        at: '2025-03-03T09:30:00.000Z',
      },
    });
    expect(openedState(events).firstRespondedAt).toBeNull();
  });

  it('refuses an internal note from the customer', () => {
    expect(refused(historyOf(open()), customerReply(1, 5, 'internal'))).toMatchObject({
      _tag: 'InternalReplyFromCustomer',
      replyId: replyId(1),
    });
  });

  it('does not count an internal agent note as the first response', () => {
    const events = historyOf(open(), agentReply(1, 5, 'internal'));
    expect(openedState(events).firstRespondedAt).toBeNull();
  });

  it('counts the first public agent reply as the first response', () => {
    const events = historyOf(open(), agentReply(1, 5), agentReply(2, 10));
    expect(openedState(events).firstRespondedAt).toBe('2025-03-03T09:05:00.000Z');
  });

  it('emits no breach for a first response at exactly the due instant', () => {
    // normal priority: first response due 8 h after opening
    expect(accepted(historyOf(open()), agentReply(1, 8 * 60))).toHaveLength(1);
  });

  it('emits the first-response breach with a late first public agent reply', () => {
    const events = accepted(historyOf(open()), agentReply(1, 8 * 60 + 1));
    expect(events.map((e) => e.type)).toEqual(['TicketReplied', 'TicketFirstResponseSlaBreached']);
    expect(events[1]?.data).toEqual({
      ticketId,
      priority: 'normal',
      dueAt: '2025-03-03T17:00:00.000Z',
      at: '2025-03-03T17:01:00.000Z',
    });
  });

  it('emits no breach for late replies after the first response', () => {
    const events = historyOf(open(), agentReply(1, 5));
    expect(accepted(events, agentReply(2, 10_000))).toHaveLength(1);
  });

  it('does not record the first-response breach twice', () => {
    const events = historyOf(open(), check(9 * 60));
    expect(accepted(events, agentReply(1, 10 * 60)).map((e) => e.type)).toEqual(['TicketReplied']);
  });

  it('treats a reply id seen before as the same reply sent again', () => {
    expect(accepted(historyOf(open(), customerReply(1, 5)), customerReply(1, 6))).toEqual([]);
  });

  it('is taken on a resolved ticket, but not on a closed one', () => {
    expect(accepted(historyOf(open(), resolve(10)), customerReply(1, 20))).toHaveLength(1);
    expect(refused(historyOf(open(), resolve(10), close(11)), customerReply(1, 20))._tag).toBe(
      'TicketAlreadyClosed',
    );
  });
});
