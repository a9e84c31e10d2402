/**
 * The HMAC behind every code. It goes through otpauth's HOTP, which uses node:crypto in Node and
 * audited pure-JS hashes (noble) in browsers.
 */
import { HOTP, Secret } from 'otpauth';
import type { Algorithm, Digits } from './options.js';

/** RFC 4226 §5.3: HMAC, dynamic truncation, modulo 10^digits, zero-padded. */
export function hotpCode(key: Uint8Array, counter: number, algorithm: Algorithm, digits: Digits): string {
  return HOTP.generate({ secret: new Secret({ buffer: key.slice().buffer }), algorithm, digits, counter });
}
