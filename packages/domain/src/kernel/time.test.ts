import { describe, expect, it } from 'vitest';
import { CalendarDate, epochMillisOf, Instant, isBefore, millisBetween } from './time.ts';

const instant = (s: string): Instant => {
  if (!Instant.is(s)) throw new Error(`not an instant: ${s}`);
  return s;
};

describe('Instant', () => {
  it.each([
    '2026-03-01T09:30:00Z',
    '2026-03-01T09:30Z',
    '2026-03-01T09:30:00.123Z',
    '2026-03-01T09:30:00.123456789Z',
    '2026-03-01T09:30:00+02:00',
    '2026-03-01T09:30:00-05:30',
    '2024-02-29T00:00:00Z',
    '2026-12-31T23:59:59Z',
  ])('accepts %s', (s) => {
    expect(Instant.is(s)).toBe(true);
  });

  it.each([
    '2026-03-01',
    '2026-03-01T09:30:00',
    '2026-03-01 09:30:00Z',
    '2026-03-01T09:30:00z',
    '2026-03-01T09:30:00+0200',
    '2026-03-01T09:30:00.1234567890Z',
    '2026-02-30T10:00:00Z',
    '2026-02-31T10:00:00+01:00',
    '2025-02-29T10:00:00Z',
    '2026-04-31T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-00-10T10:00:00Z',
    '2026-03-01T25:00:00Z',
    '2026-03-01T10:60:00Z',
    '2026-03-01T10:00:60Z',
    '2026-03-01T10:00:00+25:00',
    '26-03-01T10:00:00Z',
    '',
  ])('rejects %j', (s) => {
    expect(Instant.is(s)).toBe(false);
  });

  it('rejects non-strings, including dates and epoch numbers', () => {
    expect(Instant.is(new Date())).toBe(false);
    expect(Instant.is(1_767_225_600_000)).toBe(false);
  });
});

describe('epochMillisOf, millisBetween and isBefore', () => {
  it('reads the epoch milliseconds, honouring the offset', () => {
    expect(epochMillisOf(instant('1970-01-01T00:00:00Z'))).toBe(0);
    expect(epochMillisOf(instant('1970-01-01T01:00:00+01:00'))).toBe(0);
    expect(epochMillisOf(instant('2026-01-01T00:00:00.250Z'))).toBe(Date.UTC(2026, 0, 1) + 250);
  });

  it('measures signed durations', () => {
    const a = instant('2026-01-01T10:00:00Z');
    const b = instant('2026-01-01T12:00:00+01:00');
    expect(millisBetween(a, b)).toBe(3_600_000);
    expect(millisBetween(b, a)).toBe(-3_600_000);
    expect(millisBetween(a, a)).toBe(0);
  });

  it('orders instants by the moment they denote, not by their text', () => {
    const earlierInBerlin = instant('2026-01-01T10:00:00+02:00'); // 08:00Z
    const laterInUtc = instant('2026-01-01T09:00:00Z');
    expect(isBefore(earlierInBerlin, laterInUtc)).toBe(true);
    expect(isBefore(laterInUtc, earlierInBerlin)).toBe(false);
    expect(isBefore(laterInUtc, instant('2026-01-01T10:00:00+01:00'))).toBe(false);
  });
});

describe('CalendarDate', () => {
  it.each(['2026-03-01', '2024-02-29', '2000-02-29', '2026-12-31', '1999-01-01'])(
    'accepts %s',
    (s) => {
      expect(CalendarDate.is(s)).toBe(true);
    },
  );

  it.each([
    '2026-02-30',
    '2025-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-01',
    '2026-01-00',
    '2026-1-1',
    '20260301',
    '2026-03-01T00:00:00Z',
    ' 2026-03-01',
    '',
  ])('rejects %j', (s) => {
    expect(CalendarDate.is(s)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(CalendarDate.is(20260301)).toBe(false);
  });
});
