/**
 * A jump of the simulated clock in words: "+30 mp", "+1 óra 30 perc", "+2 év 1 hónap 29 nap", counted
 * on the calendar from the time before the jump, and where it lands: the time of day for a short
 * jump, the date with it for a jump of a day or more.
 */
import type { Language } from '../../index.js';

const DAY = 86_400_000;
const UNITS = {
  hu: [['év'], ['hónap'], ['nap'], ['óra'], ['perc'], ['mp']],
  en: [
    ['year', 'years'],
    ['month', 'months'],
    ['day', 'days'],
    ['h', 'h'],
    ['min', 'min'],
    ['s', 's'],
  ],
} as const;

// Hungarian output follows the service (Budapest time); English output uses UTC.
const ZONES = { hu: 'Europe/Budapest', en: 'UTC' } as const;
const TIME = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } as const;
const DATE_TIMES = {
  hu: new Intl.DateTimeFormat('hu-HU', {
    timeZone: ZONES.hu,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...TIME,
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONES.en,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...TIME,
  }),
};

/** `date` moved on by whole calendar months, the day kept within the month reached (31 Jan + 1 → 28/29 Feb). */
function addMonths(date: number, months: number): number {
  const d = new Date(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return target.getTime();
}

/** The calendar parts between `from` and `to` (to ≥ from): years, months, days, hours, minutes, seconds. */
export function calendarParts(from: number, to: number): number[] {
  // Whole months first (years are twelve of them), from the mean month, corrected by a step or two.
  let months = Math.max(0, Math.floor((to - from) / (30.436875 * DAY)));
  while (months > 0 && addMonths(from, months) > to) months -= 1;
  while (addMonths(from, months + 1) <= to) months += 1;
  const cursor = addMonths(from, months);
  let rest = Math.floor((to - cursor) / 1000);
  const seconds = rest % 60;
  rest = Math.floor(rest / 60);
  const minutes = rest % 60;
  rest = Math.floor(rest / 60);
  return [Math.floor(months / 12), months % 12, Math.floor(rest / 24), rest % 24, minutes, seconds];
}

/** The jump from `from` to `to`: its length in at most three units, from the largest one used. */
export function formatJump(from: number, to: number, language: Language): string {
  const parts = calendarParts(from, Math.max(from, to));
  const first = parts.findIndex((n) => n > 0);
  if (first === -1) return language === 'hu' ? '0 mp' : '0 s';
  const words = parts.slice(first, first + 3).flatMap((n, i) => {
    if (n === 0) return [];
    const names = UNITS[language][first + i]!;
    return [`${n} ${n === 1 ? names[0] : (names[1] ?? names[0])}`];
  });
  return words.join(' ');
}

/** Where a jump lands: HH:MM:SS for less than a day, the date and the time for longer. */
export function formatLanding(from: number, to: number, clock: string, language: Language): string {
  return to - from < DAY ? clock : DATE_TIMES[language].format(new Date(to));
}
