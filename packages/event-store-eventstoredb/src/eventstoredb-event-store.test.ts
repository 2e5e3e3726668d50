import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import {
  type EventStore,
  type EventStoreError,
  isEventStoreError,
  type NewEvent,
} from '@crm/event-store';
import {
  type EventStoreDbEmulatorOptions,
  startEventStoreDbEmulator,
} from '@crm/eventstoredb-emulator';
import { EventStoreDBClient, jsonEvent, type ResolvedEvent } from '@eventstore/db-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './index.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An emulator, a store on it and a raw client to look at what the store wrote. */
const open = async (
  emulatorOptions: EventStoreDbEmulatorOptions = {},
  storeOptions: EventStoreDbEventStoreOptions = {},
) => {
  const emulator = await startEventStoreDbEmulator(emulatorOptions);
  const store = createEventStoreDbEventStore({
    connectionString: emulator.connectionString,
    ...storeOptions,
  });
  const client = EventStoreDBClient.connectionString(emulator.connectionString);
  cleanups.push(
    () => emulator.stop(),
    () => client.dispose(),
    () => store.close(),
  );
  return { emulator, store, client };
};

const stream = (category = 'deal') => `${category}${randomUUID().slice(0, 8)}-1`;
const newEvent = (metadata?: NewEvent['metadata']): NewEvent => ({
  eventId: randomUUID(),
  type: 'Noted',
  data: { note: 'x' },
  ...(metadata === undefined ? {} : { metadata }),
});
const rawRead = async (client: EventStoreDBClient, streamName: string) => {
  const events: ResolvedEvent[] = [];
  for await (const event of client.readStream(streamName)) events.push(event);
  return events;
};

/** The call's rejection, which must be an EventStoreError, and how long it took. */
const failure = async (
  attempt: Promise<unknown>,
): Promise<{ error: EventStoreError; ms: number }> => {
  const started = Date.now();
  const error = await attempt.then(
    () => expect.fail('expected a rejection'),
    (rejection: unknown) => rejection,
  );
  if (!isEventStoreError(error)) expect.fail(`not an EventStoreError: ${String(error)}`);
  return { error, ms: Date.now() - started };
};

/** A TCP port on 127.0.0.1 that nothing listens on. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 1;
};

describe('EventStoreDB adapter', () => {
  it('stores our metadata as JSON, ids also under $correlationId / $causationId, and reads it back as written', async () => {
    const { store, client } = await open();
    const name = stream();
    const metadata = {
      actor: { id: 'u-7', role: 'agent' },
      commandId: 'cmd-1',
      correlationId: 'corr-1',
      causationId: 'cause-1',
    };
    await store.append(name, [newEvent(metadata)]);
    expect((await store.readStream(name))[0]?.metadata).toEqual(metadata);
    const [raw] = await rawRead(client, name);
    expect(raw?.event?.metadata).toEqual({
      ...metadata,
      $correlationId: 'corr-1',
      $causationId: 'cause-1',
    });
  });

  it('reads ids written by another client under EventStoreDB’s names as correlationId / causationId', async () => {
    const { store, client } = await open();
    const name = stream();
    await client.appendToStream(
      name,
      jsonEvent({
        type: 'Noted',
        data: {},
        metadata: { $correlationId: 'c-9', $causationId: 'e-3' },
      }),
    );
    expect((await store.readStream(name))[0]?.metadata).toEqual({
      correlationId: 'c-9',
      causationId: 'e-3',
    });
  });

  it.each([true, false])(
    'translates a wrong expected version with expected and actual (BatchAppend: %s), and on delete',
    async (batchAppend) => {
      const { store } = await open({ batchAppend });
      const name = stream();
      await store.append(name, [newEvent(), newEvent()]);
      const exact = await failure(store.append(name, [newEvent()], { expectedRevision: 5 }));
      expect(exact.error.details).toEqual({ streamName: name, expected: 5, actual: 1 });
      const missing = stream();
      const exists = await failure(
        store.append(missing, [newEvent()], { expectedRevision: 'stream_exists' }),
      );
      expect(exists.error.details).toMatchObject({
        expected: 'stream_exists',
        actual: 'no_stream',
      });
      const onDelete = await failure(store.deleteStream(name, { expectedRevision: 0 }));
      expect(onDelete.error.details).toEqual({ streamName: name, expected: 0, actual: 1 });
    },
  );

  it('keeps re-sends idempotent when the server has forgotten the batch; idempotence "server" does not', async () => {
    const forgetful = { idempotenceCacheSize: 0 };
    const { store } = await open(forgetful);
    const name = stream();
    const batch = [newEvent(), newEvent()];
    const original = await store.append(name, batch);
    expect(await store.append(name, batch)).toEqual(original);
    expect(await store.readStream(name)).toHaveLength(2);

    const trusting = await open(forgetful, { idempotence: 'server' });
    await trusting.store.append(name, batch);
    await trusting.store.append(name, batch);
    // EventStoreDB's own check is best effort: with `any` and a cold cache, the batch lands twice.
    expect(await trusting.store.readStream(name)).toHaveLength(4);
  });

  it('refuses a batch over the server’s maximum append size before writing anything', async () => {
    const { store } = await open();
    const name = stream();
    const half = 'x'.repeat(600 * 1024);
    const tooBig = [
      { ...newEvent(), data: half },
      { ...newEvent(), data: half },
    ];
    const { error } = await failure(store.append(name, tooBig));
    expect(error.code).toBe('InvalidInput');
    expect(error.details.field).toBe('events');
    expect(await store.readStream(name)).toEqual([]);
  });

  it('never surfaces EventStoreDB’s own events: system streams, tombstones, $ types', async () => {
    const { store, client } = await open();
    const deleted = stream('lead');
    await store.append(deleted, [newEvent()]);
    await store.deleteStream(deleted);
    await client.appendToStream('$ops-1', jsonEvent({ type: 'Audit', data: {} }));
    const all = await store.readAll();
    expect(all.map((e) => e.streamName)).toEqual([deleted]);
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.streamName).toBe(deleted);
    const live = stream('lead');
    await store.append(live, [newEvent()]);
    expect((await iterator.next()).value?.streamName).toBe(live);
    await subscription.stop();
  });

  it('surfaces an unreachable server as Unavailable, within a bounded time, on every call', async () => {
    const store = createEventStoreDbEventStore({
      connectionString: `esdb://127.0.0.1:${await closedPort()}?tls=false`,
    });
    cleanups.push(() => store.close());
    const name = stream();
    const calls: ReadonlyArray<() => Promise<unknown>> = [
      () => store.append(name, [newEvent()], { expectedRevision: 'no_stream' }),
      () => store.append(name, [newEvent()]),
      () => store.readStream(name),
      () => store.readAll(),
      () => store.deleteStream(name),
      () => store.subscribeToAll()[Symbol.asyncIterator]().next(),
    ];
    for (const call of calls) {
      const { error, ms } = await failure(call());
      expect(error.code).toBe('Unavailable');
      expect(ms).toBeLessThan(5000);
    }
  });

  it('ends a subscription whose server went away with Unavailable after its retries, not a hang', async () => {
    const { emulator, store } = await open();
    const name = stream();
    await store.append(name, [newEvent()]);
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.streamName).toBe(name);
    await emulator.stop();
    const { error, ms } = await failure(iterator.next());
    expect(error.code).toBe('Unavailable');
    expect(ms).toBeLessThan(5000);
  });

  it('refuses calls after close() with Unavailable, and leaves a client it was given open', async () => {
    const emulator = await startEventStoreDbEmulator();
    const client = EventStoreDBClient.connectionString(emulator.connectionString);
    cleanups.push(
      () => emulator.stop(),
      () => client.dispose(),
    );
    const store: EventStore = createEventStoreDbEventStore({ client });
    const name = stream();
    await store.append(name, [newEvent()]);
    await store.close();
    expect((await failure(store.append(name, [newEvent()]))).error.code).toBe('Unavailable');
    expect((await failure(store.readStream(name))).error.code).toBe('Unavailable');
    expect((await failure(store.subscribeToAll()[Symbol.asyncIterator]().next())).error.code).toBe(
      'Unavailable',
    );
    expect(await rawRead(client, name)).toHaveLength(1);
  });
});
