/**
 * Base32 (RFC 4648 §6), the alphabet of TOTP secret keys. Decoding is forgiving in the ways people
 * and apps are sloppy (case, spaces, dashes, `=` padding) and strict about everything else.
 */
import { InvalidSecretError, describeValue } from './errors.js';
import { checkBytes } from './input.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const LOOKUP = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
  LOOKUP[ALPHABET.charCodeAt(i)] = i;
  LOOKUP[ALPHABET.toLowerCase().charCodeAt(i)] = i;
}

/** Encodes bytes as upper-case base32 without padding. */
export function toBase32(bytes: Uint8Array): string {
  checkBytes(bytes, 'bytes');
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Normalises a typed or scanned base32 key: drops spaces, dashes and trailing `=` padding, and
 * upper-cases it. Throws {@link InvalidSecretError} naming the first bad character's position
 * (never the key itself).
 */
export function normalizeBase32(text: string, field = 'secret'): string {
  // Only the type is named: a secret passed as a number must not be echoed.
  if (typeof text !== 'string')
    throw new InvalidSecretError(
      `"${field}" must be a base32 string, got ${describeValue(typeof text === 'object' ? text : typeof text)}`,
    );
  const compact = withoutPadding(text.replace(/[\s-]+/g, ''));
  if (compact.length === 0) throw new InvalidSecretError(`"${field}" must be a non-empty base32 key`);
  for (let i = 0; i < compact.length; i++) {
    const code = compact.charCodeAt(i);
    if (code >= 128 || LOOKUP[code] === -1) {
      throw new InvalidSecretError(
        `"${field}" must be base32 (letters A-Z and digits 2-7), the character at position ${i + 1} is not one of them`,
      );
    }
  }
  return compact.toUpperCase();
}

/** Decodes base32 (normalised as {@link normalizeBase32} does) to bytes. Leftover bits are ignored. */
export function fromBase32(text: string, field = 'secret'): Uint8Array {
  // Keys are usually stored already clean: decode directly, and normalise only when that fails.
  const out = (typeof text === 'string' ? decodeClean(text) : undefined) ?? decodeClean(normalizeBase32(text, field))!;
  if (out.length === 0)
    throw new InvalidSecretError(`"${field}" is too short: a base32 key needs at least 2 characters`);
  return out;
}

/** Decodes text made only of base32 letters and digits (either case); undefined for anything else or nothing. */
function decodeClean(text: string): Uint8Array | undefined {
  if (text.length === 0) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? LOOKUP[code]! : -1;
    if (value === -1) return undefined;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (buffer >>> (bits - 8)) & 255;
      bits -= 8;
    }
  }
  return out;
}

/**
 * `text` without its trailing `=` padding. A loop, not `/=+$/`: that regular expression retries
 * from every `=` of a long run and takes quadratic time (seconds for 100 000 characters).
 */
export function withoutPadding(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  return text.slice(0, end);
}
