import { describe, expect, it } from 'vitest';
import { matchesFilter } from './matches-filter.ts';

describe('matchesFilter', () => {
  it.each([
    [undefined, true],
    [{}, true],
    [{ streamCategories: ['deal'] }, true],
    [{ streamCategories: ['customer', 'deal'] }, true],
    [{ streamCategories: ['dea'] }, false],
    [{ streamCategories: ['deal-x'] }, false],
    [{ eventTypes: ['DealWon'] }, true],
    [{ eventTypes: ['DealLost', 'DealWon'] }, true],
    [{ eventTypes: ['Deal'] }, false],
    [{ streamCategories: ['deal'], eventTypes: ['DealWon'] }, true],
    [{ streamCategories: ['deal'], eventTypes: ['DealLost'] }, false],
    [{ streamCategories: ['customer'], eventTypes: ['DealWon'] }, false],
  ])('a DealWon in deal-x-1 against %o: %s', (filter, matches) => {
    expect(matchesFilter('deal-x-1', 'DealWon', filter)).toBe(matches);
  });
});
