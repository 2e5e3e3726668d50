import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEventStoreError } from '../errors.ts';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.ts';
import { comparePositions } from '../position.ts';
import type { ContractContext } from './contract-options.ts';
import { idsOf, newEvents, testScope } from './fixtures.ts';

type Outcome = { readonly ok: AppendResult } | { readonly error: unknown };

const settle = (attempt: Promise<AppendResult>): Promise<Outcome> =>
  attempt.then(
    (ok) => ({ ok }),
    (error: unknown) => ({ error }),
  );

const successes = (outcomes: ReadonlyArray<Outcome>): AppendResult[] =>
  outcomes.flatMap((outcome) => ('ok' in outcome ? [outcome.ok] : []));

const failures = (outcomes: ReadonlyArray<Outcome>): unknown[] =>
  outcomes.flatMap((outcome) => ('error' in outcome ? [outcome.error] : []));

export const concurrencySuite = ({ store, numRuns }: ContractContext): void => {
  /** Fires one batch per writer at once, all with the same expected revision. */
  const race = (
    stream: string,
    batches: ReadonlyArray<ReadonlyArray<NewEvent>>,
    expectedRevision: ExpectedRevision,
  ) =>
    Promise.all(
      batches.map((batch) => settle(store().append(stream, batch, { expectedRevision }))),
    );

  /** Exactly one writer won; every other one failed with WrongExpectedRevision against the winner. */
  const expectOneWinner = async (
    stream: string,
    batches: ReadonlyArray<ReadonlyArray<NewEvent>>,
    outcomes: ReadonlyArray<Outcome>,
    expected: ExpectedRevision,
    before: number,
  ) => {
    const won = successes(outcomes);
    expect(won, 'exactly one concurrent writer succeeds').toHaveLength(1);
    const winner = won[0] as AppendResult;
    for (const error of failures(outcomes)) {
      expect(isEventStoreError(error, 'WrongExpectedRevision'), String(error)).toBe(true);
      if (isEventStoreError(error)) {
        expect(error.details).toMatchObject({ expected, actual: winner.nextExpectedRevision });
      }
    }
    const winningBatch = batches[outcomes.findIndex((outcome) => 'ok' in outcome)] ?? [];
    const read = await store().readStream(stream);
    expect(read).toHaveLength(before + winningBatch.length);
    expect(idsOf(read.slice(before))).toEqual(idsOf(winningBatch));
  };

  describe('concurrent appenders', () => {
    it('with the same exact expected revision: exactly one succeeds, the rest get WrongExpectedRevision', async () => {
      const stream = testScope().stream('deal');
      await store().append(stream, newEvents(2));
      const batches = Array.from({ length: 6 }, () => newEvents(2));
      const outcomes = await race(stream, batches, 1);
      await expectOneWinner(stream, batches, outcomes, 1, 2);
    });

    it("with 'no_stream' on a new stream: exactly one succeeds", async () => {
      const stream = testScope().stream('deal');
      const batches = Array.from({ length: 6 }, () => newEvents(1));
      const outcomes = await race(stream, batches, 'no_stream');
      await expectOneWinner(stream, batches, outcomes, 'no_stream', 0);
    });

    it("with 'stream_exists': all fail on a missing stream, all succeed on an existing one", async () => {
      const scope = testScope();
      const missing = scope.stream('deal', 'missing');
      const outcomes = await race(
        missing,
        [newEvents(1), newEvents(1), newEvents(1)],
        'stream_exists',
      );
      expect(successes(outcomes)).toEqual([]);
      for (const error of failures(outcomes)) {
        expect(isEventStoreError(error, 'WrongExpectedRevision')).toBe(true);
      }
      expect(await store().readStream(missing)).toEqual([]);

      const existing = scope.stream('deal', 'existing');
      await store().append(existing, newEvents(1));
      const batches = Array.from({ length: 5 }, () => newEvents(2));
      const results = successes(await race(existing, batches, 'stream_exists'));
      expect(results).toHaveLength(5);
      expect(results.map((r) => r.nextExpectedRevision).sort((a, b) => a - b)).toEqual([
        2, 4, 6, 8, 10,
      ]);
      const read = await store().readStream(existing);
      expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 11 }, (_, i) => i));
    });

    it("with 'any': all succeed, each batch contiguous, revisions 0..n-1 without gaps", async () => {
      const stream = testScope().stream('deal');
      const batches = Array.from({ length: 6 }, (_, i) => newEvents(1 + (i % 3)));
      const results = successes(await race(stream, batches, 'any'));
      expect(results).toHaveLength(6);
      const read = await store().readStream(stream);
      const total = batches.reduce((sum, batch) => sum + batch.length, 0);
      expect(read.map((e) => e.revision)).toEqual(Array.from({ length: total }, (_, i) => i));
      batches.forEach((batch, index) => {
        const result = results[index] as AppendResult;
        const last = read[result.nextExpectedRevision];
        const slice = read.slice(
          result.nextExpectedRevision - batch.length + 1,
          result.nextExpectedRevision + 1,
        );
        expect(idsOf(slice)).toEqual(idsOf(batch));
        if (last !== undefined) expect(comparePositions(last.position, result.position)).toBe(0);
      });
    });

    it('re-sending the same batch concurrently stores it once and every call reports the same result', async () => {
      const scope = testScope();
      for (const expectedRevision of ['any', 'no_stream'] as const) {
        const stream = scope.stream('deal', expectedRevision.replace('_', ''));
        const batch = newEvents(3);
        const results = successes(
          await race(
            stream,
            Array.from({ length: 5 }, () => batch),
            expectedRevision,
          ),
        );
        expect(results).toHaveLength(5);
        for (const result of results) {
          expect(result.nextExpectedRevision).toBe(2);
          expect(comparePositions(result.position, (results[0] as AppendResult).position)).toBe(0);
        }
        expect(idsOf(await store().readStream(stream))).toEqual(idsOf(batch));
      }
    });

    it('writers that retry on WrongExpectedRevision lose no update: contiguous revisions, every event once', async () => {
      const stream = testScope().stream('deal');
      const writers = 4;
      const appendsPerWriter = 6;
      const written: NewEvent[][] = Array.from({ length: writers }, () => []);
      const writer = async (index: number) => {
        for (let round = 0; round < appendsPerWriter; round += 1) {
          const batch = newEvents(1 + ((index + round) % 2));
          for (;;) {
            const [last] = await store().readStream(stream, {
              direction: 'backwards',
              maxCount: 1,
            });
            const expectedRevision = last === undefined ? 'no_stream' : last.revision;
            const outcome = await settle(store().append(stream, batch, { expectedRevision }));
            if ('ok' in outcome) break;
            if (!isEventStoreError(outcome.error, 'WrongExpectedRevision')) throw outcome.error;
          }
          written[index]?.push(...batch);
        }
      };
      await Promise.all(Array.from({ length: writers }, (_, index) => writer(index)));
      const read = await store().readStream(stream);
      const total = written.reduce((sum, events) => sum + events.length, 0);
      expect(read.map((e) => e.revision)).toEqual(Array.from({ length: total }, (_, i) => i));
      expect(new Set(idsOf(read)).size).toBe(total);
      // Each writer's events appear in the order it wrote them.
      for (const events of written) {
        const mine = new Set(idsOf(events));
        expect(idsOf(read).filter((id) => mine.has(id))).toEqual(idsOf(events));
      }
    });

    it('property: N writers racing on one expected revision (exact or no_stream): exactly one wins', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 2, max: 6 }),
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 1, max: 3 }),
          async (writers, existing, batchSize) => {
            const stream = testScope().stream('race');
            if (existing > 0) await store().append(stream, newEvents(existing));
            const expected: ExpectedRevision = existing === 0 ? 'no_stream' : existing - 1;
            const batches = Array.from({ length: writers }, () => newEvents(batchSize));
            const outcomes = await race(stream, batches, expected);
            await expectOneWinner(stream, batches, outcomes, expected, existing);
          },
        ),
        { numRuns: Math.max(5, Math.ceil(numRuns / 2)) },
      );
    });
  });
};
