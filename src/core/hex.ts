/**
 * Bytes as hex text and back. Tokens, salts, hashes and vault fields are written this way; a
 * session token and its hash are Store keys, hashed on every lookup, so hex is written as one flat
 * string rather than joined from a piece per byte.
 */

const DIGITS = '0123456789abcdef';

// The ASCII codes of the two lower-case hex digits of each byte value.
const PAIRS = new Uint8Array(512);
for (let byte = 0; byte < 256; byte++) {
  PAIRS[2 * byte] = DIGITS.charCodeAt(byte >> 4);
  PAIRS[2 * byte + 1] = DIGITS.charCodeAt(byte & 15);
}
const latin1 = new TextDecoder('latin1');

/** `bytes` as lower-case hex. */
export function toHex(bytes: Uint8Array): string {
  const out = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    out[2 * i] = PAIRS[2 * bytes[i]!]!;
    out[2 * i + 1] = PAIRS[2 * bytes[i]! + 1]!;
  }
  return latin1.decode(out);
}

// The value of each hex digit by its character code: 0–15 for lower case, 16–31 for upper case
// (the value plus 16, so lower-case-only reading can refuse them), -1 for every other code below 128.
const VALUES = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 16; digit++) VALUES[DIGITS.charCodeAt(digit)] = digit;
for (let digit = 10; digit < 16; digit++) VALUES[DIGITS.toUpperCase().charCodeAt(digit)] = digit + 16;

/**
 * The bytes of hex text, or null when it is not an even number of hex digits (of either case, or
 * with `lowerCaseOnly` of lower case only). One pass: it checks and decodes together.
 */
export function fromHex(text: string, lowerCaseOnly = false): Uint8Array | null {
  if (text.length % 2 !== 0) return null;
  const highest = lowerCaseOnly ? 15 : 31;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) {
    const high = VALUES[text.charCodeAt(2 * i)] ?? -1;
    const low = VALUES[text.charCodeAt(2 * i + 1)] ?? -1;
    if (high < 0 || low < 0 || high > highest || low > highest) return null;
    out[i] = ((high & 15) << 4) | (low & 15);
  }
  return out;
}
