import { describe, expect, it } from 'vitest';
import { NonEmptyString, Tag } from './text.ts';

describe('NonEmptyString', () => {
  it.each(['a', ' padded ', 'Ünïcode ✓', 'line\nbreak', 'x'.repeat(10_000)])('accepts %j', (s) => {
    expect(NonEmptyString.is(s)).toBe(true);
  });

  it.each(['', ' ', '\n\t ', '\u00a0', 'x'.repeat(10_001)])('rejects %j', (s) => {
    expect(NonEmptyString.is(s)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(NonEmptyString.is(['a'])).toBe(false);
  });
});

describe('Tag', () => {
  it.each(['vip', 'b2b', 'region:emea', 'churn-risk', 'opt_in', '2026', `a${'b'.repeat(63)}`])(
    'accepts %j',
    (s) => {
      expect(Tag.is(s)).toBe(true);
    },
  );

  it.each([
    '',
    'VIP',
    'Vip',
    '-risk',
    ':emea',
    '_x',
    'two words',
    'région',
    'a/b',
    `a${'b'.repeat(64)}`,
  ])('rejects %j', (s) => {
    expect(Tag.is(s)).toBe(false);
  });
});
