import { comparePositions, type EventStore, type LogPosition } from '@crm/event-store';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { CommandHandler } from '../handling/command-handler.ts';
import type { CheckpointStore } from '../policies/checkpoint-store.ts';
import { createInMemoryCheckpointStore } from '../policies/in-memory-checkpoint-store.ts';
import { createPolicyRunner } from '../policies/policy-runner.ts';
import { crmHarness } from '../test-fixtures/crm-harness.ts';
import { crmScenario } from '../testing/crm-scenario.ts';
import { crmPolicies, crmPolicyEventTypes } from './crm-policies.ts';
import { crmRoutingTable } from './crm-routing-table.ts';

type Harness = ReturnType<typeof crmHarness>;

const seed = async (harness: Harness) => {
  // Two customers, each with a deal opened and won: four policy reactions.
  await harness.run(crmScenario('c-ana', '').slice(0, 5));
  await harness.run(crmScenario('c-bo', '-bo').slice(0, 5));
};

const lastTrigger = async (store: EventStore): Promise<LogPosition | undefined> =>
  (await store.readAll({ filter: { eventTypes: crmPolicyEventTypes } })).at(-1)?.position;

const runUntilCaughtUp = async (
  harness: Harness,
  checkpoints: CheckpointStore,
  handler: CommandHandler<never, never> | Harness = harness,
): Promise<void> => {
  const stop = new AbortController();
  const runner = createPolicyRunner({
    name: 'crm-policies',
    eventStore: harness.eventStore,
    handler: handler as Harness,
    routes: crmRoutingTable,
    keyStore: harness.keyStore,
    checkpoints,
    policies: crmPolicies,
    eventTypes: crmPolicyEventTypes,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  let settled = false;
  const running = runner.run(stop.signal).finally(() => {
    settled = true;
  });
  // Observed at once, so a crash is not an unhandled rejection while we poll.
  running.catch(() => undefined);
  const target = await lastTrigger(harness.eventStore);
  for (let i = 0; i < 1000 && !settled; i += 1) {
    const at = await checkpoints.load('crm-policies');
    if (target !== undefined && at !== undefined && comparePositions(at, target) >= 0) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  stop.abort();
  await running;
};

/** Events appended by policy commands, by command id. */
const policyEffects = async (harness: Harness) => {
  const effects = new Map<string, number>();
  for (const event of await harness.eventStore.readAll({
    filter: { streamCategories: ['customer'] },
  })) {
    const commandId = String(event.metadata.commandId);
    if (commandId.startsWith('policy.')) effects.set(commandId, (effects.get(commandId) ?? 0) + 1);
  }
  return effects;
};

const stageOf = async (harness: Harness, customerId: string) => {
  const events = await harness.reader.readStream(`customer-${customerId}`);
  if (E.isLeft(events)) throw new Error(events.left.message);
  const advanced = events.right.filter((e) => e.type === 'CustomerLifecycleStageAdvanced');
  return (advanced.at(-1)?.data as { to?: string } | undefined)?.to;
};

describe('the policy runner', () => {
  it('runs the domain policies from the log through the same command handling', async () => {
    const harness = crmHarness();
    await seed(harness);
    await runUntilCaughtUp(harness, createInMemoryCheckpointStore());
    expect(await stageOf(harness, 'c-ana')).toBe('customer');
    expect(await stageOf(harness, 'c-bo')).toBe('customer');
    const [opened] = await harness.eventStore.readStream('deal-d-kitchen', { maxCount: 1 });
    const caused = (await harness.eventStore.readStream('customer-c-ana')).filter(
      (e) => e.metadata.causationId === opened?.eventId,
    );
    expect(caused.length).toBeGreaterThan(0);
    expect(caused[0]?.metadata).toMatchObject({
      commandId: `policy.deal-opened-promotes-customer.${opened?.eventId}`,
      correlationId: opened?.metadata.correlationId,
      actor: { id: 'policy:deal-opened-promotes-customer', role: 'system' },
    });
  });

  it('resumes from its checkpoint: a second run over the same log acts no more', async () => {
    const harness = crmHarness();
    await seed(harness);
    const checkpoints = createInMemoryCheckpointStore();
    await runUntilCaughtUp(harness, checkpoints);
    const before = await harness.eventStore.readAll();
    await runUntilCaughtUp(harness, checkpoints);
    // Even from the very start (checkpoint lost), replayed reactions are deduplicated.
    await runUntilCaughtUp(harness, createInMemoryCheckpointStore());
    expect(await harness.eventStore.readAll()).toHaveLength(before.length);
  });

  it('passes a poison event and a permanent failure with an error, instead of stalling', async () => {
    const harness = crmHarness();
    // A poison event: a DealOpened whose data no codec accepts, written around command handling.
    await harness.eventStore.append('deal-d-poison', [
      { eventId: '0b5c1f0e-2d6a-4d3e-9b1a-3c2d1e0f9a8b', type: 'DealOpened', data: { dealId: 42 } },
    ]);
    // A permanent failure: the policy's target stream is deleted.
    await harness.run(crmScenario('c-gone', '-gone').slice(0, 4));
    await harness.eventStore.deleteStream('customer-c-gone');
    await seed(harness);
    await runUntilCaughtUp(harness, createInMemoryCheckpointStore());
    expect(await stageOf(harness, 'c-ana')).toBe('customer');
    expect(await stageOf(harness, 'c-bo')).toBe('customer');
  });

  it('never acts twice, whichever point of its work a crash interrupts', {
    timeout: 60_000,
  }, async () => {
    const clean = crmHarness();
    await seed(clean);
    await runUntilCaughtUp(clean, createInMemoryCheckpointStore());
    const expected = await policyEffects(clean);
    expect(expected.size).toBe(4);

    // Crash points: before and after each handle, before and after each checkpoint save, and
    // right after an append whose reply is lost (the store wrote, the handler saw an error).
    let crashes = 0;
    for (let crashAt = 1; crashAt === crashes + 1; crashAt += 1) {
      let step = Number.NEGATIVE_INFINITY; // armed once the log is seeded
      const crash = (): void => {
        step += 1;
        if (step === crashAt) {
          crashes += 1;
          throw new Error(`crash at step ${crashAt}`);
        }
      };
      const base = crmHarness();
      const losingReplies: EventStore = {
        ...base.eventStore,
        append: async (...args) => {
          const result = await base.eventStore.append(...args);
          if (args[0].startsWith('customer-')) crash();
          return result;
        },
      };
      const harness = crmHarness(losingReplies);
      await seed(harness);
      step = 0;
      const inner = createInMemoryCheckpointStore();
      const crashingCheckpoints: CheckpointStore = {
        load: inner.load,
        save: async (name, position) => {
          crash();
          await inner.save(name, position);
          crash();
        },
      };
      const crashingHandler = {
        handle: async (...args: Parameters<Harness['handle']>) => {
          crash();
          const result = await harness.handle(...args);
          crash();
          return result;
        },
      };
      await runUntilCaughtUp(harness, crashingCheckpoints, crashingHandler as never).catch(
        (error: unknown) => {
          if (!String(error).includes('crash')) throw error;
        },
      );
      step = Number.NEGATIVE_INFINITY; // the restarted process does not crash
      await runUntilCaughtUp(harness, inner);
      expect(await policyEffects(harness), `crash at step ${crashAt}`).toEqual(expected);
      expect(await stageOf(harness, 'c-bo')).toBe('customer');
    }
    // Every point of a whole run was crashed once (the last iteration ran through).
    expect(crashes).toBeGreaterThanOrEqual(20);
  });
});
