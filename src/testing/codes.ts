/**
 * Codes for tests: at a given time, for a given step, and the next one.
 */
import { type Clock, checkTime, systemClock } from '../core/clock.js';
import { generateCode, stepAt, type CodeOptions } from '../core/code.js';
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import { checkClock } from '../core/input.js';
import { DEFAULT_PERIOD, checkCounter, checkPeriod } from '../core/options.js';
import type { SecretInput } from '../core/secret.js';

/** The TOTP parameters a code depends on besides the secret and the time (defaults SHA1, 6, 30). */
export type TotpOptions = Pick<CodeOptions, 'algorithm' | 'digits' | 'period'>;

/** A time in ms since the epoch, or a Date. */
export type TimeInput = number | Date;

/**
 * The TOTP code at a given time.
 * @param time ms since the epoch, or a Date
 * @throws {InvalidSecretError} when the secret cannot be read
 * @throws {InvalidArgumentError} when the time or an option is out of range
 * @example
 * codeAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000, { digits: 8 }); // '94287082' (RFC 6238 Appendix B)
 * codeAt(secret, new Date('2025-01-16T08:00:00Z'));
 */
export function codeAt(secret: SecretInput, time: TimeInput, options: TotpOptions = {}): string {
  return generateCode(secret, { ...pickTotpOptions(options), time: toMs(time) });
}

/**
 * The TOTP code of time step `step` (RFC 6238 §4.2: T = floor(unix seconds / period)), the same
 * as the HOTP code for counter `step`.
 * @throws {InvalidArgumentError} when `step` is not an integer from 0 to 2^53 − 1
 * @example
 * codeForStep('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1, { digits: 8 }); // '94287082'
 */
export function codeForStep(secret: SecretInput, step: number, options: TotpOptions = {}): string {
  return generateCode(secret, { ...pickTotpOptions(options), counter: checkCounter(step, 'step') });
}

/** Options of {@link nextCode}: the TOTP parameters and where "now" comes from. */
export interface NextCodeOptions extends TotpOptions {
  /** Where "now" comes from (default `systemClock`). */
  clock?: Clock;
  /** Now, in ms or as a Date; wins over `clock`. */
  time?: TimeInput;
}

/** The code of the step after the current one. */
export interface NextCode {
  code: string;
  /** Its time step. */
  step: number;
  /** When it becomes the current code, in ms since the epoch (the start of its period). */
  validFrom: number;
}

/**
 * The code that the phone will show next, and when: useful to test that a code is refused before
 * its time (with `window: 0`) or accepted early (with the default window of 1).
 * @example
 * const clock = manualClock(59_000);
 * nextCode(secret, { clock }); // { code: …, step: 2, validFrom: 60_000 }
 */
export function nextCode(secret: SecretInput, options: NextCodeOptions = {}): NextCode {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(`"options" must be an object, got ${describeValue(options)}`);
  }
  const period = options.period === undefined ? DEFAULT_PERIOD : checkPeriod(options.period);
  const now =
    options.time !== undefined
      ? toMs(options.time)
      : checkTime(checkClock(options.clock ?? systemClock).now(), 'clock.now()');
  const step = stepAt(now, period) + 1;
  return { code: codeForStep(secret, step, options), step, validFrom: step * period * 1000 };
}

/** Only the code-shaping options, so a stray `counter` or `time` from plain JavaScript is ignored. */
export function pickTotpOptions(options: TotpOptions): TotpOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(`"options" must be an object, got ${describeValue(options)}`);
  }
  return {
    ...(options.algorithm !== undefined && { algorithm: options.algorithm }),
    ...(options.digits !== undefined && { digits: options.digits }),
    ...(options.period !== undefined && { period: options.period }),
  };
}

function toMs(time: TimeInput): number {
  return checkTime(time instanceof Date ? time.getTime() : time);
}
