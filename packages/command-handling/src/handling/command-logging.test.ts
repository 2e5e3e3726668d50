import { Writable } from 'node:stream';
import { type EventStore, EventStoreError } from '@crm/event-store';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { accountHandler, actor, deposit, open } from '../test-fixtures/account-harness.ts';

/** A pino logger writing JSON lines into an array. */
const capture = () => {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
};

describe('logging: pino, passed in, the correlation id on every line', () => {
  it('puts the correlation id on every line of a command, through conflicts and refusals', async () => {
    const { logger, lines } = capture();
    const inner = accountHandler().eventStore;
    let conflicts = 1;
    const racing: EventStore = {
      ...inner,
      append: async (name, events, options) => {
        if (conflicts-- > 0) throw EventStoreError.wrongExpectedRevision(name, 'no_stream', 0);
        return inner.append(name, events, options);
      },
    };
    const { handle } = accountHandler({ eventStore: racing });
    const rep = actor('sales_rep');
    await handle(open('a1'), { commandId: 'c1', actor: rep, correlationId: 'corr-1', logger });
    await handle(deposit('a1', -1), {
      commandId: 'c2',
      actor: rep,
      correlationId: 'corr-2',
      logger,
    });
    await handle(deposit('a1', 1), {
      commandId: 'c2',
      actor: rep,
      correlationId: 'corr-2',
      logger,
    });
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining([
        'stream moved on; deciding again',
        'command accepted',
        'command rejected',
        'command handled before: original outcome returned',
      ]),
    );
    for (const line of lines) {
      expect(line.correlationId).toMatch(/^corr-[12]$/);
      expect(line.commandId).toBe(line.correlationId === 'corr-1' ? 'c1' : 'c2');
    }
  });

  it('never logs personal data (command data stays out of the lines)', async () => {
    const { logger, lines } = capture();
    const { handle } = accountHandler({ logger });
    await handle(open('a1', 'u-sales_rep', 'Grace Hopper'), {
      commandId: 'c1',
      actor: actor('sales_rep'),
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain('Grace');
    expect(lines.every((line) => line.correlationId === 'c1')).toBe(true);
  });
});
