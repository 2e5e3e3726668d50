import type { EventStore, JsonObject, RecordedEvent } from '@crm/event-store';
import { describe, expect, it } from 'vitest';
import {
  accountHandler,
  actor,
  deposit,
  eraseHolder,
  open,
} from '../test-fixtures/account-harness.ts';
import { canonicalJson } from './canonical-json.ts';
import { verifyHashChain } from './verify-hash-chain.ts';

const rep = actor('sales_rep');

const seed = async () => {
  const harness = accountHandler();
  await harness.handle(open('a1'), { commandId: 'c1', actor: rep });
  for (let i = 0; i < 5; i += 1) {
    await harness.handle(deposit('a1', i + 1, `memo ${i}`), { commandId: `d${i}`, actor: rep });
  }
  await harness.handle(open('a2'), { commandId: 'c2', actor: rep });
  return harness;
};

/** A store whose reads return one event altered, as if a row had been edited in the database. */
const alteredStore = (
  store: EventStore,
  alter: (event: RecordedEvent) => RecordedEvent | undefined,
): EventStore => {
  const apply = (events: ReadonlyArray<RecordedEvent>) =>
    events.flatMap((event) => {
      const altered = alter(event);
      return altered === undefined ? [] : [altered];
    });
  return {
    ...store,
    readStream: async (name, options) => apply(await store.readStream(name, options)),
    readAll: async (options) => apply(await store.readAll(options)),
  };
};

describe('tamper evidence: a hash chained per stream over the stored form', () => {
  it('verifies an untouched stream and the whole log', async () => {
    const { eventStore } = await seed();
    expect(await verifyHashChain(eventStore, { stream: 'account-a1' })).toEqual({
      ok: true,
      eventsChecked: 6,
      streamsChecked: 1,
    });
    const all = await verifyHashChain(eventStore, { all: true }, { pageSize: 2 });
    expect(
      all,
      JSON.stringify(all, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
    ).toEqual({
      ok: true,
      eventsChecked: 7,
      streamsChecked: 2,
    });
  });

  it('still verifies after erasure: the chain covers the ciphertext, which never changes', async () => {
    const { eventStore, handle } = await seed();
    await handle(eraseHolder('a1'), { commandId: 'erase', actor: actor('privacy_officer') });
    expect(await verifyHashChain(eventStore, { all: true })).toMatchObject({ ok: true });
  });

  it('reports the first altered event: data, metadata, or type', async () => {
    const { eventStore } = await seed();
    const cases: ReadonlyArray<(event: RecordedEvent) => RecordedEvent> = [
      (e) => ({ ...e, data: { ...(e.data as JsonObject), amount: 1_000_000 } }),
      (e) => ({ ...e, metadata: { ...e.metadata, actor: { id: 'u-mallory', role: 'admin' } } }),
      (e) => ({ ...e, type: 'AccountOpened' }),
    ];
    for (const change of cases) {
      const store = alteredStore(eventStore, (e) =>
        e.streamName === 'account-a1' && e.revision === 3 ? change(e) : e,
      );
      const report = await verifyHashChain(store, { stream: 'account-a1' });
      expect(report).toMatchObject({
        ok: false,
        eventsChecked: 3,
        break: { reason: 'HashMismatch', streamName: 'account-a1', revision: 3 },
      });
    }
  });

  it('reports a removed event as a revision gap, and an unhashed event as MissingHash', async () => {
    const { eventStore } = await seed();
    const removed = alteredStore(eventStore, (e) =>
      e.streamName === 'account-a1' && e.revision === 2 ? undefined : e,
    );
    expect(await verifyHashChain(removed, { all: true })).toMatchObject({
      ok: false,
      break: { reason: 'RevisionGap', revision: 3 },
    });
    const unhashed = alteredStore(eventStore, (e) =>
      e.revision === 0 && e.streamName === 'account-a2'
        ? {
            ...e,
            metadata: Object.fromEntries(Object.entries(e.metadata).filter(([k]) => k !== 'hash')),
          }
        : e,
    );
    expect(await verifyHashChain(unhashed, { all: true })).toMatchObject({
      ok: false,
      break: { reason: 'MissingHash', streamName: 'account-a2' },
    });
  });

  it('hashes a canonical form that survives key reordering (as jsonb does)', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe(
      '{"a":[{"c":"x","d":null}],"b":1}',
    );
  });
});
