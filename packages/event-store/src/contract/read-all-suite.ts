import { describe, expect, it } from 'vitest';
import type { EventFilter, ReadAllOptions } from '../event-store.ts';
import { comparePositions, type LogPosition } from '../position.ts';
import type { ContractContext } from './contract-options.ts';
import {
  checkpoint,
  expectIncreasingPositions,
  expectStoreError,
  idsOf,
  newEvent,
  newEvents,
  readAllPaged,
  testScope,
} from './fixtures.ts';

export const readAllSuite = ({ store }: ContractContext): void => {
  /**
   * Two categories (`order`, `invoice`), three streams, two event types, interleaved:
   * what filters and paging are checked against.
   */
  const writeMixedLog = async () => {
    const scope = testScope();
    const order = scope.category('order');
    const invoice = scope.category('invoice');
    const placed = scope.type('Placed');
    const paid = scope.type('Paid');
    const start = await checkpoint(store());
    const plan: ReadonlyArray<readonly [string, string, number]> = [
      [`${order}-1`, placed, 2],
      [`${invoice}-1`, placed, 1],
      [`${order}-2`, paid, 3],
      [`${order}-1`, paid, 1],
      [`${invoice}-1`, paid, 2],
      [`${order}-2`, placed, 1],
    ];
    const written: { streamName: string; eventId: string; type: string }[] = [];
    for (const [streamName, type, count] of plan) {
      const batch = newEvents(count, type);
      await store().append(streamName, batch);
      written.push(...batch.map(({ eventId }) => ({ streamName, eventId, type })));
    }
    return { scope, order, invoice, placed, paid, start, written };
  };

  describe('readAll', () => {
    it('reads the log after a checkpoint in commit order, with strictly increasing positions', async () => {
      const { order, invoice, start, written } = await writeMixedLog();
      const read = await store().readAll({
        after: start,
        filter: { streamCategories: [order, invoice] },
      });
      expect(read.map(({ streamName, eventId, type }) => ({ streamName, eventId, type }))).toEqual(
        written,
      );
      expectIncreasingPositions(read);
      for (const event of read) expect(comparePositions(event.position, start)).toBeGreaterThan(0);
    });

    it('gives each event the same revision and position as readStream', async () => {
      const { order, start } = await writeMixedLog();
      const read = await store().readAll({ after: start, filter: { streamCategories: [order] } });
      for (const streamName of [`${order}-1`, `${order}-2`]) {
        const fromStream = await store().readStream(streamName);
        const fromLog = read.filter((event) => event.streamName === streamName);
        expect(fromLog.map((e) => [e.eventId, e.revision, e.type, e.data, e.metadata])).toEqual(
          fromStream.map((e) => [e.eventId, e.revision, e.type, e.data, e.metadata]),
        );
        fromLog.forEach((event, index) => {
          const twin = fromStream[index];
          if (twin !== undefined) expect(comparePositions(event.position, twin.position)).toBe(0);
        });
      }
    });

    it('reads strictly after any event position used as a checkpoint', async () => {
      const { order, invoice, start, written } = await writeMixedLog();
      const filter = { streamCategories: [order, invoice] };
      const read = await store().readAll({ after: start, filter });
      for (const cut of [0, 3, read.length - 1]) {
        const at = read[cut];
        if (at === undefined) continue;
        const rest = await store().readAll({ after: at.position, filter });
        expect(idsOf(rest)).toEqual(idsOf(written.slice(cut + 1)));
      }
    });

    it('reads the whole log from the start by default', async () => {
      const { order, written } = await writeMixedLog();
      const read = await store().readAll({ filter: { streamCategories: [order] } });
      expect(idsOf(read)).toEqual(
        idsOf(written.filter((e) => e.streamName.startsWith(`${order}-`))),
      );
    });

    it.each([1, 2, 4, 100])(
      'pages with maxCount %i, covering every event exactly once',
      async (pageSize) => {
        const { order, invoice, start, written } = await writeMixedLog();
        const paged = await readAllPaged(
          store(),
          start,
          { streamCategories: [order, invoice] },
          pageSize,
        );
        expect(idsOf(paged)).toEqual(idsOf(written));
      },
    );

    it('pages through a type filter too', async () => {
      const { paid, start, written } = await writeMixedLog();
      const paged = await readAllPaged(store(), start, { eventTypes: [paid] }, 2);
      expect(idsOf(paged)).toEqual(idsOf(written.filter((e) => e.type === paid)));
    });

    it('filters by category, by type, and by both', async () => {
      const { order, invoice, placed, paid, start, written } = await writeMixedLog();
      const check = async (filter: EventFilter, keep: (e: (typeof written)[number]) => boolean) => {
        const read = await store().readAll({ after: start, filter });
        expect(idsOf(read), JSON.stringify(filter)).toEqual(idsOf(written.filter(keep)));
      };
      const inCategory = (category: string) => (e: (typeof written)[number]) =>
        e.streamName.startsWith(`${category}-`);
      await check({ streamCategories: [invoice] }, inCategory(invoice));
      await check({ streamCategories: [order, invoice] }, () => true);
      await check({ eventTypes: [placed] }, (e) => e.type === placed);
      await check({ eventTypes: [placed, paid] }, () => true);
      await check(
        { streamCategories: [order], eventTypes: [paid] },
        (e) => inCategory(order)(e) && e.type === paid,
      );
      await check(
        { streamCategories: [order, invoice], eventTypes: [placed] },
        (e) => e.type === placed,
      );
    });

    it('matches a category exactly, not as a prefix', async () => {
      const scope = testScope();
      const start = await checkpoint(store());
      const short = scope.category('ord');
      await store().append(`${short}-1`, [newEvent()]);
      await store().append(`${short}x-1`, [newEvent()]);
      await store().append(`${short}-x-2`, [newEvent()]);
      const read = await store().readAll({ after: start, filter: { streamCategories: [short] } });
      expect(read.map((e) => e.streamName)).toEqual([`${short}-1`, `${short}-x-2`]);
    });

    it('reads nothing after the last event', async () => {
      const { order, invoice, start } = await writeMixedLog();
      const filter = { streamCategories: [order, invoice] };
      const read = await store().readAll({ after: start, filter });
      const last = read[read.length - 1];
      expect(last).toBeDefined();
      if (last !== undefined)
        expect(await store().readAll({ after: last.position, filter })).toEqual([]);
    });

    it.each<{ options: ReadAllOptions; field: string }>([
      { options: { maxCount: 0 }, field: 'maxCount' },
      { options: { maxCount: 2.5 }, field: 'maxCount' },
      { options: { filter: { streamCategories: [] } }, field: 'filter.streamCategories' },
      { options: { filter: { eventTypes: [] } }, field: 'filter.eventTypes' },
      { options: { filter: { eventTypes: [''] } }, field: 'filter.eventTypes' },
      { options: { after: { commit: 1, prepare: 1 } as unknown as LogPosition }, field: 'after' },
    ])('refuses $options naming $field', async ({ options, field }) => {
      await expectStoreError(store().readAll(options), 'InvalidInput', { field });
    });
  });
};
