import { describe, expect, it } from 'vitest';
import { isEventStoreError } from './errors.ts';
import { logStart } from './position.ts';
import { validateReadAll, validateReadStream, validateSubscribe } from './validate-reads.ts';

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (isEventStoreError(error, 'InvalidInput')) return error.details.field;
    throw error;
  }
  return undefined;
};

describe('validateReadStream', () => {
  it('applies the defaults', () => {
    expect(validateReadStream('deal-1', undefined)).toEqual({
      streamName: 'deal-1',
      direction: 'forwards',
      fromRevision: 0,
      maxCount: undefined,
    });
    expect(validateReadStream('deal-1', { direction: 'backwards' }).fromRevision).toBe(
      Number.MAX_SAFE_INTEGER,
    );
    expect(validateReadStream('deal-1', { fromRevision: 'end' }).fromRevision).toBe(
      Number.MAX_SAFE_INTEGER,
    );
    expect(
      validateReadStream('deal-1', { direction: 'backwards', fromRevision: 'start' }).fromRevision,
    ).toBe(0);
    expect(validateReadStream('deal-1', { fromRevision: 3, maxCount: 2 })).toMatchObject({
      fromRevision: 3,
      maxCount: 2,
    });
  });

  it.each([
    ['streamName', () => validateReadStream('deal', undefined)],
    ['direction', () => validateReadStream('deal-1', { direction: 'up' as 'forwards' })],
    ['fromRevision', () => validateReadStream('deal-1', { fromRevision: -1 })],
    ['maxCount', () => validateReadStream('deal-1', { maxCount: 0 })],
  ])('names %s', (field, run) => {
    expect(fieldOf(run)).toBe(field);
  });
});

describe('validateReadAll and validateSubscribe', () => {
  it('apply the defaults', () => {
    expect(validateReadAll(undefined)).toEqual({
      after: logStart,
      maxCount: undefined,
      filter: undefined,
    });
    const after = { commit: 3n, prepare: 4n };
    const filter = { streamCategories: ['deal'], eventTypes: ['DealWon'] };
    expect(validateSubscribe({ after, filter })).toEqual({ after, maxCount: undefined, filter });
  });

  it.each([
    ['maxCount', () => validateReadAll({ maxCount: -3 })],
    ['after', () => validateReadAll({ after: { commit: 1n } as never })],
    ['after', () => validateSubscribe({ after: '3/4' as never })],
    ['filter', () => validateReadAll({ filter: 'deal' as never })],
    [
      'filter.streamCategories',
      () => validateReadAll({ filter: { streamCategories: 'deal' as never } }),
    ],
    ['filter.eventTypes', () => validateSubscribe({ filter: { eventTypes: [] } })],
  ])('names %s', (field, run) => {
    expect(fieldOf(run)).toBe(field);
  });
});
