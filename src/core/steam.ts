/**
 * Steam Guard codes: RFC 4226's HMAC-SHA1 and dynamic truncation on the TOTP time step, then the
 * 31-bit number written in Steam's own alphabet of 26 characters, least significant first, five
 * characters long. Authenticator apps (Aegis, andOTP, Ente Auth) mark such accounts with
 * `otpauth://steam/…`, KeePass-style tools with `encoder=steam`.
 */
import { InvalidArgumentError, describeValue } from './errors.js';

/** The characters of a Steam Guard code: digits and consonants that cannot be mistaken for each other. */
export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';
/** Steam Guard codes have five characters. */
export const STEAM_DIGITS = 5;

/** What `encoder` may say: Steam's characters instead of decimal digits. */
export type Encoder = 'steam';

/** The lengths a code may have: 6 to 8 decimal digits, or 5 (to 8) Steam characters. */
export type CodeLength = 5 | 6 | 7 | 8;

/** @throws {InvalidArgumentError} for anything but `"steam"` */
export function checkEncoder(value: unknown, field = 'encoder'): Encoder {
  if (value === 'steam') return value;
  throw new InvalidArgumentError(
    `"${field}" must be "steam" (or left out for decimal codes), got ${describeValue(value)}`,
  );
}

/** Steam codes are 5 characters; Aegis also shows 6 to 8 when an entry asks for it. */
export function checkSteamDigits(value: unknown, field = 'digits'): CodeLength {
  if (value === 5 || value === 6 || value === 7 || value === 8) return value;
  throw new InvalidArgumentError(
    `"${field}" of a Steam Guard code must be 5 characters (6 to 8 are read too), got ${describeValue(value)}`,
  );
}

/** The truncated HMAC value written as a Steam code of `length` characters. */
export function formatSteamCode(value: number, length: number): string {
  let code = '';
  for (let i = 0, rest = value; i < length; i++, rest = Math.floor(rest / 26)) code += STEAM_ALPHABET[rest % 26];
  return code;
}

/**
 * The number a typed Steam code stands for (what {@link formatSteamCode} wrote, modulo 26^length),
 * or -1 when it is not `length` characters of the alphabet. Case and spaces do not matter.
 */
export function parseSteamCode(code: unknown, length: number): number {
  if (typeof code !== 'string' || code.length > 64) return -1;
  const compact = code.replace(/\s+/g, '').toUpperCase();
  if (compact.length !== length) return -1;
  let value = 0;
  for (let i = length - 1; i >= 0; i--) {
    const digit = STEAM_ALPHABET.indexOf(compact[i]!);
    if (digit < 0) return -1;
    value = value * 26 + digit;
  }
  return value;
}

/** 26^length: what a Steam code's number is taken modulo. */
export const steamModulus = (length: number): number => 26 ** length;
