import {
  type AppendResult,
  BACKWARDS,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  FORWARDS,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  type Position,
  persistentSubscriptionToStreamSettingsFromDefaults,
  type ResolvedEvent,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { credentials } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { serverFeaturesGrpc, sharedPb } from './protocol.ts';
import {
  type EventStoreDbEmulator,
  type EventStoreDbEmulatorOptions,
  startEventStoreDbEmulator,
} from './start-emulator.ts';

const opened: Array<{ emulator: EventStoreDbEmulator; client: EventStoreDBClient }> = [];

const open = async (options: EventStoreDbEmulatorOptions = {}) => {
  const emulator = await startEventStoreDbEmulator(options);
  const client = EventStoreDBClient.connectionString(emulator.connectionString);
  opened.push({ emulator, client });
  return { emulator, client };
};

afterEach(async () => {
  for (const { emulator, client } of opened.splice(0)) {
    await client.dispose();
    await emulator.stop();
  }
});

const events = (count: number, type = 'Noted') =>
  Array.from({ length: count }, (_, n) => jsonEvent({ type, data: { n } }));

const drain = async (read: AsyncIterable<ResolvedEvent>): Promise<ResolvedEvent[]> => {
  const out: ResolvedEvent[] = [];
  for await (const event of read) out.push(event);
  return out;
};

const revisions = (read: ReadonlyArray<ResolvedEvent>) => read.map((e) => e.event?.revision);

const rejectionOf = async (attempt: Promise<unknown>): Promise<unknown> =>
  attempt.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );

/** Settles within `ms`, or fails the test: what "never hangs" means here. */
const within = <T>(ms: number, attempt: Promise<T>): Promise<T> =>
  Promise.race([
    attempt,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms),
    ),
  ]);

describe.each([
  { path: 'BatchAppend', batchAppend: true },
  { path: 'Append', batchAppend: false },
])('appends through $path', ({ batchAppend }) => {
  it('writes with each expected revision and reports revision and position', async () => {
    const { client } = await open({ batchAppend });
    const first = await client.appendToStream('order-1', events(2), {
      expectedRevision: NO_STREAM,
    });
    expect(first.nextExpectedRevision).toBe(1n);
    const second = await client.appendToStream('order-1', events(1), { expectedRevision: 1n });
    expect(second.nextExpectedRevision).toBe(2n);
    const third = await client.appendToStream('order-1', events(1), {
      expectedRevision: 'stream_exists',
    });
    expect(third.nextExpectedRevision).toBe(3n);
    const positions = [first, second, third].map((r) => (r.position as Position).commit);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    const read = await drain(client.readStream('order-1'));
    expect(read[1]?.event?.position).toEqual(first.position);
  });

  it('answers a wrong expected revision with what was expected and what the stream is at', async () => {
    const { client } = await open({ batchAppend });
    await client.appendToStream('order-2', events(2));
    const cases: Array<[Parameters<typeof client.appendToStream>[2], unknown, unknown]> = [
      [{ expectedRevision: 5n }, 5n, 1n],
      [{ expectedRevision: NO_STREAM }, 'no_stream', 1n],
    ];
    for (const [options, expected, actual] of cases) {
      const error = await rejectionOf(client.appendToStream('order-2', events(1), options));
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ expectedVersion: expected, actualVersion: actual });
    }
    const missing = await rejectionOf(
      client.appendToStream('order-3', events(1), { expectedRevision: 'stream_exists' }),
    );
    expect(missing).toMatchObject({ expectedVersion: 'stream_exists', actualVersion: 'no_stream' });
  });

  it('recognises a re-sent batch like EventStoreDB: by expected revision, or by its cache', async () => {
    const { client } = await open({ batchAppend });
    const batch = events(2);
    const original = await client.appendToStream('cart-1', batch, { expectedRevision: NO_STREAM });
    await client.appendToStream('cart-1', events(1));
    const again = await client.appendToStream('cart-1', batch, { expectedRevision: NO_STREAM });
    expect(again).toEqual(original);
    expect(await client.appendToStream('cart-1', batch)).toEqual(original);
    expect(await drain(client.readStream('cart-1'))).toHaveLength(3);
  });

  it('refuses a batch over the maximum append size, and metadata streams', async () => {
    const { client } = await open({ batchAppend, maxAppendSize: 1000 });
    const big = jsonEvent({ type: 'Big', data: { text: 'x'.repeat(1000) } });
    expect(await rejectionOf(client.appendToStream('blob-1', [big]))).toBeInstanceOf(
      MaxAppendSizeExceededError,
    );
    await within(2000, rejectionOf(client.setStreamMetadata('blob-1', { maxCount: 1 })));
  });
});

describe('idempotence depends on the server cache, as on EventStoreDB', () => {
  it('writes a forgotten batch again when appended with any, and reports no position when told', async () => {
    const { client } = await open({ idempotenceCacheSize: 0, reportIdempotentPosition: false });
    const batch = events(1);
    await client.appendToStream('cart-2', batch);
    await client.appendToStream('cart-2', batch);
    expect(await drain(client.readStream('cart-2'))).toHaveLength(2);
    const byIndex: AppendResult = await client.appendToStream('cart-2', batch, {
      expectedRevision: NO_STREAM,
    });
    expect(byIndex).toMatchObject({ nextExpectedRevision: 0n, position: undefined });
  });
});

describe('reads', () => {
  it('reads a stream forwards and backwards, backwards as the window [from - count + 1, from]', async () => {
    const { client } = await open();
    await client.appendToStream('order-9', events(5));
    expect(revisions(await drain(client.readStream('order-9', { fromRevision: 3n })))).toEqual([
      3n,
      4n,
    ]);
    const backwards = (fromRevision: bigint | typeof END, maxCount?: number) =>
      drain(
        client.readStream('order-9', {
          direction: BACKWARDS,
          fromRevision,
          ...(maxCount === undefined ? {} : { maxCount }),
        }),
      );
    expect(revisions(await backwards(END, 2))).toEqual([4n, 3n]);
    expect(revisions(await backwards(2n))).toEqual([2n, 1n, 0n]);
    expect(revisions(await backwards(9n))).toEqual([4n, 3n, 2n, 1n, 0n]);
    expect(revisions(await backwards(9n, 2))).toEqual([]);
    expect(revisions(await backwards(6n, 3))).toEqual([4n]);
    expect(await rejectionOf(drain(client.readStream('order-none')))).toBeInstanceOf(
      StreamNotFoundError,
    );
  });

  it('reads $all forwards from a position inclusively, backwards exclusively, system events included', async () => {
    const { client } = await open();
    await client.appendToStream('order-1', events(3));
    const all = await drain(client.readAll());
    expect(all.some((e) => e.event?.streamId.startsWith('$'))).toBe(true);
    const mine = all.filter((e) => e.event?.streamId === 'order-1');
    const middle = mine[1]?.event?.position as Position;
    const forwards = await drain(client.readAll({ fromPosition: middle, maxCount: 2 }));
    expect(revisions(forwards)).toEqual([1n, 2n]);
    const before = await drain(
      client.readAll({ fromPosition: middle, direction: BACKWARDS, maxCount: 1 }),
    );
    expect(revisions(before)).toEqual([0n]);
    expect(await drain(client.readAll({ fromPosition: END, direction: FORWARDS }))).toEqual([]);
  });

  it('tombstones: reads and appends fail, the events and a $streamDeleted record stay in $all', async () => {
    const { client } = await open();
    await client.appendToStream('lead-1', events(2));
    await client.tombstoneStream('lead-1', { expectedRevision: 1n });
    expect(await rejectionOf(drain(client.readStream('lead-1')))).toBeInstanceOf(
      StreamDeletedError,
    );
    expect(await rejectionOf(client.appendToStream('lead-1', events(1)))).toBeInstanceOf(
      StreamDeletedError,
    );
    expect(await rejectionOf(client.tombstoneStream('lead-1'))).toBeInstanceOf(StreamDeletedError);
    const inAll = (await drain(client.readAll())).filter((e) => e.event?.streamId === 'lead-1');
    expect(inAll.map((e) => e.event?.type)).toEqual(['Noted', 'Noted', '$streamDeleted']);
    await client.appendToStream('lead-2', events(2));
    expect(
      await rejectionOf(client.tombstoneStream('lead-2', { expectedRevision: NO_STREAM })),
    ).toMatchObject({ expectedVersion: -1n, actualVersion: 1n });
  });
});

describe('subscriptions to $all', () => {
  it('confirms, catches up, says so, then goes live', async () => {
    const { client } = await open();
    await client.appendToStream('ticket-1', events(2));
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: streamNameFilter({ prefixes: ['ticket-'] }),
    });
    const signals: string[] = [];
    subscription.on('confirmation', () => signals.push('confirmation'));
    subscription.on('caughtUp', () => signals.push('caughtUp'));
    const seen: unknown[] = [];
    for await (const resolved of subscription) {
      seen.push(resolved.event?.revision);
      if (seen.length === 2) await client.appendToStream('ticket-2', events(1));
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([0n, 1n, 0n]);
    expect(signals).toEqual(['confirmation', 'caughtUp']);
  });

  it('starts strictly after a position, filters by type regex and reports checkpoints', async () => {
    const { client } = await open();
    await client.appendToStream('ticket-3', [...events(2, 'Opened'), ...events(2, 'Closed')]);
    const [first] = await drain(client.readStream('ticket-3', { maxCount: 1 }));
    const checkpoints: Position[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: first?.event?.position as Position,
      filter: eventTypeFilter({
        regex: '^Closed$',
        maxSearchWindow: 1,
        checkpointReached: (_subscription, position) => {
          checkpoints.push(position);
        },
      }),
    });
    const types: unknown[] = [];
    for await (const resolved of subscription) {
      types.push(`${resolved.event?.type}@${resolved.event?.revision}`);
      if (types.length === 2) break;
    }
    expect(types).toEqual(['Closed@2', 'Closed@3']);
    expect(checkpoints.length).toBeGreaterThan(0);
  });
});

describe('what it does not emulate fails at once', () => {
  it('lists only the methods it implements in ServerFeatures', async () => {
    const { emulator } = await open({ batchAppend: false });
    const raw = new serverFeaturesGrpc.ServerFeaturesClient(
      `127.0.0.1:${emulator.port}`,
      credentials.createInsecure(),
    );
    const methods = await new Promise<string[]>((resolve, reject) =>
      raw.getSupportedMethods(new sharedPb.Empty(), (error, reply) =>
        error === null
          ? resolve(reply.getMethodsList().map((m) => `${m.getServiceName()}/${m.getMethodName()}`))
          : reject(error),
      ),
    );
    raw.close();
    expect(methods).toEqual([
      'event_store.client.streams.streams/read',
      'event_store.client.streams.streams/append',
      'event_store.client.streams.streams/tombstone',
      'event_store.client.server_features.serverfeatures/getsupportedmethods',
    ]);
  });

  it('answers projections, persistent subscriptions, soft delete and stream subscriptions with an error', async () => {
    const { client } = await open();
    await client.appendToStream('order-1', events(1));
    const unimplemented = { code: 12 };
    expect(await within(2000, rejectionOf(client.listProjections()))).toMatchObject(unimplemented);
    expect(
      await within(2000, rejectionOf(client.getProjectionStatus('by-category'))),
    ).toMatchObject(unimplemented);
    expect(
      await within(
        2000,
        rejectionOf(
          client.createPersistentSubscriptionToStream(
            'order-1',
            'group',
            persistentSubscriptionToStreamSettingsFromDefaults(),
          ),
        ),
      ),
    ).toMatchObject(unimplemented);
    expect(await within(2000, rejectionOf(client.deleteStream('order-1')))).toMatchObject(
      unimplemented,
    );
    const streamSubscription = client.subscribeToStream('order-1');
    expect(await within(2000, rejectionOf(drain(streamSubscription)))).toMatchObject(unimplemented);
  });
});
