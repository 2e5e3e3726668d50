import type { CurrencyCode } from '@crm/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventHistory, type PlainCommand } from '../projection-kit/testing/event-history.ts';
import {
  expectSameTablesHoweverDelivered,
  projectionHarness,
} from '../projection-kit/testing/projection-harness.ts';
import { serviceSlaProjection } from './projection.ts';
import {
  slaBoardByAssignee,
  slaBoardByPriority,
  slaBoardTotals,
  slaBreachedTickets,
} from './queries.ts';

const harness = await projectionHarness(
  serviceSlaProjection({ reportingCurrency: 'EUR' as CurrencyCode, timeZone: 'UTC' }),
);
beforeEach(() => harness.reset());

const openedAt = Date.parse('2025-03-03T09:00:00Z');
/** The instant `minutes` after the fixture tickets were opened. */
const after = (minutes: number): string => new Date(openedAt + minutes * 60_000).toISOString();

const open = (ticketId: string, priority: string, minutes = 0): PlainCommand => ({
  type: 'OpenTicket',
  data: {
    ticketId,
    customerId: `customer-${ticketId}`,
    subject: 'It broke',
    description: 'It broke again.',
    channel: 'email',
    category: 'incident',
    priority,
    at: after(minutes),
  },
});
const assign = (ticketId: string, assignee: string, minutes: number): PlainCommand => ({
  type: 'AssignTicket',
  data: { ticketId, assignee, at: after(minutes) },
});
let replies = 0;
const reply = (
  ticketId: string,
  minutes: number,
  author: 'agent' | 'customer' = 'agent',
  visibility: 'public' | 'internal' = 'public',
): PlainCommand => {
  replies += 1;
  return {
    type: 'ReplyToTicket',
    data: {
      ticketId,
      replyId: `reply-${replies}`,
      author: author === 'agent' ? { kind: 'agent', userId: 'agent-x' } : { kind: 'customer' },
      visibility,
      body: 'Looking into it.',
      at: after(minutes),
    },
  };
};
const simple = (
  type: string,
  ticketId: string,
  minutes: number,
  data: Record<string, unknown> = {},
): PlainCommand => ({
  type,
  data: { ticketId, ...data, at: after(minutes) },
});
const resolve = (ticketId: string, minutes: number) =>
  simple('ResolveTicket', ticketId, minutes, { resolution: 'Fixed' });

const serviceDesk = () =>
  eventHistory().run(
    'ticket',
    // Urgent (60 min / 240 min), answered in 30, resolved in 120, rated 5: no breach.
    open('t1', 'urgent'),
    assign('t1', 'agent-1', 5),
    reply('t1', 30),
    resolve('t1', 120),
    simple('RateTicket', 't1', 130, { score: 5 }),
    // Urgent, answered late (90) and resolved late (300): both breaches, recorded as they happen.
    open('t2', 'urgent'),
    assign('t2', 'agent-1', 5),
    reply('t2', 90),
    resolve('t2', 300),
    simple('RateTicket', 't2', 310, { score: 2 }),
    // Urgent, nobody on it: the scheduler records both breaches; both clocks still run.
    open('t3', 'urgent'),
    simple('CheckTicketSla', 't3', 70),
    simple('CheckTicketSla', 't3', 250),
    // Normal: an internal note and a customer reply are not a first response; the agent's public
    // reply at 60 is. Resolved at 600, reopened, resolved again at 900 (the latest counts), closed.
    open('t4', 'normal'),
    assign('t4', 'agent-2', 5),
    reply('t4', 10, 'agent', 'internal'),
    reply('t4', 20, 'customer'),
    reply('t4', 60),
    resolve('t4', 600),
    simple('ReopenTicket', 't4', 700, { reason: 'Not fixed' }),
    resolve('t4', 900),
    simple('CloseTicket', 't4', 1000),
    // High (240 min to answer), untouched: overdue at 300 though no breach was recorded.
    open('t5', 'high'),
    assign('t5', 'agent-2', 5),
    // Low raised to urgent: its clocks now count 60 / 240 from the opening. Answered at 45.
    open('t6', 'low'),
    simple('ChangeTicketPriority', 't6', 10, { priority: 'urgent' }),
    assign('t6', 'agent-1', 11),
    reply('t6', 45),
    // Normal, opened a day later.
    open('t7', 'normal', 1440),
  );

const none = { tickets: 0, averageMinutes: null, medianMinutes: null };

describe('service SLA board', () => {
  it('counts open tickets, breaches and response times by priority', async () => {
    await harness.apply(serviceDesk().events());
    const [urgent, high, normal, low] = await slaBoardByPriority(harness.db);
    expect(urgent).toEqual({
      priority: 'urgent',
      tickets: 4,
      openTickets: 2,
      firstResponseBreaches: { total: 2, open: 1 },
      resolutionBreaches: { total: 2, open: 1 },
      overdue: null,
      timeToFirstResponse: { tickets: 3, averageMinutes: 55, medianMinutes: 45 },
      timeToResolution: { tickets: 2, averageMinutes: 210, medianMinutes: 210 },
      ratings: 2,
      averageCsat: 3.5,
    });
    expect(high).toMatchObject({
      priority: 'high',
      tickets: 1,
      openTickets: 1,
      timeToFirstResponse: none,
    });
    expect(normal).toMatchObject({
      priority: 'normal',
      tickets: 2,
      openTickets: 1,
      timeToFirstResponse: { tickets: 1, averageMinutes: 60, medianMinutes: 60 },
      timeToResolution: { tickets: 1, averageMinutes: 900, medianMinutes: 900 },
    });
    expect(low).toMatchObject({
      priority: 'low',
      tickets: 0,
      averageCsat: null,
      timeToResolution: none,
    });
  });

  it('counts tickets overdue at a given instant, breach recorded or not', async () => {
    await harness.apply(serviceDesk().events());
    const board = await slaBoardByPriority(harness.db, { asOf: after(300) });
    expect(board.map((line) => [line.priority, line.overdue])).toEqual([
      ['urgent', { firstResponse: 1, resolution: 2 }],
      ['high', { firstResponse: 1, resolution: 0 }],
      ['normal', { firstResponse: 0, resolution: 0 }],
      ['low', { firstResponse: 0, resolution: 0 }],
    ]);
    await expect(slaBoardByPriority(harness.db, { asOf: 'yesterday' })).rejects.toThrow(RangeError);
  });

  it('gives the same figures per assignee, and lists the breached tickets', async () => {
    await harness.apply(serviceDesk().events());
    const byAssignee = await slaBoardByAssignee(harness.db);
    expect(byAssignee.map((line) => [line.assigneeId, line.tickets, line.openTickets])).toEqual([
      [null, 2, 2],
      ['agent-1', 3, 1],
      ['agent-2', 2, 1],
    ]);
    expect(byAssignee[1]).toMatchObject({
      firstResponseBreaches: { total: 1, open: 0 },
      resolutionBreaches: { total: 1, open: 0 },
      timeToFirstResponse: { tickets: 3, averageMinutes: 55, medianMinutes: 45 },
      averageCsat: 3.5,
    });
    const breached = await slaBreachedTickets(harness.db);
    expect(
      breached.map((t) => [t.ticketId, t.firstResponseBreachedAt, t.resolutionBreachedAt]),
    ).toEqual([
      ['t2', after(90), after(300)],
      ['t3', after(70), after(250)],
    ]);
    expect(
      (await slaBreachedTickets(harness.db, { openOnly: true })).map((t) => t.ticketId),
    ).toEqual(['t3']);
  });

  it('restricts the board to tickets opened in a period', async () => {
    await harness.apply(serviceDesk().events());
    expect((await slaBoardTotals(harness.db)).tickets).toBe(7);
    const firstDay = await slaBoardTotals(harness.db, { openedBefore: after(1440) });
    expect([firstDay.tickets, firstDay.openTickets]).toEqual([6, 3]);
    expect((await slaBoardTotals(harness.db, { openedFrom: after(1440) })).tickets).toBe(1);
  });

  it('builds the same tables in one batch, one event at a time, and with every event twice', async () => {
    await expectSameTablesHoweverDelivered(harness, serviceDesk().events(), 4);
  });
});
