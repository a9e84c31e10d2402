/**
 * The parameters of RFC 4226 / RFC 6238 and their checks, shared by codes, key URIs and transfers.
 */
import { InvalidArgumentError, describeValue } from './errors.js';

export type Algorithm = 'SHA1' | 'SHA256' | 'SHA512';
export type Digits = 6 | 7 | 8;

export const ALGORITHMS: readonly Algorithm[] = ['SHA1', 'SHA256', 'SHA512'];
export const DEFAULT_ALGORITHM: Algorithm = 'SHA1';
export const DEFAULT_DIGITS: Digits = 6;
/** RFC 6238 §5.2 recommends 30 seconds. */
export const DEFAULT_PERIOD = 30;
/** RFC 6238 §5.2: at most one time step of network delay; Keycloak and django-otp use ±1 too. */
export const DEFAULT_WINDOW = 1;
const MAX_PERIOD = 86_400 * 366;
const MAX_WINDOW = 100;

/** Reads an algorithm name in any case (`sha256`, `SHA-256`). */
export function checkAlgorithm(value: unknown, field = 'algorithm'): Algorithm {
  // The canonical names, as the provider passes them on every check, without building new strings.
  if (value === 'SHA1' || value === 'SHA256' || value === 'SHA512') return value;
  if (typeof value === 'string') {
    const name = value.toUpperCase().replace('-', '');
    if ((ALGORITHMS as readonly string[]).includes(name)) return name as Algorithm;
  }
  throw new InvalidArgumentError(`"${field}" must be SHA1, SHA256 or SHA512, got ${describeValue(value)}`);
}

export function checkDigits(value: unknown, field = 'digits'): Digits {
  if (value === 6 || value === 7 || value === 8) return value;
  throw new InvalidArgumentError(`"${field}" must be 6, 7 or 8, got ${describeValue(value)}`);
}

/** A period in whole seconds, 1 s to a year. */
export function checkPeriod(value: unknown, field = 'period'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_PERIOD) return value;
  throw new InvalidArgumentError(
    `"${field}" must be a whole number of seconds from 1 to ${MAX_PERIOD}, got ${describeValue(value)}`,
  );
}

/** An HOTP counter: an integer from 0 to 2^53 − 1 (the largest a JavaScript number holds exactly). */
export function checkCounter(value: unknown, field = 'counter'): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new InvalidArgumentError(`"${field}" must be an integer from 0 to 2^53 - 1, got ${describeValue(value)}`);
}

/** How many steps either side of the current one a verifier accepts. */
export function checkWindow(value: unknown, field = 'window'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_WINDOW) return value;
  throw new InvalidArgumentError(`"${field}" must be an integer from 0 to ${MAX_WINDOW}, got ${describeValue(value)}`);
}

/** Parses a decimal integer string strictly (no signs, no exponents, no spaces). */
export function parseDecimal(text: string): number | undefined {
  return /^[0-9]{1,16}$/.test(text) ? Number(text) : undefined;
}
