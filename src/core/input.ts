/**
 * Shape checks for what callers hand to public functions: option objects, lists, byte arrays,
 * clocks and random sources. Each refuses a wrong value with an {@link InvalidArgumentError} that
 * names the field, before any work is done, so hostile input (a 2^31-element sparse array, `null`
 * where an object belongs) cannot turn into a TypeError deep inside or into minutes of looping.
 */
import type { Clock } from './clock.js';
import { InvalidArgumentError, describeValue } from './errors.js';
import type { RandomSource } from './random.js';

/** The most accounts any list function accepts: far beyond any phone, small enough to stay fast. */
export const MAX_ACCOUNTS = 10_000;

/**
 * An options argument: `undefined` stands for `{}`; anything else must be a plain object (not
 * null, an array or a typed array).
 * @throws {InvalidArgumentError} naming `field`
 */
export function checkOptions<T extends object>(value: T | undefined, field = 'options'): T {
  if (value === undefined) return {} as T;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw new InvalidArgumentError(`"${field}" must be an object, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * A list argument: a real array of at most `max` entries.
 * @throws {InvalidArgumentError} naming `field`
 */
export function checkList<T>(value: readonly T[], field: string, max = MAX_ACCOUNTS): readonly T[] {
  if (!Array.isArray(value)) throw new InvalidArgumentError(`"${field}" must be an array, got ${describeValue(value)}`);
  if (value.length > max)
    throw new InvalidArgumentError(`"${field}" must hold at most ${max} entries, got ${value.length}`);
  return value;
}

/**
 * A byte array argument.
 * @throws {InvalidArgumentError} naming `field`
 */
export function checkBytes(value: unknown, field: string): Uint8Array {
  if (!(value instanceof Uint8Array))
    throw new InvalidArgumentError(`"${field}" must be a Uint8Array, got ${describeValue(value)}`);
  return value;
}

/**
 * A random source: an object with `getRandomValues(array)`.
 * @throws {InvalidArgumentError} naming `field`
 */
export function checkRandomSource(value: unknown, field = 'random'): RandomSource {
  if (typeof (value as RandomSource | null | undefined)?.getRandomValues !== 'function') {
    throw new InvalidArgumentError(
      `"${field}" must be a RandomSource (an object with getRandomValues), got ${describeValue(value)}`,
    );
  }
  return value as RandomSource;
}

/**
 * A clock: an object with `now()`.
 * @throws {InvalidArgumentError} naming `field`
 */
export function checkClock(value: unknown, field = 'clock'): Clock {
  if (typeof (value as Clock | null | undefined)?.now !== 'function') {
    throw new InvalidArgumentError(`"${field}" must be a Clock (an object with now()), got ${describeValue(value)}`);
  }
  return value as Clock;
}
