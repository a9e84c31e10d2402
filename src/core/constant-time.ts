/**
 * Comparison of secret material (codes, deletion codes, password hashes) in time that does not
 * depend on where the inputs differ. Every comparison of a secret in totp-lab goes through here.
 */
import { InvalidArgumentError, describeValue } from './errors.js';

/**
 * True when `a` and `b` are equal. Runs through the whole of the longer input whatever the
 * contents, so the time reveals at most the lengths.
 * @throws {InvalidArgumentError} when either input is neither a string nor a Uint8Array
 */
export function constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  for (const [field, value] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
      throw new InvalidArgumentError(`"${field}" must be a string or a Uint8Array, got ${describeValue(value)}`);
    }
  }
  const x = typeof a === 'string' ? new TextEncoder().encode(a) : a;
  const y = typeof b === 'string' ? new TextEncoder().encode(b) : b;
  const length = Math.max(x.length, y.length);
  let diff = x.length ^ y.length;
  for (let i = 0; i < length; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/**
 * True when two 31-bit non-negative integers (HOTP values, say) are equal. One XOR and one test of
 * a small integer: no loop and no branch that depends on where the values differ. A negative
 * argument (used for "no valid input") never equals a non-negative one.
 */
export function constantTimeEqualInt(a: number, b: number): boolean {
  return ((a ^ b) | 0) === 0;
}
