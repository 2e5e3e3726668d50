import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CommandOutcomeStore, RecordedOutcome } from '../idempotency/command-outcome-store.ts';

const accepted: RecordedOutcome = {
  kind: 'accepted',
  streamName: 'customer-c1',
  firstRevision: 3,
  eventCount: 2,
  revision: 4,
  position: '10/11',
};

const rejected: RecordedOutcome = {
  kind: 'rejected',
  streamName: null,
  errorTag: 'DealAlreadyWon',
  error: { _tag: 'DealAlreadyWon', message: 'Deal d1 is already won.' },
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The behaviour every `CommandOutcomeStore` must have, as vitest tests. */
export const commandOutcomeStoreContract = (
  name: string,
  open: () => Promise<CommandOutcomeStore>,
): void => {
  describe(`${name}: command outcome store contract`, () => {
    const id = () => `cmd-${randomUUID()}`;

    it('lets the first claim act and keeps its outcome for every later claim', async () => {
      const store = await open();
      const commandId = id();
      expect(await store.claim(commandId, 'h1', 10_000)).toEqual({
        status: 'acquired',
        mayHaveActed: false,
      });
      expect(await store.complete(commandId, 'h1', accepted)).toEqual(accepted);
      expect(await store.claim(commandId, 'h2', 10_000)).toEqual({
        status: 'completed',
        outcome: accepted,
      });
    });

    it('keeps the first outcome when a second completion arrives', async () => {
      const store = await open();
      const commandId = id();
      await store.claim(commandId, 'h1', 10_000);
      await store.complete(commandId, 'h1', rejected);
      expect(await store.complete(commandId, 'h2', accepted)).toEqual(rejected);
    });

    it('makes a second live claim wait (busy) until the lease runs out, then flags mayHaveActed', async () => {
      const store = await open();
      const commandId = id();
      await store.claim(commandId, 'h1', 150);
      expect(await store.claim(commandId, 'h2', 150)).toEqual({ status: 'busy' });
      await pause(250);
      expect(await store.claim(commandId, 'h2', 10_000)).toEqual({
        status: 'acquired',
        mayHaveActed: true,
      });
      expect(await store.claim(commandId, 'h3', 10_000)).toEqual({ status: 'busy' });
    });

    it('gives exactly one of many racing claims the lease', async () => {
      const store = await open();
      const commandId = id();
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.claim(commandId, `h${i}`, 10_000)),
      );
      expect(claims.filter((c) => c.status === 'acquired')).toHaveLength(1);
      expect(claims.filter((c) => c.status === 'busy')).toHaveLength(7);
    });

    it('on release, frees the lease at once and flags the next claim mayHaveActed', async () => {
      const store = await open();
      const commandId = id();
      await store.claim(commandId, 'h1', 10_000);
      await store.release(commandId, 'h2');
      expect(await store.claim(commandId, 'h3', 10_000)).toEqual({ status: 'busy' });
      await store.release(commandId, 'h1');
      expect(await store.claim(commandId, 'h3', 10_000)).toEqual({
        status: 'acquired',
        mayHaveActed: true,
      });
    });

    it('stores outcomes as given (JSON round trip)', async () => {
      const store = await open();
      const commandId = id();
      await store.claim(commandId, 'h1', 10_000);
      const noOp: RecordedOutcome = {
        ...accepted,
        eventCount: 0,
        revision: 'no_stream',
        position: null,
      };
      await store.complete(commandId, 'h1', noOp);
      expect(await store.claim(commandId, 'h1', 10_000)).toEqual({
        status: 'completed',
        outcome: noOp,
      });
    });
  });
};
