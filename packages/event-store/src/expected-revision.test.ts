import { describe, expect, it } from 'vitest';
import { isEventStoreError } from './errors.ts';
import type { ExpectedRevision } from './event-store.ts';
import {
  checkExpectedRevision,
  expectedRevisionHolds,
  normaliseExpectedRevision,
} from './expected-revision.ts';

describe('normaliseExpectedRevision', () => {
  it('defaults to any and keeps the four forms', () => {
    expect(normaliseExpectedRevision(undefined)).toBe('any');
    expect(normaliseExpectedRevision({})).toBe('any');
    for (const expectedRevision of ['any', 'no_stream', 'stream_exists', 0, 7] as const) {
      expect(normaliseExpectedRevision({ expectedRevision })).toBe(expectedRevision);
    }
  });

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 'latest', null, '3'])(
    'refuses %s',
    (expectedRevision) => {
      try {
        normaliseExpectedRevision({ expectedRevision: expectedRevision as ExpectedRevision });
        expect.fail('accepted');
      } catch (error) {
        expect(isEventStoreError(error, 'InvalidInput') && error.details.field).toBe(
          'expectedRevision',
        );
      }
    },
  );
});

describe('expectedRevisionHolds', () => {
  it.each<[ExpectedRevision, number | 'no_stream', boolean]>([
    ['any', 'no_stream', true],
    ['any', 3, true],
    ['no_stream', 'no_stream', true],
    ['no_stream', 0, false],
    ['stream_exists', 'no_stream', false],
    ['stream_exists', 0, true],
    [0, 'no_stream', false],
    [0, 0, true],
    [2, 3, false],
    [3, 3, true],
  ])('expecting %s of a stream at %s: %s', (expected, actual, holds) => {
    expect(expectedRevisionHolds(expected, actual)).toBe(holds);
  });

  it('checkExpectedRevision reports expected and actual', () => {
    try {
      checkExpectedRevision('deal-1', 'no_stream', 4);
      expect.fail('held');
    } catch (error) {
      expect(isEventStoreError(error, 'WrongExpectedRevision') && error.details).toEqual({
        streamName: 'deal-1',
        expected: 'no_stream',
        actual: 4,
      });
    }
    expect(() => checkExpectedRevision('deal-1', 4, 4)).not.toThrow();
  });
});
