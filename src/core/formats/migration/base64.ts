/**
 * Base64 (RFC 4648 §4) for migration payloads, by hand so core needs neither Buffer nor atob.
 * Decoding forgives what exporters and the tools in between really do: missing `=` padding,
 * spaces where a form decoder turned `+` into ` `, line breaks, and the URL-safe alphabet
 * (`-` and `_`, RFC 4648 §5). Anything else is refused with a message naming the position.
 */
import { withoutPadding } from '../../base32.js';
import { InvalidMigrationError } from '../../errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;
LOOKUP['-'.charCodeAt(0)] = 62;
LOOKUP['_'.charCodeAt(0)] = 63;
// A form decoder turns '+' into ' ': read a space as the '+' it was.
LOOKUP[' '.charCodeAt(0)] = 62;

/** Encodes bytes as standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!;
    out += c === undefined ? '=' : ALPHABET[n & 63]!;
  }
  return out;
}

/**
 * Decodes base64 leniently (see the module comment).
 * @param what names the text in an error (`"migration data"`)
 * @throws {InvalidMigrationError} for a character outside the alphabet or an impossible length
 */
export function fromBase64(text: string, what = 'migration data'): Uint8Array {
  const clean = withoutPadding(text.replace(/[\r\n\t]+/g, ''));
  if (clean.length % 4 === 1) {
    throw new InvalidMigrationError(
      `${what} is not valid base64: ${clean.length} characters cannot encode whole bytes`,
    );
  }
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const value = code < 128 ? LOOKUP[code]! : -1;
    if (value < 0) {
      throw new InvalidMigrationError(`${what} is not valid base64: unexpected character at position ${i + 1}`);
    }
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
