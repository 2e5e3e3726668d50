import { describe, expect, it } from 'vitest';
import type { ContractContext } from './contract-options.ts';
import { expectSettlesWithin, newEvents, SubscriptionReader, testScope } from './fixtures.ts';

/** Runs last: it closes the suite's store (the suite's own teardown then closes it again). */
export const closeSuite = ({ store }: ContractContext): void => {
  describe('close', () => {
    it('ends open subscriptions, both catching up and waiting live, and can be called twice', async () => {
      const scope = testScope();
      const filter = { streamCategories: [scope.category('end')] };
      await store().append(scope.stream('end'), newEvents(3));
      const waiting = new SubscriptionReader(store().subscribeToAll({ filter }));
      await waiting.take(3);
      const pendingPull = waiting.next();
      const catchingUp = new SubscriptionReader(store().subscribeToAll({ filter }));
      await catchingUp.take(1);
      const consumer = (async () => {
        const rest = [];
        for await (const event of catchingUp.subscription) rest.push(event);
        return rest;
      })();

      await expectSettlesWithin(store().close(), 'close() did not settle');
      const pulled = await pendingPull;
      expect(pulled !== 'timeout' && pulled.done === true, 'the waiting pull ends').toBe(true);
      await expectSettlesWithin(consumer, 'a subscription was still running after close()');
      expect((await consumer).length).toBeLessThanOrEqual(2);
      await expectSettlesWithin(store().close(), 'a second close() did not settle');
    });
  });
};
