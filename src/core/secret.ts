/**
 * Secret keys: making new ones and reading the forms people hand us.
 */
import { toBase32, fromBase32 } from './base32.js';
import { InvalidArgumentError, InvalidSecretError, describeValue } from './errors.js';
import { checkOptions, checkRandomSource } from './input.js';
import { cryptoRandom, type RandomSource } from './random.js';

/** A secret key: base32 text (any case, spaces, dashes or `=` padding allowed) or raw bytes. */
export type SecretInput = string | Uint8Array;

/** RFC 4226 R6: a shared secret MUST be at least 128 bits. */
export const MIN_NEW_SECRET_BYTES = 16;
/** RFC 4226 R6 recommends 160 bits, which is also what Google Authenticator and Ügyfélkapu+ use. */
export const DEFAULT_SECRET_BYTES = 20;
const MAX_SECRET_BYTES = 1024;

export interface GenerateSecretOptions {
  /** Length in bytes, 16 to 1024 (default 20). */
  bytes?: number;
  /** Where the bytes come from (default: the platform CSPRNG). */
  random?: RandomSource;
}

/**
 * Makes a new secret key from the CSPRNG, as upper-case base32 without padding.
 * @throws {InvalidArgumentError} when `bytes` is not an integer from 16 to 1024
 * @example
 * generateSecret(); // 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' (32 characters for 20 bytes)
 */
export function generateSecret(options: GenerateSecretOptions = {}): string {
  const { bytes = DEFAULT_SECRET_BYTES, random = cryptoRandom } = checkOptions(options);
  checkRandomSource(random);
  if (!Number.isInteger(bytes) || bytes < MIN_NEW_SECRET_BYTES || bytes > MAX_SECRET_BYTES) {
    throw new InvalidArgumentError(
      `"bytes" must be an integer from ${MIN_NEW_SECRET_BYTES} to ${MAX_SECRET_BYTES} (RFC 4226 R6: at least 128 bits), got ${describeValue(bytes)}`,
    );
  }
  const key = new Uint8Array(bytes);
  random.getRandomValues(key);
  return toBase32(key);
}

/**
 * Reads a secret in any accepted form into bytes. Existing secrets of any length are accepted
 * (real exports hold 5- and 10-byte keys); only new ones must be 128 bits or more.
 * @throws {InvalidSecretError} for empty, non-base32 or oversized input; the message never contains the secret
 */
export function toSecretBytes(secret: SecretInput, field = 'secret'): Uint8Array {
  if (secret instanceof Uint8Array) {
    if (secret.length === 0) throw new InvalidSecretError(`"${field}" must not be empty`);
    if (secret.length > MAX_SECRET_BYTES) {
      throw new InvalidSecretError(`"${field}" must be at most ${MAX_SECRET_BYTES} bytes, got ${secret.length}`);
    }
    return secret;
  }
  if (typeof secret !== 'string') {
    throw new InvalidSecretError(
      `"${field}" must be a base32 string or a Uint8Array, got ${describeValue(typeof secret === 'object' ? secret : typeof secret)}`,
    );
  }
  if (secret.length > MAX_SECRET_BYTES * 2) {
    throw new InvalidSecretError(
      `"${field}" must be at most ${MAX_SECRET_BYTES} bytes, got ${secret.length} characters`,
    );
  }
  return fromBase32(secret, field);
}

/** A secret in canonical form: upper-case base32 without padding. */
export function toSecretBase32(secret: SecretInput, field = 'secret'): string {
  return toBase32(toSecretBytes(secret, field));
}
