/**
 * A moment typed by a person: Unix seconds (fractions allowed) or an ISO-8601 date-time with `Z`
 * or an offset. A date-time without a zone would depend on the machine's time zone, so it is
 * refused. Shared by the command line (`--time`) and the terminal walkthrough (`time …`).
 */
import { InvalidArgumentError, describeValue } from './errors.js';

/** The latest moment a JavaScript Date can hold, in ms (8.64e12 Unix seconds). */
const MAX_TIME_MS = 8.64e15;

/**
 * Reads a typed moment and returns it in ms since the epoch.
 * @param name how the message names the input (a flag such as `--time`, or `time`)
 * @throws {InvalidArgumentError} one line naming `name` and showing the input, cut short
 * @example parseTimeInput('2025-01-16T08:00:00Z') // 1737014400000
 */
export function parseTimeInput(text: string, name = 'time'): number {
  if (typeof name !== 'string') throw new InvalidArgumentError(`"name" must be a string, got ${describeValue(name)}`);
  if (typeof text !== 'string')
    throw new InvalidArgumentError(
      `${name} must be Unix seconds or an ISO-8601 date-time as text, got ${describeValue(text)}`,
    );
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) {
    const ms = Number(trimmed) * 1000;
    if (ms >= 0 && ms <= MAX_TIME_MS) return ms;
    throw new InvalidArgumentError(`${name} must be between 0 and 8.64e12 Unix seconds, got ${quoteInput(text)}`);
  }
  const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(trimmed);
  if (iso && iso[1] === undefined && /[T ]/i.test(trimmed)) {
    throw new InvalidArgumentError(
      `${name} needs a time zone: add Z for UTC or an offset such as +01:00 (2025-01-16T08:00:00Z), got ${quoteInput(text)}`,
    );
  }
  if (iso) {
    const ms = Date.parse(trimmed.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isFinite(ms) && ms >= 0 && ms <= MAX_TIME_MS) return ms;
  }
  throw new InvalidArgumentError(
    `${name} must be Unix seconds or an ISO-8601 date-time with Z or an offset (2025-01-16T08:00:00Z), got ${quoteInput(text)}`,
  );
}

/** The units of a typed duration, in ms. */
const DURATION_UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Reads a typed span of time: a whole number and its unit, `s`, `m`, `h` or `d` (`90s`, `10m`,
 * `1h`, `2d`), or a plain `0`. The caller checks the range it allows. Shared by the command line (`--mail-delay`) and the terminal
 * walkthrough's jumps (`+30s`).
 * @param name how the message names the input (a flag such as `--mail-delay`)
 * @throws {InvalidArgumentError} one line naming `name` and showing the input, cut short
 * @example parseDurationInput('10m') // 600000
 */
export function parseDurationInput(text: string, name = 'duration'): number {
  if (typeof name !== 'string') throw new InvalidArgumentError(`"name" must be a string, got ${describeValue(name)}`);
  const usage = `${name} must be a whole number and a unit, s, m, h or d (90s, 10m, 1h), or 0`;
  if (typeof text !== 'string') throw new InvalidArgumentError(`${usage}, got ${describeValue(text)}`);
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  // Up to 300 digits keeps the result a finite number (1e300 days is still below Number.MAX_VALUE);
  // each caller checks the range it allows, and says "too long" in its own words.
  const found = /^(\d{1,300})([smhd])$/.exec(trimmed);
  if (found === null) throw new InvalidArgumentError(`${usage}, got ${quoteInput(text)}`);
  return Number(found[1]) * DURATION_UNIT_MS[found[2] as keyof typeof DURATION_UNIT_MS];
}

/** What a person typed, quoted for a one-line message: control characters masked, cut at 40. */
export function quoteInput(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(clean.length > 40 ? `${clean.slice(0, 40)}…` : clean);
}
