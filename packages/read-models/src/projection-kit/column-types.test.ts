import { describe, expect, it } from 'vitest';
import { isoOf, utcOf } from './column-types.ts';

describe('isoOf and utcOf', () => {
  it('keep canonical UTC text as it is', () => {
    expect(utcOf('2026-03-01T09:30:00.000Z')).toBe('2026-03-01T09:30:00.000Z');
  });

  it('write every other form of the same instant the same way', () => {
    const canonical = '2026-03-01T08:30:00.000Z';
    expect(utcOf('2026-03-01T09:30:00+01:00')).toBe(canonical);
    expect(utcOf('2026-03-01T08:30Z')).toBe(canonical);
    expect(utcOf('2026-03-01T08:30:00.000000Z')).toBe(canonical);
    expect(isoOf(new Date(canonical))).toBe(canonical);
  });
});
