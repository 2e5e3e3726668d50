import { describe, expect, it } from 'vitest';
import { addMonths, calendarDateOf, day, hour, instantOf, officeTimeFrom } from './calendar.ts';
import { createRandom } from './random.ts';

describe('calendar helpers', () => {
  it('writes instants to the second in UTC and days as YYYY-MM-DD', () => {
    const ms = Date.parse('2024-02-29T23:59:59.400Z');
    expect(instantOf(ms)).toBe('2024-02-29T23:59:59Z');
    expect(calendarDateOf(ms)).toBe('2024-02-29');
    expect(addMonths(Date.parse('2024-01-15T10:00:00Z'), 13)).toBe(
      Date.parse('2025-02-15T10:00:00Z'),
    );
  });

  it('moves an instant to the next office hours in the local time zone, never backwards', () => {
    const random = createRandom('office');
    const wrong: string[] = [];
    for (const offset of [-5, 0, 1, 8, 9]) {
      for (let i = 0; i < 500; i += 1) {
        const from = Date.parse('2024-03-01T00:00:00Z') + random.between(0, 60 * day);
        const at = officeTimeFrom(from, offset, random);
        const local = new Date(at + offset * hour);
        const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
        const workday = local.getUTCDay() >= 1 && local.getUTCDay() <= 5;
        const open = minutes >= 8 * 60 + 30 && minutes < 18 * 60;
        if (at < from || at - from >= 4 * day || !workday || !open)
          wrong.push(
            `${new Date(from).toISOString()} at UTC${offset} → ${new Date(at).toISOString()}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('leaves an instant in office hours where it is, rounded up to the second', () => {
    const monday = Date.parse('2024-03-04T10:15:00.250Z');
    expect(officeTimeFrom(monday, 0, createRandom(1))).toBe(Date.parse('2024-03-04T10:15:01Z'));
  });
});
