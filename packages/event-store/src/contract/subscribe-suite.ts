import { describe, expect, it } from 'vitest';
import type { EventStore, SubscribeOptions } from '../event-store.ts';
import type { LogPosition } from '../position.ts';
import type { ContractContext } from './contract-options.ts';
import {
  checkpoint,
  expectIncreasingPositions,
  expectSettlesWithin,
  expectStoreError,
  idsOf,
  newEvent,
  newEvents,
  SubscriptionReader,
  testScope,
  waitFor,
} from './fixtures.ts';

/** Subscribing with bad options fails, whether the store throws at once or on the first pull. */
const firstPull = async (store: EventStore, options: SubscribeOptions): Promise<unknown> => {
  const subscription = store.subscribeToAll(options);
  try {
    return await subscription[Symbol.asyncIterator]().next();
  } finally {
    await subscription.stop();
  }
};

export const subscribeSuite = ({ store }: ContractContext): void => {
  const subscribe = (after: LogPosition, options: Omit<SubscribeOptions, 'after'>) =>
    new SubscriptionReader(store().subscribeToAll({ after, ...options }));

  describe('subscribeToAll', () => {
    it('catches up with stored events, then delivers new ones live', async () => {
      const scope = testScope();
      const stream = scope.stream('ticket');
      const start = await checkpoint(store());
      const stored = newEvents(3);
      await store().append(stream, stored);
      const reader = subscribe(start, { filter: { streamCategories: [scope.category('ticket')] } });
      try {
        const caughtUp = await reader.take(3);
        expect(idsOf(caughtUp)).toEqual(idsOf(stored));
        // The consumer now waits at the head of the log; the next appends wake it.
        await reader.expectIdle();
        const pending = reader.take(3);
        const live = newEvents(2);
        await store().append(stream, live);
        const more = [newEvent()];
        await store().append(scope.stream('ticket', 'other'), more);
        const delivered = await pending;
        expect(idsOf(delivered)).toEqual(idsOf([...live, ...more]));
        expect(delivered.map((e) => e.revision)).toEqual([3, 4, 0]);
        expectIncreasingPositions([...caughtUp, ...delivered]);
      } finally {
        await reader.subscription.stop();
      }
    });

    it('delivers the same events, in the same order and positions, as readAll', async () => {
      const scope = testScope();
      const filter = { streamCategories: [scope.category('ticket'), scope.category('reply')] };
      const start = await checkpoint(store());
      await store().append(scope.stream('ticket', 'a'), newEvents(2));
      await store().append(scope.stream('reply', 'a'), newEvents(1));
      await store().append(scope.stream('ticket', 'b'), newEvents(2));
      const read = await store().readAll({ after: start, filter });
      const reader = subscribe(start, { filter });
      try {
        const delivered = await reader.take(read.length);
        expect(delivered.map((e) => [e.streamName, e.revision, e.eventId, e.type, e.data])).toEqual(
          read.map((e) => [e.streamName, e.revision, e.eventId, e.type, e.data]),
        );
        expect(delivered.map((e) => e.position)).toEqual(read.map((e) => e.position));
      } finally {
        await reader.subscription.stop();
      }
    });

    it('starts strictly after the checkpoint it is given', async () => {
      const scope = testScope();
      const stream = scope.stream('ticket');
      const written = newEvents(5);
      await store().append(stream, written);
      const third = (await store().readStream(stream))[2];
      expect(third).toBeDefined();
      if (third === undefined) return;
      const reader = subscribe(third.position, {
        filter: { streamCategories: [scope.category('ticket')] },
      });
      try {
        expect(idsOf(await reader.take(2))).toEqual(idsOf(written.slice(3)));
        await reader.expectIdle();
        const live = [newEvent()];
        await store().append(stream, live);
        expect(idsOf(await reader.take(1))).toEqual(idsOf(live));
      } finally {
        await reader.subscription.stop();
      }
    });

    it('starts from the beginning of the log by default', async () => {
      const scope = testScope();
      const written = newEvents(2);
      await store().append(scope.stream('ticket'), written);
      const reader = new SubscriptionReader(
        store().subscribeToAll({ filter: { streamCategories: [scope.category('ticket')] } }),
      );
      try {
        expect(idsOf(await reader.take(2))).toEqual(idsOf(written));
      } finally {
        await reader.subscription.stop();
      }
    });

    it('filters by category, by type and by both, in catch-up and live', async () => {
      const scope = testScope();
      const [ticket, reply] = [scope.category('ticket'), scope.category('reply')];
      const [opened, closed] = [scope.type('Opened'), scope.type('Closed')];
      const start = await checkpoint(store());
      const write = async () => {
        const a = newEvent(opened);
        const b = newEvent(closed);
        const c = newEvent(opened);
        const d = newEvent(closed);
        await store().append(`${ticket}-1`, [a, b]);
        await store().append(`${reply}-1`, [c, d]);
        return { a, b, c, d };
      };
      const catchUp = await write();
      const readers = {
        byCategory: subscribe(start, { filter: { streamCategories: [reply] } }),
        byType: subscribe(start, { filter: { eventTypes: [closed] } }),
        byBoth: subscribe(start, { filter: { streamCategories: [ticket], eventTypes: [opened] } }),
      };
      try {
        expect(idsOf(await readers.byCategory.take(2))).toEqual(idsOf([catchUp.c, catchUp.d]));
        expect(idsOf(await readers.byType.take(2))).toEqual(idsOf([catchUp.b, catchUp.d]));
        expect(idsOf(await readers.byBoth.take(1))).toEqual(idsOf([catchUp.a]));
        await Promise.all(Object.values(readers).map((reader) => reader.expectIdle()));
        const live = await write();
        expect(idsOf(await readers.byCategory.take(2))).toEqual(idsOf([live.c, live.d]));
        expect(idsOf(await readers.byType.take(2))).toEqual(idsOf([live.b, live.d]));
        expect(idsOf(await readers.byBoth.take(1))).toEqual(idsOf([live.a]));
      } finally {
        await Promise.all(Object.values(readers).map((r) => r.subscription.stop()));
      }
    });

    it('stop() ends a subscription waiting for live events; a later append is not delivered', async () => {
      const scope = testScope();
      const stream = scope.stream('ticket');
      await store().append(stream, newEvents(2));
      const subscription = store().subscribeToAll({
        filter: { streamCategories: [scope.category('ticket')] },
      });
      const received: string[] = [];
      const consumer = (async () => {
        for await (const event of subscription) received.push(event.eventId);
      })();
      await waitFor(() => received.length === 2);
      await subscription.stop();
      await expectSettlesWithin(consumer, 'the for-await loop did not end after stop()');
      await store().append(stream, newEvents(1));
      const reader = new SubscriptionReader(subscription);
      await reader.expectEnded();
      expect(received).toHaveLength(2);
    });

    it('stop() before the first pull delivers nothing', async () => {
      const scope = testScope();
      await store().append(scope.stream('ticket'), newEvents(2));
      const subscription = store().subscribeToAll({
        filter: { streamCategories: [scope.category('ticket')] },
      });
      await subscription.stop();
      await new SubscriptionReader(subscription).expectEnded();
    });

    it('aborting the signal ends it cleanly; a later append is not delivered', async () => {
      const scope = testScope();
      const stream = scope.stream('ticket');
      await store().append(stream, newEvents(1));
      const controller = new AbortController();
      const subscription = store().subscribeToAll({
        filter: { streamCategories: [scope.category('ticket')] },
        signal: controller.signal,
      });
      const received: string[] = [];
      const consumer = (async () => {
        for await (const event of subscription) received.push(event.eventId);
      })();
      await waitFor(() => received.length === 1);
      controller.abort();
      await expectSettlesWithin(consumer, 'the for-await loop did not end after abort');
      await store().append(stream, newEvents(1));
      await new SubscriptionReader(subscription).expectEnded();
      expect(received).toHaveLength(1);
    });

    it('an already aborted signal delivers nothing', async () => {
      const scope = testScope();
      await store().append(scope.stream('ticket'), newEvents(1));
      const subscription = store().subscribeToAll({
        filter: { streamCategories: [scope.category('ticket')] },
        signal: AbortSignal.abort(),
      });
      await new SubscriptionReader(subscription).expectEnded();
    });

    it('break in for-await ends it; the iterator then reports done even after new appends', async () => {
      const scope = testScope();
      const stream = scope.stream('ticket');
      await store().append(stream, newEvents(3));
      const subscription = store().subscribeToAll({
        filter: { streamCategories: [scope.category('ticket')] },
      });
      const received: string[] = [];
      for await (const event of subscription) {
        received.push(event.eventId);
        if (received.length === 2) break;
      }
      expect(received).toHaveLength(2);
      await expectSettlesWithin(subscription.stop(), 'stop() after break did not settle');

      const second = new SubscriptionReader(
        store().subscribeToAll({ filter: { streamCategories: [scope.category('ticket')] } }),
      );
      await second.take(1);
      await second.return();
      await store().append(stream, newEvents(1));
      await second.expectEnded();
    });

    // Back-pressure (reading at most a batch ahead of the consumer) is not observable through the
    // port; what is: a paused consumer loses nothing, gets nothing twice, and blocks no writer.
    it('a paused consumer blocks no writer and later receives everything once, in order', async () => {
      const scope = testScope();
      const stream = scope.stream('ticket');
      const start = await checkpoint(store());
      const first = newEvents(1);
      await store().append(stream, first);
      const reader = subscribe(start, { filter: { streamCategories: [scope.category('ticket')] } });
      try {
        expect(idsOf(await reader.take(1))).toEqual(idsOf(first));
        await reader.expectIdle();
        const written = [];
        for (let batch = 0; batch < 30; batch += 1) {
          const events = newEvents(10);
          await store().append(stream, events);
          written.push(...events);
        }
        const delivered = await reader.take(written.length);
        expect(idsOf(delivered)).toEqual(idsOf(written));
        expect(delivered.map((e) => e.revision)).toEqual(written.map((_, i) => i + 1));
      } finally {
        await reader.subscription.stop();
      }
    });

    it('a subscription nobody pulls does not hold up appends or reads', async () => {
      const scope = testScope();
      const stream = scope.stream('ticket');
      const idle = store().subscribeToAll({
        filter: { streamCategories: [scope.category('ticket')] },
      });
      try {
        await store().append(stream, newEvents(5));
        expect(await store().readStream(stream)).toHaveLength(5);
      } finally {
        await idle.stop();
      }
    });

    it('delivers every event exactly once in log order while writers append concurrently', async () => {
      const scope = testScope();
      const filter = { streamCategories: [scope.category('ticket')] };
      const start = await checkpoint(store());
      const reader = subscribe(start, { filter });
      try {
        const writers = Array.from({ length: 4 }, async (_, writer) => {
          for (let round = 0; round < 5; round += 1) {
            await store().append(scope.stream('ticket', `w${writer}`), newEvents(1 + (round % 3)));
          }
        });
        const total = 4 * (1 + 2 + 3 + 1 + 2);
        const [delivered] = await Promise.all([reader.take(total), Promise.all(writers)]);
        const read = await store().readAll({ after: start, filter });
        expect(idsOf(delivered)).toEqual(idsOf(read));
        expect(new Set(idsOf(delivered)).size).toBe(total);
        expectIncreasingPositions(delivered);
      } finally {
        await reader.subscription.stop();
      }
    });

    it.each<{ options: SubscribeOptions; field: string }>([
      { options: { filter: { streamCategories: [] } }, field: 'filter.streamCategories' },
      { options: { filter: { eventTypes: [] } }, field: 'filter.eventTypes' },
      { options: { after: { commit: 0, prepare: 0 } as unknown as LogPosition }, field: 'after' },
    ])('refuses $options naming $field', async ({ options, field }) => {
      await expectStoreError(firstPull(store(), options), 'InvalidInput', { field });
    });
  });
};
