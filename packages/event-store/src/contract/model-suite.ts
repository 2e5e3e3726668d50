import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActualRevision } from '../errors.ts';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.ts';
import { comparePositions, type LogPosition } from '../position.ts';
import type { ContractContext } from './contract-options.ts';
import { checkpoint, expectStoreError, newEvent, testScope } from './fixtures.ts';
import { expectStoreMatchesModel, type SentBatch } from './model-readback.ts';
import { type Prediction, ReferenceModel } from './reference-model.ts';

/** How a step picks its expected revision, relative to the stream's actual state. */
type Expectation = 'right' | 'wrong' | 'any' | 'no_stream' | 'stream_exists';

type Step =
  | {
      readonly kind: 'append';
      readonly stream: number;
      readonly size: number;
      readonly expect: Expectation;
      readonly offset: number;
    }
  | {
      readonly kind: 'resend';
      readonly stream: number;
      readonly pick: number;
      readonly expect: Expectation;
      readonly offset: number;
      readonly shout: boolean;
    }
  | { readonly kind: 'partial'; readonly stream: number; readonly pick: number }
  | {
      readonly kind: 'delete';
      readonly stream: number;
      readonly expect: Expectation;
      readonly offset: number;
    };

const streamCount = 3;
const expectation = fc.constantFrom<Expectation>(
  'right',
  'wrong',
  'any',
  'no_stream',
  'stream_exists',
);
const streamIndex = fc.integer({ min: 0, max: streamCount - 1 });
const offset = fc.integer({ min: 1, max: 3 });
const pick = fc.nat({ max: 20 });

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      stream: streamIndex,
      size: fc.integer({ min: 1, max: 3 }),
      expect: expectation,
      offset,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('resend' as const),
      stream: streamIndex,
      pick,
      expect: expectation,
      offset,
      shout: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('partial' as const), stream: streamIndex, pick }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      stream: streamIndex,
      expect: expectation,
      offset,
    }),
  },
);

const resolveExpected = (
  how: Expectation,
  actual: ActualRevision,
  by: number,
): ExpectedRevision => {
  switch (how) {
    case 'right':
      return actual;
    case 'wrong':
      if (actual === 'no_stream') return by - 1;
      return actual >= by && by % 2 === 0 ? actual - by : actual + by;
    default:
      return how;
  }
};

/** Runs a call and checks its outcome against the model's prediction. */
const expectOutcome = async (
  attempt: Promise<AppendResult | undefined>,
  prediction: Prediction,
  streamName: string,
): Promise<AppendResult | undefined> => {
  switch (prediction.kind) {
    case 'ok': {
      const result = await attempt;
      if (result !== undefined)
        expect(result.nextExpectedRevision).toBe(prediction.nextExpectedRevision);
      return result;
    }
    case 'WrongExpectedRevision':
      await expectStoreError(attempt, 'WrongExpectedRevision', {
        streamName,
        expected: prediction.expected,
        actual: prediction.actual,
      });
      return undefined;
    case 'StreamDeleted':
      await expectStoreError(attempt, 'StreamDeleted');
      return undefined;
    case 'InvalidInput':
      await expectStoreError(attempt, 'InvalidInput', { field: prediction.field });
      return undefined;
  }
};

export const modelSuite = ({ store, numRuns }: ContractContext): void => {
  const runSteps = async (steps: ReadonlyArray<Step>, pageSize: number): Promise<void> => {
    const scope = testScope();
    const categories = [scope.category('alpha'), scope.category('beta')] as const;
    const types = [scope.type('Ticked'), scope.type('Tocked')] as const;
    const streams = [`${categories[0]}-1`, `${categories[0]}-2`, `${categories[1]}-1`];
    const model = new ReferenceModel();
    const sent: SentBatch[] = [];
    const start = await checkpoint(store());
    let latest: LogPosition = start;
    let counter = 0;
    const fresh = (): NewEvent => {
      counter += 1;
      return newEvent(types[counter % 2] ?? 'Ticked', {
        n: counter,
        tag: counter % 3 === 0 ? 'x' : 'y',
      });
    };

    for (const current of steps) {
      const streamName = streams[current.stream] ?? '';
      const actual = model.lastRevision(streamName);
      const mine = sent.filter((batch) => batch.streamName === streamName);
      switch (current.kind) {
        case 'append': {
          const events = Array.from({ length: current.size }, fresh);
          const expected = resolveExpected(current.expect, actual, current.offset);
          const prediction = model.append(streamName, events, expected);
          const result = await expectOutcome(
            store().append(streamName, events, { expectedRevision: expected }),
            prediction,
            streamName,
          );
          if (result !== undefined) {
            expect(
              comparePositions(result.position, latest),
              'a new append lands after every earlier one',
            ).toBeGreaterThan(0);
            latest = result.position;
            sent.push({ streamName, events, result });
          }
          break;
        }
        case 'resend': {
          const original = mine[current.pick % Math.max(1, mine.length)];
          if (original === undefined) break;
          const events = current.shout
            ? original.events.map((event) => ({ ...event, eventId: event.eventId.toUpperCase() }))
            : original.events;
          const expected = resolveExpected(current.expect, actual, current.offset);
          const prediction = model.append(streamName, events, expected);
          const result = await expectOutcome(
            store().append(streamName, events, { expectedRevision: expected }),
            prediction,
            streamName,
          );
          if (result !== undefined) {
            expect(
              comparePositions(result.position, original.result.position),
              'a re-send reports the original position',
            ).toBe(0);
          }
          break;
        }
        case 'partial': {
          const original = mine[current.pick % Math.max(1, mine.length)];
          const old = original?.events[current.pick % (original?.events.length ?? 1)];
          if (old === undefined) break;
          const events = [fresh(), old];
          const prediction = model.append(streamName, events, 'any');
          await expectOutcome(store().append(streamName, events), prediction, streamName);
          break;
        }
        case 'delete': {
          // Deleting a stream that never existed is left unspecified by the port.
          if (actual === 'no_stream' && !model.isDeleted(streamName)) break;
          const expected = resolveExpected(current.expect, actual, current.offset);
          const prediction = model.delete(streamName, expected);
          await expectOutcome(
            store()
              .deleteStream(streamName, { expectedRevision: expected })
              .then(() => undefined),
            prediction,
            streamName,
          );
          break;
        }
      }
    }

    await expectStoreMatchesModel(store(), model, {
      streams,
      categories,
      types,
      start,
      sent,
      pageSize,
    });
  };

  describe('model-based properties (fast-check)', () => {
    it('random appends, re-sends and deletes over three streams behave like the reference model', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 1, maxLength: 12 }),
          fc.integer({ min: 1, max: 4 }),
          runSteps,
        ),
        { numRuns },
      );
    });

    it('readStream with random direction, start and count returns the model’s slice', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 7 }),
          fc.array(
            fc.record({
              direction: fc.constantFrom('forwards' as const, 'backwards' as const, undefined),
              fromRevision: fc.oneof(
                fc.integer({ min: 0, max: 9 }),
                fc.constantFrom('start' as const, 'end' as const, undefined),
              ),
              maxCount: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
            }),
            { minLength: 1, maxLength: 4 },
          ),
          async (length, reads) => {
            const stream = testScope().stream('slice');
            const written = Array.from({ length }, (_, n) => newEvent('Sliced', { n }));
            if (length > 0) await store().append(stream, written);
            for (const { direction, fromRevision, maxCount } of reads) {
              const options = {
                ...(direction === undefined ? {} : { direction }),
                ...(fromRevision === undefined ? {} : { fromRevision }),
                ...(maxCount === undefined ? {} : { maxCount }),
              };
              const revisions = written.map((_, revision) => revision);
              const from =
                fromRevision === 'start'
                  ? 0
                  : fromRevision === 'end' || fromRevision === undefined
                    ? undefined
                    : fromRevision;
              const selected =
                direction === 'backwards'
                  ? revisions.filter((r) => from === undefined || r <= from).reverse()
                  : revisions.filter((r) =>
                      from === undefined ? fromRevision !== 'end' : r >= from,
                    );
              const expected = selected.slice(0, maxCount ?? selected.length);
              const read = await store().readStream(stream, options);
              expect(
                read.map((e) => e.revision),
                JSON.stringify(options),
              ).toEqual(expected);
              expect(read.map((e) => e.data)).toEqual(expected.map((n) => ({ n })));
            }
          },
        ),
        { numRuns },
      );
    });
  });
};
