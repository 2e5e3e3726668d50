import { describe, expect, it } from 'vitest';
import { parseInstant, parsePointInHistory } from './point-in-history.ts';

describe('points in history', () => {
  it('reads instants with an offset, in UTC', () => {
    expect(parseInstant('2025-06-30T12:00:00+02:00')).toEqual({
      instant: '2025-06-30T10:00:00.000Z',
      epochMillis: Date.parse('2025-06-30T10:00:00Z'),
    });
  });

  it('reads a day as the end of that day in UTC', () => {
    expect(parseInstant('2025-06-30').instant).toBe('2025-06-30T23:59:59.999Z');
  });

  it('reads a whole number as a revision', () => {
    expect(parsePointInHistory('7')).toEqual({ kind: 'revision', revision: 7 });
  });

  it.each([
    '2025-13-01',
    '2025-02-30',
    '2025-06-30T25:00:00Z',
    '2025-06-30T12:00:00',
    'yesterday',
    '-1',
    '1.5',
  ])('refuses %j, naming the flag', (text) => {
    expect(() => parsePointInHistory(text, '--at')).toThrow(`--at: "${text}" is not an instant`);
  });
});
