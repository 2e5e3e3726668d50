import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { Instant } from '../kernel/time.ts';
import { decodeTicketCommand, TicketCommand } from './commands.ts';
import { decodeTicketEvent, TicketEvent, ticketUpcasters } from './events.ts';
import { slaDueInstants, slaTargets } from './sla.ts';
import {
  agentReply,
  check,
  customerReply,
  dealId,
  escalate,
  historyOf,
  open,
  openedAt,
  rate,
  reopen,
  resolve,
  valid,
} from './test-fixtures.ts';

const commands = [
  open('high', openedAt, { dealId }),
  open(),
  agentReply(1, 5),
  customerReply(2, 6),
  escalate(7, 3),
  resolve(8),
  reopen(9),
  rate(10, 1),
  check(11),
];

describe('ticket command codecs', () => {
  it('decode what they encode', () => {
    for (const command of commands) {
      expect(
        decodeTicketCommand(JSON.parse(JSON.stringify(TicketCommand.encode(command)))),
      ).toEqual(E.right(command));
    }
  });

  it('name the offending field', () => {
    const input = { type: 'RateTicket', data: { ticketId: 'ticket-1', score: 6, at: openedAt } };
    expect(decodeTicketCommand(input)).toMatchObject({
      left: { _tag: 'InvalidInput', field: 'data.score' },
    });
    const opening = { ...open(), data: { ...open().data, priority: 'asap' } };
    expect(decodeTicketCommand(opening)).toMatchObject({ left: { field: 'data.priority' } });
  });

  it('report an unknown command type', () => {
    expect(decodeTicketCommand({ type: 'MergeTickets', data: {} })).toMatchObject({
      left: { _tag: 'InvalidInput', field: 'type' },
    });
  });
});

describe('ticket event codecs', () => {
  const events = historyOf(
    open('urgent', openedAt, { dealId }),
    agentReply(1, 120),
    escalate(121, 2),
    resolve(600),
    rate(601, 5),
  );

  it('decode stored events of the current version', () => {
    expect(ticketUpcasters).toEqual([]);
    for (const event of events) {
      const stored = JSON.parse(JSON.stringify(TicketEvent.encode(event)));
      expect(decodeTicketEvent(stored)).toEqual(E.right(event));
    }
  });

  it('refuse an unknown version', () => {
    const [opened] = events;
    if (opened === undefined) throw new Error('expected an opening');
    const stored = { ...TicketEvent.encode(opened), version: 2 };
    expect(decodeTicketEvent(stored)).toMatchObject({
      left: { _tag: 'InvalidInput', field: 'version' },
    });
  });
});

describe('SLA targets', () => {
  it('tighten as the priority rises', () => {
    const steps = [
      ['low', 'normal'],
      ['normal', 'high'],
      ['high', 'urgent'],
    ] as const;
    for (const [lower, higher] of steps) {
      expect(slaTargets[higher].firstResponseMinutes).toBeLessThan(
        slaTargets[lower].firstResponseMinutes,
      );
      expect(slaTargets[higher].resolutionMinutes).toBeLessThan(
        slaTargets[lower].resolutionMinutes,
      );
    }
  });

  it('give due instants in UTC from any offset', () => {
    expect(slaDueInstants(valid(Instant, '2025-03-01T10:00:00+01:00'), 'urgent')).toEqual({
      firstResponseDueAt: '2025-03-01T10:00:00.000Z',
      resolutionDueAt: '2025-03-01T13:00:00.000Z',
    });
    expect(slaDueInstants(valid(Instant, '9999-12-31T23:00:00Z'), 'urgent')).toBeUndefined();
  });
});
