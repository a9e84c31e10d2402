/**
 * Codes that will not expire in flight: the fix for end-to-end tests that fail once in a while
 * because the code was read one second before its period ended.
 */
import { type Clock, checkTime, systemClock } from '../core/clock.js';
import { generateCode, secondsLeft, stepAt } from '../core/code.js';
import { InvalidArgumentError, InvalidStateError, describeValue } from '../core/errors.js';
import { checkMinRemaining, freshStepTime } from '../core/fresh-step.js';
import { DEFAULT_PERIOD, checkPeriod } from '../core/options.js';
import type { SecretInput } from '../core/secret.js';
import { pickTotpOptions, type TotpOptions } from './codes.js';

/** The default of {@link FreshCodeOptions.minRemaining}: enough to type a code and send it. */
export const DEFAULT_MIN_REMAINING = 5;
// setTimeout takes at most 2^31 − 1 ms; longer waits (very long periods) are done in slices.
const MAX_TIMEOUT = 2 ** 31 - 1;

/** Options of {@link freshCode}: the TOTP parameters, the clock and the time the code must last. */
export interface FreshCodeOptions extends TotpOptions {
  /**
   * Where the time comes from (default `systemClock`). A clock with an `advance(ms)` method
   * (`manualClock`, `fakeTimersClock(vi)`) is moved forward; any other clock is waited for.
   */
  clock?: Clock;
  /** Seconds the code must still be valid for, more than 0 and less than the period (default 5). */
  minRemaining?: number;
}

/** A code and how long it stays current. */
export interface FreshCode {
  code: string;
  /** Whole seconds before the code changes, counted as `secondsLeft` does (1 to period). */
  remaining: number;
  /** The code's time step. */
  step: number;
}

/**
 * A TOTP code with at least `minRemaining` seconds left in its period, so a test never types a
 * code that expires on its way to the server, even with a verifier that accepts no other step.
 *
 * When fewer seconds are left, it moves on to the start of the next period:
 * - a clock with an `advance(ms)` method (`manualClock`, `fakeTimersClock(vi)`) is advanced there,
 *   at once;
 * - any other clock (`systemClock`, `fakeTimersClock()`) is waited for with `setTimeout`, which
 *   takes less than `minRemaining` seconds, so never more than one period. Under fake timers such
 *   a wait only ends when the test advances the timers; pass `fakeTimersClock(vi)` instead.
 * @returns `{ code, remaining, step }`, taken at the clock's time when the promise resolves
 * @throws {InvalidArgumentError} when `minRemaining` is not more than 0 and less than the period,
 *   or an option is out of range (the promise rejects)
 * @throws {InvalidStateError} when the clock does not move while being advanced or waited for
 * @example
 * const clock = manualClock(Date.UTC(2025, 0, 16, 8, 0, 29)); // 1 s before the code changes
 * const { code, remaining } = await freshCode(secret, { clock }); // clock now 08:00:30, remaining 30
 */
export async function freshCode(secret: SecretInput, options: FreshCodeOptions = {}): Promise<FreshCode> {
  const codeOptions = pickTotpOptions(options);
  const period = options.period === undefined ? DEFAULT_PERIOD : checkPeriod(options.period);
  const minRemaining = checkMinRemaining(options.minRemaining ?? DEFAULT_MIN_REMAINING, period);
  const clock = options.clock ?? systemClock;
  for (;;) {
    const now = readClock(clock);
    const target = freshStepTime(now, period, minRemaining);
    if (target === now) {
      const code = generateCode(secret, { ...codeOptions, time: now });
      return { code, remaining: secondsLeft(now, period), step: stepAt(now, period) };
    }
    // Too close to the end of the period: go to the start of the next one and look again.
    await moveTo(clock, target);
  }
}

function readClock(clock: Clock): number {
  if (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function') {
    throw new InvalidArgumentError(`"clock" must have a now() method, got ${describeValue(clock)}`);
  }
  return checkTime(clock.now(), 'clock.now()');
}

function canAdvance(clock: Clock): clock is Clock & { advance(ms: number): unknown } {
  return typeof (clock as { advance?: unknown }).advance === 'function';
}

async function moveTo(clock: Clock, target: number): Promise<void> {
  if (canAdvance(clock)) {
    clock.advance(target - readClock(clock));
    if (readClock(clock) < target) throw new InvalidStateError('"clock" did not move forward when advanced');
    return;
  }
  let stalls = 0;
  for (let now = readClock(clock); now < target;) {
    await sleep(Math.min(target - now, MAX_TIMEOUT));
    const after = readClock(clock);
    // A clock that stands still would be waited for forever.
    stalls = after === now ? stalls + 1 : 0;
    if (stalls >= 3) {
      throw new InvalidStateError(
        '"clock" did not move while waiting for the next period; give freshCode a clock with advance(), such as manualClock',
      );
    }
    now = after;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
