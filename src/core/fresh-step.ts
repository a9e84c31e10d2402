/**
 * Step arithmetic for codes that must not expire in flight: where the next code with enough time
 * left begins. Pure, so the CLI (which waits in real time) and the test kit (which may advance a
 * manual clock) share one rule.
 */
import { checkTime } from './clock.js';
import { InvalidArgumentError, describeValue } from './errors.js';
import { checkPeriod } from './options.js';

/** Checks `minRemaining`: seconds, more than 0 and less than the period. */
export function checkMinRemaining(value: unknown, period: number): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value < period) return value;
  throw new InvalidArgumentError(
    `"minRemaining" must be more than 0 and less than the period (${period} s), got ${describeValue(value)}`,
  );
}

/**
 * The earliest time at or after `time` (ms) whose TOTP step still has at least `minRemaining`
 * seconds left: `time` itself, or the start of the next step.
 * @example
 * freshStepTime(29_000, 30, 5); // 30_000: only 1 s was left, so the next step's start
 * freshStepTime(10_000, 30, 5); // 10_000
 */
export function freshStepTime(time: number, period: number, minRemaining: number): number {
  const now = checkTime(time);
  const periodMs = checkPeriod(period) * 1000;
  const min = checkMinRemaining(minRemaining, period);
  const remainingMs = periodMs - (now % periodMs);
  return remainingMs >= min * 1000 ? now : now + remainingMs;
}
