/**
 * Clocks. Everything time-dependent in totp-lab reads a {@link Clock} (or takes an explicit time in
 * milliseconds), so tests and trainers can stop, rewind and skip time.
 */
import { InvalidArgumentError, describeValue } from './errors.js';

/** A source of the current time, in milliseconds since the Unix epoch. */
export interface Clock {
  now(): number;
}

/** A clock that can be moved by hand. */
export interface ManualClock extends Clock {
  /** Moves the clock forward (or back, with a negative value) by `ms`. Returns the new time. */
  advance(ms: number): number;
  /** Sets the clock to `ms`. Returns the new time. */
  set(ms: number): number;
}

/**
 * The machine's clock. It reads `Date.now()` at every call, so it also follows the fake timers of
 * vitest and jest.
 */
export const systemClock: Clock = Object.freeze({ now: () => Date.now() });

/**
 * A clock that stands still until told to move.
 * @param startMs the starting time in ms since the epoch (default 0, i.e. 1970-01-01T00:00:00Z)
 * @example
 * const clock = manualClock(Date.UTC(2025, 0, 16));
 * clock.advance(30_000); // the next TOTP period
 */
export function manualClock(startMs = 0): ManualClock {
  let current = checkTime(startMs, 'startMs');
  return {
    now: () => current,
    advance(ms: number) {
      current = checkTime(current + checkFinite(ms, 'ms'), 'time');
      return current;
    },
    set(ms: number) {
      current = checkTime(ms, 'ms');
      return current;
    },
  };
}

function checkFinite(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`"${name}" must be a finite number, got ${describeValue(value)}`);
  }
  return value;
}

/** Checks a time in ms: a finite number, not before the epoch. */
export function checkTime(value: unknown, name = 'time'): number {
  const ms = checkFinite(value, name);
  if (ms < 0 || ms > 8.64e15) {
    throw new InvalidArgumentError(`"${name}" must be between 0 and 8.64e15 ms since the epoch, got ${ms}`);
  }
  return ms;
}
