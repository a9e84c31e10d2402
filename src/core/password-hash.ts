/**
 * Password hashing: PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) through WebCrypto (`crypto.subtle`), with a
 * random salt per hash, so the same code runs in Node 20+ and in browsers. Only the hash record is
 * ever stored; verification compares the derived keys with {@link constantTimeEqual}.
 */
import { constantTimeEqual } from './constant-time.js';
import { InvalidArgumentError, describeValue } from './errors.js';
import { fromHex, toHex } from './hex.js';
import { checkOptions } from './input.js';
import { cryptoRandom, randomBytes, type RandomSource } from './random.js';

/** A stored password hash. Plain JSON, so a Store can keep it as it is. */
export type PasswordHash = {
  algorithm: 'PBKDF2-SHA256';
  /** PBKDF2 iteration count (the cost). */
  iterations: number;
  /** Random salt, lower-case hex. */
  salt: string;
  /** The derived key, lower-case hex. */
  hash: string;
};

/** How expensive hashing is. */
export interface HashingOptions {
  /** PBKDF2 iterations (default {@link DEFAULT_PASSWORD_HASH_ITERATIONS}). */
  iterations?: number;
}

/** OWASP Password Storage Cheat Sheet (2023) recommends 600 000 iterations for PBKDF2-HMAC-SHA256. */
export const DEFAULT_PASSWORD_HASH_ITERATIONS = 600_000;

/**
 * One PBKDF2 iteration: fast enough for test suites that register hundreds of users, and worthless
 * against an attacker. Never use it for anything but tests and demos.
 */
export const LOW_COST_HASHING_FOR_TESTS: Readonly<Required<HashingOptions>> = Object.freeze({ iterations: 1 });

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const MAX_ITERATIONS = 10_000_000;
const MAX_PASSWORD_LENGTH = 4096;

/**
 * Hashes a password with a fresh random salt.
 * @param password any string up to 4096 characters; it is NFC-normalised first, so the same
 *   password typed on different keyboards (composed or decomposed accents) matches
 * @returns the record to store
 * @throws {InvalidArgumentError} when the password is not a string or `iterations` is out of range
 * @example
 * const stored = await hashPassword('correct horse', LOW_COST_HASHING_FOR_TESTS);
 * await verifyPassword('correct horse', stored); // true
 */
export async function hashPassword(
  password: string,
  options: HashingOptions = {},
  random: RandomSource = cryptoRandom,
): Promise<PasswordHash> {
  checkPasswordInput(password);
  const iterations = checkIterations(checkOptions(options).iterations ?? DEFAULT_PASSWORD_HASH_ITERATIONS);
  const salt = randomBytes(SALT_BYTES, random);
  const key = await derive(password, salt, iterations);
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toHex(salt), hash: toHex(key) };
}

/**
 * Checks a password against a stored hash, doing the full work whatever the outcome.
 * @returns true when the password matches
 * @throws {InvalidArgumentError} when the password is not a string or the record is malformed
 */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  checkPasswordInput(password);
  const record = checkRecord(stored);
  // checkRecord has made sure both are lower-case hex.
  const key = await derive(password, fromHex(record.salt)!, record.iterations);
  return constantTimeEqual(key, fromHex(record.hash)!);
}

/** Checks an iteration count: an integer from 1 to 10 000 000. */
export function checkIterations(value: unknown, field = 'iterations'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_ITERATIONS) return value;
  throw new InvalidArgumentError(
    `"${field}" must be an integer from 1 to ${MAX_ITERATIONS}, got ${describeValue(value)}`,
  );
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new InvalidArgumentError('no WebCrypto: globalThis.crypto.subtle is missing in this runtime');
  const material = await subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    material,
    KEY_BYTES * 8,
  );
  return new Uint8Array(bits);
}

function checkPasswordInput(password: unknown): void {
  // The message never shows the value: it may be a real password.
  if (typeof password !== 'string') {
    throw new InvalidArgumentError(
      `"password" must be a string, got a value of type ${password === null ? 'null' : typeof password}`,
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new InvalidArgumentError(
      `"password" must be at most ${MAX_PASSWORD_LENGTH} characters, got ${password.length}`,
    );
  }
}

function checkRecord(stored: unknown): PasswordHash {
  const r = stored as Partial<PasswordHash> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    r.algorithm !== 'PBKDF2-SHA256' ||
    typeof r.salt !== 'string' ||
    !/^(?:[0-9a-f]{2})+$/.test(r.salt) ||
    typeof r.hash !== 'string' ||
    !/^(?:[0-9a-f]{2})+$/.test(r.hash)
  ) {
    throw new InvalidArgumentError(
      '"stored" must be a PBKDF2-SHA256 hash record { algorithm, iterations, salt, hash }',
    );
  }
  checkIterations(r.iterations, 'stored.iterations');
  return r as PasswordHash;
}

/**
 * A hash record as one string, `$pbkdf2-sha256$i=<iterations>$<salt hex>$<hash hex>` (in the spirit
 * of the PHC string format), for stores that keep records flat.
 * @example
 * encodePasswordHash(await hashPassword('titok', { iterations: 1 })); // '$pbkdf2-sha256$i=1$9f…$c3…'
 */
export function encodePasswordHash(stored: PasswordHash): string {
  const r = checkRecord(stored);
  return `$pbkdf2-sha256$i=${r.iterations}$${r.salt}$${r.hash}`;
}

/**
 * Reads a string made by {@link encodePasswordHash}.
 * @throws {InvalidArgumentError} when it is not one (the message does not repeat the string)
 */
export function decodePasswordHash(text: string): PasswordHash {
  const match =
    typeof text === 'string' ? /^\$pbkdf2-sha256\$i=([0-9]{1,8})\$([0-9a-f]+)\$([0-9a-f]+)$/.exec(text) : null;
  if (!match) throw new InvalidArgumentError('"stored" must be a $pbkdf2-sha256$i=…$salt$hash string');
  return checkRecord({ algorithm: 'PBKDF2-SHA256', iterations: Number(match[1]), salt: match[2], hash: match[3] });
}
