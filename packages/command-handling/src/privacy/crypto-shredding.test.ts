import type { EventStore } from '@crm/event-store';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createDomainEventReader } from '../handling/domain-event-reader.ts';
import {
  accountHandler,
  actor,
  deposit,
  eraseHolder,
  open,
} from '../test-fixtures/account-harness.ts';
import { isErasedValue } from './erased-value.ts';

const rep = actor('sales_rep');
const officer = actor('privacy_officer');
const personal = ['Ada Lovelace', 'birthday money from Ada', 'for the engine, Ada'];

const dumpOf = async (store: EventStore): Promise<string> =>
  JSON.stringify(await store.readAll(), (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );

const seed = async () => {
  const harness = accountHandler({ snapshotEvery: 2 });
  const { handle } = harness;
  await handle(open('a1', 'u-sales_rep', 'Ada Lovelace'), { commandId: 'c1', actor: rep });
  await handle(deposit('a1', 100, 'birthday money from Ada'), { commandId: 'c2', actor: rep });
  await handle(deposit('a1', 50, 'for the engine, Ada'), { commandId: 'c3', actor: rep });
  await handle(open('a2', 'u-sales_rep', 'Charles Babbage'), { commandId: 'c4', actor: rep });
  const reader = createDomainEventReader(harness);
  return { ...harness, reader };
};

describe('crypto-shredding: personal data stored encrypted, one key per subject', () => {
  it('stores names and memos only as AES-256-GCM ciphertext, and reads them back decrypted', async () => {
    const { eventStore, reader, snapshots } = await seed();
    const dump = await dumpOf(eventStore);
    for (const value of [...personal, 'Charles Babbage']) expect(dump).not.toContain(value);
    expect(dump).toContain('"$pii":"aes-256-gcm/v1"');
    expect(JSON.stringify(await snapshots.load('account-a1'))).not.toContain('Ada');
    const events = await reader.readStream('account-a1');
    expect(E.isRight(events) && events.right.map((e) => e.data)).toMatchObject([
      { holderName: 'Ada Lovelace' },
      { memo: 'birthday money from Ada', amount: 100 },
      { memo: 'for the engine, Ada', amount: 50 },
    ]);
  });

  it('uses a key per subject: erasing one leaves the other readable', async () => {
    const { handle, reader } = await seed();
    await handle(eraseHolder('a1'), { commandId: 'erase', actor: officer });
    const other = await reader.readStream('account-a2');
    expect(E.isRight(other) && other.right[0]?.data).toMatchObject({
      holderName: 'Charles Babbage',
    });
  });

  it('erasure deletes the key and appends the erasure event; reads then return the typed placeholder', async () => {
    const { handle, reader, keyStore, eventStore } = await seed();
    const erased = await handle(eraseHolder('a1'), { commandId: 'erase', actor: officer });
    expect(erased).toMatchObject({ kind: 'accepted', events: [{ type: 'HolderErased' }] });
    expect(await keyStore.find('holder-a1')).toBe('erased');
    const events = await reader.readStream('account-a1');
    if (E.isLeft(events)) throw new Error(events.left.message);
    const [opened, first] = events.right;
    expect(opened?.data).toMatchObject({
      accountId: 'a1',
      holderName: { _tag: 'ErasedValue', subject: 'holder-a1' },
    });
    const deposited = first?.data as { memo: unknown; amount: number } | undefined;
    expect(isErasedValue(deposited?.memo)).toBe(true);
    expect(first?.erasedPaths).toEqual(['data.memo']);
    expect(deposited?.amount).toBe(100);
    // History is intact: every event is still there.
    expect(await eventStore.readStream('account-a1')).toHaveLength(4);
  });

  it('keeps the aggregate usable for its non-personal history after erasure', async () => {
    const { handle } = await seed();
    await handle(eraseHolder('a1'), { commandId: 'erase', actor: officer });
    const more = await handle(deposit('a1', 25), { commandId: 'c5', actor: rep });
    expect(more).toMatchObject({ kind: 'accepted', revision: 4 });
    // New personal data cannot be stored for an erased subject: a typed failure, nothing appended.
    const named = await handle(deposit('a1', 5, 'from Ada again'), { commandId: 'c6', actor: rep });
    expect(named).toMatchObject({ kind: 'failed', error: { code: 'PersonalDataErased' } });
  });

  it('ignores the erased subject’s snapshot (unreadable) and rebuilds from the log', async () => {
    const { handle, snapshots } = await seed();
    const before = await snapshots.load('account-a1');
    expect(before).toBeDefined();
    await handle(eraseHolder('a1'), { commandId: 'erase', actor: officer });
    if (before !== undefined) await snapshots.save(before);
    const result = await handle(deposit('a1', 1), { commandId: 'c9', actor: rep });
    expect(result).toMatchObject({ kind: 'accepted', revision: 4 });
  });

  it('only a privacy officer erases', async () => {
    const { handle, keyStore } = await seed();
    const result = await handle(eraseHolder('a1'), { commandId: 'erase', actor: actor('admin') });
    expect(result).toMatchObject({ kind: 'rejected', error: { _tag: 'Forbidden' } });
    expect(await keyStore.find('holder-a1')).toBeInstanceOf(Uint8Array);
  });

  it('reports an altered ciphertext as CorruptEvent instead of guessing', async () => {
    const { eventStore, keyStore, routes } = await seed();
    const tampered: EventStore = {
      ...eventStore,
      readStream: async (name, options) =>
        (await eventStore.readStream(name, options)).map((event) =>
          event.revision === 1
            ? {
                ...event,
                data: JSON.parse(
                  JSON.stringify(event.data).replace(/"data":"(.)/, (_m, c: string) =>
                    c === 'A' ? '"data":"B' : '"data":"A',
                  ),
                ),
              }
            : event,
        ),
    };
    const reader = createDomainEventReader({ eventStore: tampered, keyStore, routes });
    const read = await reader.readStream('account-a1');
    expect(E.isLeft(read) && read.left).toMatchObject({ code: 'CorruptEvent' });
  });
});
