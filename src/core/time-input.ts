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

/** What a person typed, quoted for a one-line message: control characters masked, cut at 40. */
export function quoteInput(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(clean.length > 40 ? `${clean.slice(0, 40)}…` : clean);
}
