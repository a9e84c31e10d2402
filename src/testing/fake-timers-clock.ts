/**
 * A clock for suites that drive time with vitest's or jest's fake timers.
 */
import type { Clock } from '../core/clock.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';

/**
 * What {@link fakeTimersClock} needs from the test runner: vitest's `vi` and jest's `jest` both
 * have this method, which moves the faked `Date.now()` and runs the timers that fall due.
 */
export interface FakeTimers {
  advanceTimersByTime(ms: number): unknown;
}

/** A clock that can be moved forward; {@link freshCode} advances such a clock instead of waiting. */
export interface AdvancingClock extends Clock {
  /** Moves the clock forward by `ms` and returns the new time. */
  advance(ms: number): number;
}

/**
 * A clock that reads `Date.now()` at every call, so it follows `vi.useFakeTimers()` /
 * `jest.useFakeTimers()` (both fake `Date` by default) as well as `vi.setSystemTime()` and
 * `jest.setSystemTime()`.
 *
 * Which clock to use:
 * - **`manualClock(start)`** (from `totp-lab`) when you own time: the code under test takes a
 *   `clock` option and nothing else needs to move. Nothing global is patched.
 * - **`fakeTimersClock(vi)`** when the app under test reads `Date.now()` or sets timers (automatic
 *   sign-out, lockout timeouts) and the suite fakes them. Pass `vi` or `jest`: the clock then gets an
 *   `advance(ms)` that calls `advanceTimersByTime`, so {@link freshCode} moves the fake time (and
 *   runs the app's due timers) instead of waiting on a faked `setTimeout` that would never fire.
 * - **`fakeTimersClock()`** without an argument only reads the time. Under fake timers,
 *   `freshCode` with it waits on the faked `setTimeout`, so the test itself must advance the timers
 *   (`await vi.advanceTimersByTimeAsync(30_000)`) while the promise is pending.
 *
 * It reads the same time as `systemClock`; the separate name says what the test relies on.
 * @param timers `vi` (vitest) or `jest`; optional
 * @throws {InvalidArgumentError} when `timers` is given without an `advanceTimersByTime` method
 * @example
 * vi.useFakeTimers();
 * vi.setSystemTime(new Date('2025-01-16T08:00:29Z')); // 1 s before the code changes
 * const clock = fakeTimersClock(vi);
 * const { code } = await freshCode(secret, { clock }); // moves the fake time to 08:00:30
 */
export function fakeTimersClock(): Clock;
export function fakeTimersClock(timers: FakeTimers): AdvancingClock;
export function fakeTimersClock(timers?: FakeTimers): Clock | AdvancingClock {
  if (timers === undefined) return { now: () => Date.now() };
  if (typeof timers !== 'object' && typeof timers !== 'function') {
    throw new InvalidArgumentError(
      `"timers" must be vi or jest (an object with advanceTimersByTime), got ${describeValue(timers)}`,
    );
  }
  if (timers === null || typeof timers.advanceTimersByTime !== 'function') {
    throw new InvalidArgumentError(
      '"timers" must be vi or jest (an object with advanceTimersByTime), got an object without it',
    );
  }
  return {
    now: () => Date.now(),
    advance(ms: number): number {
      // Fake timers only go forward.
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new InvalidArgumentError(`"ms" must be a finite number of 0 or more, got ${describeValue(ms)}`);
      }
      timers.advanceTimersByTime(ms);
      return Date.now();
    },
  };
}
