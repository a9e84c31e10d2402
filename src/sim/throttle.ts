/**
 * Throttling of wrong one-time codes and deletion codes: after the n-th failure in a row, the next
 * attempt is allowed only after base × 2^(n−1) ms of simulated time (1, 2, 4, 8 … s by default, as
 * django-otp does), up to a cap. A success resets it.
 *
 * Attempts made while a delay runs are refused without being checked and are not counted: checking
 * them would let an attacker keep guessing, and counting them would let anyone who knows a username
 * push the owner's delay up forever.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';

/** The throttle state of one account and one kind of secret. Plain JSON, kept in the Store. */
export type ThrottleState = {
  /** Failures in a row since the last success. */
  failures: number;
  /** Simulated time (ms) before which attempts are refused unchecked; 0 when free. */
  blockedUntil: number;
};

/** How long the delays are. */
export interface ThrottlePolicy {
  /** Delay after the first failure, in ms (default 1000). */
  baseMs: number;
  /** The longest delay, in ms (default 15 minutes). */
  maxMs: number;
}

/** 1 s after the first failure, doubling, at most 15 minutes. */
export const DEFAULT_THROTTLE: Readonly<ThrottlePolicy> = Object.freeze({ baseMs: 1000, maxMs: 15 * 60_000 });

/** A fresh state: no failures. */
export function freeThrottle(): ThrottleState {
  return { failures: 0, blockedUntil: 0 };
}

/** The delay imposed after `failures` failures in a row (0 for none). */
export function throttleDelayMs(failures: number, policy: ThrottlePolicy = DEFAULT_THROTTLE): number {
  if (typeof failures !== 'number' || Number.isNaN(failures))
    throw new InvalidArgumentError(`"failures" must be a number, got ${describeValue(failures)}`);
  const { baseMs, maxMs } = (typeof policy === 'object' && policy !== null ? policy : {}) as Partial<ThrottlePolicy>;
  for (const [field, value] of [
    ['baseMs', baseMs],
    ['maxMs', maxMs],
  ] as const) {
    if (typeof value !== 'number' || !(value >= 0) || value === Infinity) {
      throw new InvalidArgumentError(
        `throttle "${field}" must be a finite number of ms, 0 or more, got ${describeValue(value)}`,
      );
    }
  }
  if (failures <= 0) return 0;
  // Math.min first keeps 2 ** n finite for any n.
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failures - 1, 52));
}

/** True when an attempt at `now` must be refused unchecked. */
export function isThrottled(state: ThrottleState, now: number): boolean {
  return now < state.blockedUntil;
}

/** The state after one more failure at `now`. */
export function afterFailure(
  state: ThrottleState,
  now: number,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): ThrottleState {
  const failures = state.failures + 1;
  return { failures, blockedUntil: now + throttleDelayMs(failures, policy) };
}
