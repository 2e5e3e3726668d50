import { type EventStore, EventStoreError } from '@crm/event-store';
import { describe, expect, it } from 'vitest';
import { accountHandler, actor, deposit, open } from '../test-fixtures/account-harness.ts';
import { eventIdFor } from './event-ids.ts';

const rep = actor('sales_rep');

describe('handle: decode, authorise, load, decide, append', () => {
  it('appends the decided events with the metadata of §4 and reports the new revision', async () => {
    const { handle, eventStore } = accountHandler();
    const opened = await handle(open('a1'), {
      commandId: 'cmd-open',
      actor: rep,
      correlationId: 'conversation-1',
      causationId: 'request-9',
    });
    expect(opened).toMatchObject({ kind: 'accepted', streamName: 'account-a1', revision: 0 });
    const result = await handle(deposit('a1', 50), {
      commandId: 'cmd-dep',
      actor: rep,
      occurredAt: '2026-03-01T10:00:05Z',
    });
    expect(result.kind).toBe('accepted');
    if (result.kind !== 'accepted') return;
    expect(result.revision).toBe(1);
    expect(result.events).toHaveLength(1);
    const [stored] = await eventStore.readStream('account-a1', { fromRevision: 1 });
    expect(stored?.eventId).toBe(eventIdFor('cmd-dep', 0));
    expect(result.position).toEqual(stored?.position);
    expect(stored?.metadata).toMatchObject({
      eventId: eventIdFor('cmd-dep', 0),
      commandId: 'cmd-dep',
      correlationId: 'cmd-dep',
      causationId: 'cmd-dep',
      actor: { id: 'u-sales_rep', role: 'sales_rep' },
      occurredAt: '2026-03-01T10:00:05Z',
      schemaVersion: 1,
    });
    const [first] = await eventStore.readStream('account-a1', { maxCount: 1 });
    expect(first?.metadata).toMatchObject({
      correlationId: 'conversation-1',
      causationId: 'request-9',
      occurredAt: '2026-03-01T09:00:00.000Z',
    });
  });

  it('refuses a malformed command with InvalidInput naming the field, appending nothing', async () => {
    const { handle, eventStore } = accountHandler();
    const wrongField = await handle(
      { type: 'Deposit', data: { accountId: 'a1', amount: 'ten', at: 'x' } },
      { commandId: 'c1', actor: rep },
    );
    expect(wrongField).toMatchObject({
      kind: 'rejected',
      error: { _tag: 'InvalidInput', field: 'data.amount' },
    });
    const unknownType = await handle(
      { type: 'Withdraw', data: {} },
      { commandId: 'c2', actor: rep },
    );
    expect(unknownType).toMatchObject({
      kind: 'rejected',
      error: { _tag: 'InvalidInput', field: 'type' },
    });
    expect(await eventStore.readAll()).toEqual([]);
  });

  it('refuses a malformed context the same way (context.<field>)', async () => {
    const { handle } = accountHandler();
    const result = await handle(open('a1'), {
      commandId: 'c1',
      actor: { id: 'u1', role: 'superuser' },
    });
    expect(result).toMatchObject({
      kind: 'rejected',
      error: { _tag: 'InvalidInput', field: 'context.actor.role' },
    });
  });

  it('returns the domain error and appends nothing when the decider refuses', async () => {
    const { handle, eventStore } = accountHandler();
    await handle(open('a1'), { commandId: 'c1', actor: rep });
    const result = await handle(deposit('a1', -5), { commandId: 'c2', actor: rep });
    expect(result).toMatchObject({
      kind: 'rejected',
      streamName: 'account-a1',
      error: { _tag: 'AmountNotPositive' },
    });
    expect(await eventStore.readStream('account-a1')).toHaveLength(1);
  });

  it('loses no update when concurrent commands race on one stream (reload, decide again)', async () => {
    const { handle, eventStore } = accountHandler({
      retry: { maxAttempts: 50, baseDelayMs: 1, maxDelayMs: 10 },
    });
    await handle(open('a1'), { commandId: 'open', actor: rep });
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        handle(deposit('a1', i + 1), { commandId: `dep-${i}`, actor: rep }),
      ),
    );
    expect(results.every((r) => r.kind === 'accepted')).toBe(true);
    const events = await eventStore.readStream('account-a1');
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 26 }, (_, i) => i));
    const total = events
      .filter((e) => e.type === 'Deposited')
      .reduce((sum, e) => sum + Number((e.data as { amount: number }).amount), 0);
    expect(total).toBe((25 * 26) / 2);
  });

  it('gives up after the bounded number of attempts, with jittered waits, as ConcurrencyConflict', async () => {
    const inner = accountHandler().eventStore;
    let appends = 0;
    // A stream that always moves on between load and append.
    const busy: EventStore = {
      ...inner,
      append: async () => {
        appends += 1;
        throw EventStoreError.wrongExpectedRevision('account-a1', 'no_stream', appends);
      },
    };
    const draws: number[] = [];
    const { handle } = accountHandler({
      eventStore: busy,
      retry: { maxAttempts: 4, baseDelayMs: 2, maxDelayMs: 8 },
      random: () => {
        draws.push(0.5);
        return 0.5;
      },
    });
    const result = await handle(open('a1'), { commandId: 'c1', actor: rep });
    expect(result).toMatchObject({ kind: 'failed', error: { code: 'ConcurrencyConflict' } });
    expect(appends).toBe(4);
    expect(draws).toHaveLength(3);
  });

  it('reports a store outage as a typed Unavailable failure, never a throw', async () => {
    const inner = accountHandler().eventStore;
    const down: EventStore = {
      ...inner,
      readStream: async () => {
        throw EventStoreError.unavailable('connection refused');
      },
    };
    const { handle } = accountHandler({ eventStore: down });
    const result = await handle(open('a1'), { commandId: 'c1', actor: rep });
    expect(result).toMatchObject({ kind: 'failed', error: { code: 'Unavailable' } });
  });

  it('reports a deleted stream as StreamDeleted', async () => {
    const { handle, eventStore } = accountHandler();
    await handle(open('a1'), { commandId: 'c1', actor: rep });
    await eventStore.deleteStream('account-a1');
    const result = await handle(deposit('a1', 5), { commandId: 'c2', actor: rep });
    expect(result).toMatchObject({ kind: 'failed', error: { code: 'StreamDeleted' } });
  });

  it('accepts a no-op decision with no events and the current revision', async () => {
    const { handle, eventStore } = accountHandler();
    await handle(open('a1'), { commandId: 'c1', actor: rep });
    await handle(
      { type: 'EraseHolder', data: { accountId: 'a1', at: '2026-03-02T10:00:00Z' } },
      {
        commandId: 'c2',
        actor: actor('privacy_officer'),
      },
    );
    const again = await handle(
      { type: 'EraseHolder', data: { accountId: 'a1', at: '2026-03-03T10:00:00Z' } },
      { commandId: 'c3', actor: actor('privacy_officer') },
    );
    expect(again).toMatchObject({ kind: 'accepted', events: [], revision: 1 });
    expect(await eventStore.readStream('account-a1')).toHaveLength(2);
  });
});
