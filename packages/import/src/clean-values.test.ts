import { describe, expect, it } from 'vitest';
import { cleanAmount, cleanCount, cleanInstant, tidyText } from './clean-values.ts';

describe('amounts as people write them', () => {
  it.each([
    ['1234.5', 123450, undefined],
    ['1,234.50', 123450, undefined],
    ['1.234,50', 123450, undefined],
    ['1 234,50', 123450, undefined],
    ['€99,90', 9990, 'EUR'],
    ['$1,200', 120000, 'USD'],
    ['1200 USD', 120000, 'USD'],
    ['JPY 1500', 1500, 'JPY'],
    ['(12.00)', -1200, undefined],
  ])('reads %s exactly in minor units', (text, minor, currency) => {
    expect(cleanAmount(text, 'EUR')).toEqual({ ok: true, value: { minor, currency } });
  });

  it.each(['abc', '1.2.3,45', '', '12,34,56'])('refuses %j', (text) => {
    expect(cleanAmount(text, 'EUR').ok).toBe(false);
  });

  it('refuses more decimals than the currency has', () => {
    expect(cleanAmount('10.5 JPY', 'EUR')).toEqual({
      ok: false,
      message: '"10.5 JPY" has more decimals than JPY has (0)',
    });
  });
});

describe('dates', () => {
  it('reads ISO days and instants, with or without an offset', () => {
    expect(cleanInstant('2025-06-30', undefined)).toEqual({
      ok: true,
      value: '2025-06-30T00:00:00.000Z',
    });
    expect(cleanInstant('2025-06-30T09:15:00+0200', undefined)).toEqual({
      ok: true,
      value: '2025-06-30T07:15:00.000Z',
    });
    expect(cleanInstant('2025-06-30 09:15', undefined)).toEqual({
      ok: true,
      value: '2025-06-30T09:15:00.000Z',
    });
  });

  it('reads slashed dates only in the order it is told', () => {
    expect(cleanInstant('30/06/2025', undefined).ok).toBe(false);
    expect(cleanInstant('30/06/2025', 'dmy')).toEqual({
      ok: true,
      value: '2025-06-30T00:00:00.000Z',
    });
    expect(cleanInstant('06/30/2025', 'mdy')).toEqual({
      ok: true,
      value: '2025-06-30T00:00:00.000Z',
    });
  });

  it('refuses days that do not exist', () => {
    expect(cleanInstant('2025-02-30', undefined).ok).toBe(false);
    expect(cleanInstant('31/04/2025', 'dmy').ok).toBe(false);
  });
});

describe('text and counts', () => {
  it('tidies whitespace', () => {
    expect(tidyText('  Ada \t  Lovelace ')).toBe('Ada Lovelace');
  });

  it('reads whole unit counts', () => {
    expect(cleanCount('3')).toEqual({ ok: true, value: 3 });
    expect(cleanCount('1.5').ok).toBe(false);
    expect(cleanCount('0').ok).toBe(false);
  });
});
