import type { EventStore } from '@crm/event-store';
import { describe, expect, it } from 'vitest';
import { accountHandler, actor, deposit, open } from '../test-fixtures/account-harness.ts';
import type { CommandOutcomeStore } from './command-outcome-store.ts';

const rep = actor('sales_rep');

describe('idempotent commands: a command id handled before returns its original outcome', () => {
  it('sent twice in a row: acts once, the second call returns the first outcome', async () => {
    const { handle, eventStore } = accountHandler();
    await handle(open('a1'), { commandId: 'open', actor: rep });
    const first = await handle(deposit('a1', 10, 'first gift'), { commandId: 'dep', actor: rep });
    const second = await handle(deposit('a1', 10, 'first gift'), { commandId: 'dep', actor: rep });
    expect(first.kind).toBe('accepted');
    expect(second).toEqual(first);
    expect(await eventStore.readStream('account-a1')).toHaveLength(2);
  });

  it('sent twice at the same time: both calls get one outcome, the events are stored once', async () => {
    const { handle, eventStore } = accountHandler();
    await handle(open('a1'), { commandId: 'open', actor: rep });
    const [a, b] = await Promise.all([
      handle(deposit('a1', 10), { commandId: 'dep', actor: rep }),
      handle(deposit('a1', 10), { commandId: 'dep', actor: rep }),
    ]);
    expect(a?.kind).toBe('accepted');
    expect(b).toEqual(a);
    expect(await eventStore.readStream('account-a1')).toHaveLength(2);
  });

  it('ten copies of each of five commands at once: every command acts exactly once', async () => {
    const { handle, eventStore } = accountHandler({
      retry: { maxAttempts: 50, baseDelayMs: 1, maxDelayMs: 10 },
    });
    await handle(open('a1'), { commandId: 'open', actor: rep });
    const sends = Array.from({ length: 50 }, (_, i) =>
      handle(deposit('a1', (i % 5) + 1), { commandId: `dep-${i % 5}`, actor: rep }),
    );
    const results = await Promise.all(sends);
    for (const [i, result] of results.entries()) {
      expect(result.kind).toBe('accepted');
      expect(result).toEqual(results[i % 5]);
    }
    const stored = await eventStore.readStream('account-a1');
    expect(stored).toHaveLength(6);
    expect(new Set(stored.map((e) => e.metadata.commandId)).size).toBe(6);
  });

  it('a refusal is an outcome too: the same id stays refused after the state changes', async () => {
    const { handle, eventStore } = accountHandler();
    const manager = actor('sales_manager');
    const refused = await handle(deposit('a1', 10), { commandId: 'dep', actor: manager });
    expect(refused).toMatchObject({ kind: 'rejected', error: { _tag: 'AccountNotOpen' } });
    await handle(open('a1'), { commandId: 'open', actor: manager });
    const again = await handle(deposit('a1', 10), { commandId: 'dep', actor: manager });
    expect(again).toEqual(refused);
    expect(await eventStore.readStream('account-a1')).toHaveLength(1);
  });

  it('a malformed command is not an outcome: the id may be used again once the command is fixed', async () => {
    const { handle } = accountHandler();
    await handle(open('a1'), { commandId: 'open', actor: rep });
    const malformed = { type: 'Deposit', data: { accountId: 'a1', amount: 'three', at: 'now' } };
    const bad = await handle(malformed, { commandId: 'dep', actor: rep });
    expect(bad).toMatchObject({ kind: 'rejected', error: { _tag: 'InvalidInput' } });
    const good = await handle(deposit('a1', 3), { commandId: 'dep', actor: rep });
    expect(good.kind).toBe('accepted');
  });

  // A process that dies between its append and recording the outcome: `complete` never returns.
  const dyingAfterAppend = (outcomes: CommandOutcomeStore): CommandOutcomeStore => ({
    ...outcomes,
    complete: () => new Promise<never>(() => {}),
  });

  const eventually = async (check: () => Promise<boolean>): Promise<void> => {
    for (let i = 0; i < 200 && !(await check()); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  it('a crash after the append, before the outcome is recorded: the retry finds the events and acts no more', async () => {
    const shared = accountHandler({ leaseMs: 30 });
    const stores = { eventStore: shared.eventStore, keyStore: shared.keyStore, leaseMs: 30 };
    await shared.handle(open('a1'), { commandId: 'open', actor: rep });
    const dying = accountHandler({ ...stores, outcomes: dyingAfterAppend(shared.outcomes) });
    void dying.handle(deposit('a1', 10), { commandId: 'dep', actor: rep });
    await eventually(async () => (await shared.eventStore.readStream('account-a1')).length === 2);
    // A new process: same stores; it waits for the dead attempt's lease, then takes over.
    const restarted = accountHandler({ ...stores, outcomes: shared.outcomes });
    const retried = await restarted.handle(deposit('a1', 10), { commandId: 'dep', actor: rep });
    expect(retried).toMatchObject({
      kind: 'accepted',
      revision: 1,
      events: [{ type: 'Deposited' }],
    });
    expect(await shared.eventStore.readStream('account-a1')).toHaveLength(2);
    // From now on the outcome is recorded.
    expect(await restarted.handle(deposit('a1', 10), { commandId: 'dep', actor: rep })).toEqual(
      retried,
    );
  });

  it('finds the dead attempt’s events even when a later snapshot hides them', async () => {
    const shared = accountHandler({ leaseMs: 30, snapshotEvery: 2 });
    const stores = {
      eventStore: shared.eventStore,
      keyStore: shared.keyStore,
      snapshots: shared.snapshots,
      leaseMs: 30,
      snapshotEvery: 2,
    };
    // Deciding this command again on the later state would refuse it (AccountAlreadyOpen):
    // only the events themselves can tell that it was accepted.
    const dying = accountHandler({ ...stores, outcomes: dyingAfterAppend(shared.outcomes) });
    void dying.handle(open('a1'), { commandId: 'lost', actor: rep });
    await eventually(async () => (await shared.eventStore.readStream('account-a1')).length === 1);
    for (let i = 0; i < 4; i += 1) {
      await shared.handle(deposit('a1', 1), { commandId: `later-${i}`, actor: rep });
    }
    expect((await shared.snapshots.load('account-a1'))?.revision).toBeGreaterThan(0);
    const restarted = accountHandler({ ...stores, outcomes: shared.outcomes });
    const retried = await restarted.handle(open('a1'), { commandId: 'lost', actor: rep });
    expect(retried).toMatchObject({
      kind: 'accepted',
      revision: 0,
      events: [{ type: 'AccountOpened' }],
    });
    expect(await shared.eventStore.readStream('account-a1')).toHaveLength(5);
  });

  it('a duplicate that waits too long for its running twin is told CommandInProgress', async () => {
    const inner = accountHandler().eventStore;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: EventStore = {
      ...inner,
      append: async (...args) => {
        await gate;
        return inner.append(...args);
      },
    };
    const { handle } = accountHandler({ eventStore: slow, inProgressWaitMs: 20 });
    const first = handle(open('a1'), { commandId: 'open', actor: rep });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const twin = await handle(open('a1'), { commandId: 'open', actor: rep });
    expect(twin).toMatchObject({ kind: 'failed', error: { code: 'CommandInProgress' } });
    release();
    expect((await first).kind).toBe('accepted');
    const later = await handle(open('a1'), { commandId: 'open', actor: rep });
    expect(later).toEqual(await first);
  });
});
