/**
 * Calendar arithmetic in an IANA time zone, for the rules people state in calendar terms: a
 * password lives "two years" (the same date two years on, 731 days across a leap day) and is
 * warned about "one month" and "one week" before it expires. A time moved by months or days keeps
 * its wall-clock time in the zone, across changes of summer time; a day the target month lacks
 * (31 March minus one month, 29 February plus a year) becomes that month's last day.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time of `ms` in `timeZone`, as the UTC time that reads the same (whole seconds). */
function wallClockOf(ms: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(ms)) fields[part.type] = Number(part.value);
  const wall = new Date(0);
  wall.setUTCFullYear(fields['year']!, fields['month']! - 1, fields['day']!);
  wall.setUTCHours(fields['hour']!, fields['minute']!, fields['second']!, 0);
  return wall.getTime();
}

/** How far the zone's wall clock is ahead of UTC at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  return wallClockOf(ms, timeZone) - Math.floor(ms / 1000) * 1000;
}

/** The instant whose wall-clock time in `timeZone` is `wall`; in a summer-time gap, an hour later. */
function fromWallClock(wall: number, timeZone: string): number {
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

/** `ms` moved by whole calendar months (back when negative), at the same wall-clock time in `timeZone`. */
export function addCalendarMonths(ms: number, months: number, timeZone: string): number {
  const wall = new Date(ms + offsetAt(ms, timeZone));
  const target = new Date(wall.getTime());
  // The first of the target month first, so the day cannot overflow into the month after it.
  target.setUTCDate(1);
  target.setUTCMonth(wall.getUTCMonth() + months);
  const lastDay = new Date(target.getTime());
  lastDay.setUTCMonth(lastDay.getUTCMonth() + 1, 0);
  target.setUTCDate(Math.min(wall.getUTCDate(), lastDay.getUTCDate()));
  return fromWallClock(target.getTime(), timeZone);
}

/** `ms` moved by whole calendar days (back when negative), at the same wall-clock time in `timeZone`. */
export function addCalendarDays(ms: number, days: number, timeZone: string): number {
  const wall = new Date(ms + offsetAt(ms, timeZone));
  wall.setUTCDate(wall.getUTCDate() + days);
  return fromWallClock(wall.getTime(), timeZone);
}
