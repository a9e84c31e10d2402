// Long jumps of the simulated clock read in calendar units. The parts are checked against a
// calendar written here from year, month and day numbers (not from the code under test): adding
// them back to the start lands on the end, and one more month would overshoot.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarParts, formatJump, formatLanding } from '../../src/demo/terminal/jump.js';

const DAY = 86_400_000;
const daysIn = (y: number, m: number) =>
  [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m]!;

/** `from` plus whole months on a year/month/day calendar, the day clamped to the month reached. */
function plusMonths(from: number, months: number): number {
  const d = new Date(from);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const [y, m] = [Math.floor(total / 12), total % 12];
  const day = Math.min(d.getUTCDate(), daysIn(y, m));
  return Date.UTC(y, m, day) + (from - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

describe('calendar parts of a jump', () => {
  it('counts years, months and days on the calendar', () => {
    const t = Date.UTC(2025, 0, 16, 8);
    expect(calendarParts(t, t + 791 * DAY)).toEqual([2, 2, 2, 0, 0, 0]);
    expect(calendarParts(t, t + 62_207_970_000)).toEqual([1, 11, 20, 23, 59, 30]);
    expect(calendarParts(Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 29))).toEqual([0, 1, 0, 0, 0, 0]);
    expect(calendarParts(Date.UTC(2024, 0, 31), Date.UTC(2024, 2, 1))).toEqual([0, 1, 1, 0, 0, 0]);
    expect(calendarParts(t, t)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('adds back up to the end, and one more month would overshoot (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 0, max: 20 * 366 * DAY }),
        (from, length) => {
          const to = from + length;
          const [years, months, days, hours, minutes, seconds] = calendarParts(from, to);
          const whole = years! * 12 + months!;
          const cursor = plusMonths(from, whole);
          const rest = ((days! * 24 + hours!) * 60 + minutes!) * 60_000 + seconds! * 1000;
          expect(to - cursor - rest).toBeGreaterThanOrEqual(0);
          expect(to - cursor - rest).toBeLessThan(1000);
          expect(plusMonths(from, whole + 1)).toBeGreaterThan(to);
          expect([months! < 12, hours! < 24, minutes! < 60, seconds! < 60]).toEqual([true, true, true, true]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a jump in words', () => {
  it('uses at most three units, from the largest, in each language', () => {
    const t = Date.UTC(2025, 0, 16, 8);
    expect(formatJump(t, t + 791 * DAY, 'hu')).toBe('2 év 2 hónap 2 nap');
    expect(formatJump(t, t + 791 * DAY, 'en')).toBe('2 years 2 months 2 days');
    expect(formatJump(t, t + 62_207_970_000, 'hu')).toBe('1 év 11 hónap 20 nap');
    expect(formatJump(t, t + 30_000, 'hu')).toBe('30 mp');
    expect(formatJump(t, t + 90_000, 'en')).toBe('1 min 30 s');
    expect(formatJump(t, t + DAY + 60_000, 'en')).toBe('1 day 1 min');
    expect(formatJump(t, t + DAY + 1000, 'en')).toBe('1 day');
    expect(formatJump(t, t, 'en')).toBe('0 s');
  });

  it('lands on a time of day, or on a date for a day or more', () => {
    const t = Date.UTC(2025, 0, 16, 8);
    expect(formatLanding(t, t + 60_000, '09:01:00', 'hu')).toBe('09:01:00');
    expect(formatLanding(t, t + 791 * DAY, '09:00:00', 'hu')).toBe('2027. 03. 18. 09:00:00');
    expect(formatLanding(t, t + 791 * DAY, '08:00:00', 'en')).toBe('18 Mar 2027, 08:00:00');
  });
});
