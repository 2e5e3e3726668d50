import { crmScenario } from '@crm/command-handling/testing';
import { describe, expect, it } from 'vitest';
import { postgresCrm, useCommandHandlingDatabase } from './test-support.ts';

const database = await useCommandHandlingDatabase('ch_idempotent');
// Four handlers over one database stand for four service instances.
const instances = Array.from({ length: 4 }, () => postgresCrm(database));
const [first] = instances;
if (first === undefined) throw new Error('no instance');

const rep = { id: 'u-rep-jo', role: 'sales_rep' } as const;
const interaction = (customerId: string, n: number) => ({
  type: 'RecordInteraction',
  data: {
    customerId,
    interactionId: `i-${n}`,
    channel: 'email',
    direction: 'outbound',
    summary: `sent quote number ${n}`,
    by: rep.id,
    at: '2026-03-03T09:00:00Z',
  },
});

describe('idempotent commands on PostgreSQL, across service instances', () => {
  it('each command sent twice in a row acts once and answers the same both times', async () => {
    for (const { command, context } of crmScenario('c-seq', '-seq')) {
      const once = await first.handle(command, context);
      const twice = await first.handle(command, context);
      expect(once.kind).toBe('accepted');
      expect(twice).toEqual(once);
    }
    const stored = await first.eventStore.readStream('customer-c-seq');
    expect(stored).toHaveLength(3);
  });

  it('each command sent by four instances at once acts once, and all four get the same outcome', async () => {
    for (const { command, context } of crmScenario('c-par', '-par')) {
      const results = await Promise.all(instances.map((i) => i.handle(command, context)));
      expect(results[0]?.kind, command.type).toBe('accepted');
      for (const result of results) expect(result).toEqual(results[0]);
    }
    for (const [stream, count] of [
      ['customer-c-par', 3],
      ['deal-d-kitchen-par', 2],
      ['ticket-t-tiles-par', 2],
    ] as const) {
      const stored = await first.eventStore.readStream(stream);
      expect(stored, stream).toHaveLength(count);
      expect(new Set(stored.map((e) => e.metadata.commandId)).size).toBe(count);
    }
  });

  it('many different commands racing on one stream: none lost, none doubled (retry on conflict)', async () => {
    const [register] = crmScenario('c-race', '-race');
    if (register === undefined) throw new Error('no registration');
    await first.handle(register.command, register.context);
    const sends = Array.from({ length: 40 }, (_, n) => {
      const instance = instances[n % instances.length] ?? first;
      // Each command twice, from two instances: 40 sends, 20 commands.
      return instance.handle(interaction('c-race', n % 20), {
        commandId: `race-${n % 20}`,
        actor: rep,
      });
    });
    const results = await Promise.all(sends);
    // Under heavy contention a send may exhaust its bounded retries; the caller then sends the
    // same command again, as a client would. What must never happen is a loss or a double.
    for (const [n, result] of results.entries()) {
      let outcome = result;
      while (outcome.kind === 'failed') {
        expect(['ConcurrencyConflict', 'CommandInProgress']).toContain(outcome.error.code);
        outcome = await first.handle(interaction('c-race', n % 20), {
          commandId: `race-${n % 20}`,
          actor: rep,
        });
      }
      expect(outcome.kind).toBe('accepted');
    }
    const stored = await first.eventStore.readStream('customer-c-race');
    expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(new Set(stored.map((e) => e.metadata.commandId)).size).toBe(21);
  });

  it('a refusal sent concurrently is one refusal, recorded once', async () => {
    const refusal = { type: 'WinDeal', data: { dealId: 'd-never', at: '2026-03-03T09:00:00Z' } };
    const results = await Promise.all(
      instances.map((i) =>
        i.handle(refusal, {
          commandId: 'win-nothing',
          actor: { id: 'u-boss', role: 'sales_manager' },
        }),
      ),
    );
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]).toMatchObject({ kind: 'rejected' });
    const { rows } = await database.pool.query(
      'SELECT outcome FROM ch_command_outcomes WHERE command_id = $1',
      ['win-nothing'],
    );
    expect(rows).toHaveLength(1);
  });
});
