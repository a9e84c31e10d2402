/**
 * The törlőkód (deletion code): a one-time string of digits, shown once when a phone is bound, that
 * removes the phone binding (not the account) when the phone is lost. Made from the CSPRNG, stored
 * only as a salted hash (see {@link hashDeletionCode}), compared in constant time.
 */
import { InvalidArgumentError, describeValue } from './errors.js';
import { checkOptions } from './input.js';
import { hashPassword, verifyPassword, type HashingOptions, type PasswordHash } from './password-hash.js';
import { cryptoRandom, randomDigits, type RandomSource } from './random.js';

/** The length of a new deletion code: 20 decimal digits, about 66 bits. */
export const DEFAULT_DELETION_CODE_LENGTH = 20;
/** Digits per group when a code is shown (`1234 5678 …`). */
export const DEFAULT_DELETION_CODE_GROUP = 4;
const MIN_LENGTH = 8;
const MAX_LENGTH = 64;

export interface DeletionCodeOptions {
  /** Number of digits, 8 to 64 (default 20). */
  length?: number;
  /** Digits per group when shown, 0 for no grouping (default 4). */
  groupSize?: number;
  /** Where the digits come from (default: the platform CSPRNG). */
  random?: RandomSource;
}

/**
 * Makes a new deletion code, grouped for reading aloud and writing down.
 * @throws {InvalidArgumentError} when `length` or `groupSize` is out of range
 * @example
 * generateDeletionCode(); // '4821 0937 5512 6604 1873'
 * generateDeletionCode({ length: 12, groupSize: 0 }); // '482109375512'
 */
export function generateDeletionCode(options: DeletionCodeOptions = {}): string {
  options = checkOptions(options);
  const length = checkDeletionCodeLength(options.length ?? DEFAULT_DELETION_CODE_LENGTH);
  const groupSize = checkGroupSize(options.groupSize ?? DEFAULT_DELETION_CODE_GROUP);
  return formatDeletionCode(randomDigits(length, options.random ?? cryptoRandom), groupSize);
}

/** Groups a string of digits: `formatDeletionCode('12345678', 4)` is `'1234 5678'`. */
export function formatDeletionCode(digits: string, groupSize: number = DEFAULT_DELETION_CODE_GROUP): string {
  const size = checkGroupSize(groupSize);
  if (typeof digits !== 'string')
    throw new InvalidArgumentError(`"digits" must be a string, got ${describeValue(digits)}`);
  if (size === 0) return digits;
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += size) groups.push(digits.slice(i, i + size));
  return groups.join(' ');
}

/**
 * Reads a deletion code as a person types it: spaces, dashes, dots and other white space between the
 * digits are ignored. Returns the bare digits, or undefined when the rest is not exactly `length`
 * decimal digits (a wrong code is a result, not an error).
 * @example
 * normalizeDeletionCode(' 4821-0937 5512.6604 1873 '); // '48210937551266041873'
 */
export function normalizeDeletionCode(
  input: unknown,
  length: number = DEFAULT_DELETION_CODE_LENGTH,
): string | undefined {
  if (typeof input !== 'string' || input.length > MAX_LENGTH * 4) return undefined;
  const digits = input.replace(/[\s\-.]/g, '');
  return digits.length === length && /^[0-9]+$/.test(digits) ? digits : undefined;
}

/**
 * Hashes a deletion code for storage: PBKDF2-SHA256 with a random salt, over the bare digits, so the
 * grouping a user types does not matter.
 * @throws {InvalidArgumentError} when `code` holds anything but digits and separators
 */
export async function hashDeletionCode(
  code: string,
  options: HashingOptions = {},
  random: RandomSource = cryptoRandom,
): Promise<PasswordHash> {
  const digits = typeof code === 'string' ? code.replace(/[\s\-.]/g, '') : '';
  if (!/^[0-9]{8,64}$/.test(digits)) {
    // The value itself is never shown: it may be a real deletion code.
    throw new InvalidArgumentError(
      `"deletionCode" must be ${MIN_LENGTH} to ${MAX_LENGTH} digits (spaces and dashes allowed)`,
    );
  }
  return hashPassword(digits, options, random);
}

/**
 * Checks a typed deletion code against its stored hash. Malformed input is simply not a match; the
 * hashing work is done either way, so the time does not tell a typo from a wrong code.
 */
export async function verifyDeletionCode(
  typed: unknown,
  stored: PasswordHash,
  length: number = DEFAULT_DELETION_CODE_LENGTH,
): Promise<boolean> {
  const digits = normalizeDeletionCode(typed, length);
  const matches = await verifyPassword(digits ?? '', stored);
  return digits !== undefined && matches;
}

/** Checks a deletion-code length: an integer from 8 to 64. */
export function checkDeletionCodeLength(value: unknown, field = 'length'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= MIN_LENGTH && value <= MAX_LENGTH) return value;
  throw new InvalidArgumentError(
    `"${field}" must be an integer from ${MIN_LENGTH} to ${MAX_LENGTH}, got ${describeValue(value)}`,
  );
}

function checkGroupSize(value: unknown, field = 'groupSize'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_LENGTH) return value;
  throw new InvalidArgumentError(`"${field}" must be an integer from 0 to ${MAX_LENGTH}, got ${describeValue(value)}`);
}
