// (1) code generation and (2) verification of a wrong code with window ±1: totp-lab against otpauth,
// otplib 13, speakeasy, a plain node:crypto createHmac loop and the same loop on @noble/hashes
// (pure JavaScript, as totp-lab's own hashes are), on the same secrets and times.
import { createHmac } from 'node:crypto';
import { hmac } from '@noble/hashes/hmac';
import { sha1 } from '@noble/hashes/legacy';
import { sha256, sha512 } from '@noble/hashes/sha2';
import { HOTP, Secret, TOTP } from 'otpauth';
import { generateSync, verifySync } from 'otplib';
import speakeasy from 'speakeasy';
import { generateCode, prepareSecret, toBase32, verifyCode } from '../dist/index.js';
import { compare } from './measure.mjs';

// The RFC 6238 Appendix B seeds (20, 32 and 64 bytes), as base32 text.
const ascii = (text) => new TextEncoder().encode(text);
const SECRETS = {
  SHA1: toBase32(ascii('12345678901234567890')),
  SHA256: toBase32(ascii('12345678901234567890123456789012')),
  SHA512: toBase32(ascii('1234567890123456789012345678901234567890123456789012345678901234')),
};
const T0 = 1_700_000_000_000;
/** The i-th time: a new 30 s step each call, so nothing can be served from a cache. */
const timeAt = (i) => T0 + (i % 1_000_000) * 30_000;
const secondsAt = (i) => Math.floor(timeAt(i) / 1000);
const WRONG = '000000';

const NOBLE = { SHA1: sha1, SHA256: sha256, SHA512: sha512 };

/** RFC 4226 §5.3: dynamic truncation of an HMAC to a 6-digit code. */
function truncate(mac) {
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** The subjects that make a 6-digit TOTP code for `algorithm` at time `timeAt(i)`. */
function generators(algorithm) {
  const base32 = SECRETS[algorithm];
  const prepared = prepareSecret(base32, { algorithm });
  const otpauthSecret = Secret.fromBase32(base32);
  const raw = Buffer.from(otpauthSecret.bytes);
  const lower = algorithm.toLowerCase();
  const counter = Buffer.alloc(8);
  // Plain Uint8Arrays for @noble/hashes, as its own callers pass them (views of the same bytes).
  const key = new Uint8Array(raw);
  const counterBytes = new Uint8Array(counter.buffer, counter.byteOffset, 8);
  return {
    'totp-lab generateCode (base32)': (i) => generateCode(base32, { algorithm, time: timeAt(i) }),
    'totp-lab generateCode (prepared)': (i) => generateCode(prepared, { time: timeAt(i) }),
    'otpauth TOTP.generate': (i) => TOTP.generate({ secret: otpauthSecret, algorithm, timestamp: timeAt(i) }),
    'otplib generateSync': (i) => generateSync({ secret: base32, algorithm: lower, epoch: secondsAt(i) }),
    'speakeasy totp': (i) =>
      speakeasy.totp({ secret: base32, encoding: 'base32', algorithm: lower, time: secondsAt(i) }),
    'node:crypto createHmac': (i) => {
      counter.writeBigUInt64BE(BigInt(Math.floor(secondsAt(i) / 30)));
      return truncate(createHmac(lower, raw).update(counter).digest());
    },
    '@noble/hashes hmac': (i) => {
      counter.writeBigUInt64BE(BigInt(Math.floor(secondsAt(i) / 30)));
      const mac = hmac(NOBLE[algorithm], key, counterBytes);
      return truncate(Buffer.from(mac.buffer, mac.byteOffset, mac.length));
    },
  };
}

/** The subjects that check a wrong 6-digit SHA-1 code with one step either side (3 HMACs each). */
function verifiers() {
  const base32 = SECRETS.SHA1;
  const prepared = prepareSecret(base32);
  const otpauthSecret = Secret.fromBase32(base32);
  return {
    'totp-lab verifyCode (base32)': (i) => verifyCode(base32, WRONG, { time: timeAt(i) }),
    'totp-lab verifyCode (prepared)': (i) => verifyCode(prepared, WRONG, { time: timeAt(i) }),
    'otpauth TOTP.validate': (i) =>
      TOTP.validate({ token: WRONG, secret: otpauthSecret, timestamp: timeAt(i), window: 1 }),
    'otplib verifySync': (i) => verifySync({ secret: base32, token: WRONG, epoch: secondsAt(i), epochTolerance: 30 }),
    'speakeasy totp.verify': (i) =>
      speakeasy.totp.verify({ secret: base32, encoding: 'base32', token: WRONG, time: secondsAt(i), window: 1 }),
  };
}

/** Before timing anything: every subject must give the same code for the same input. */
function checkAgreement(algorithm, subjects) {
  for (const i of [0, 1, 12_345]) {
    const expected = HOTP.generate({
      secret: Secret.fromBase32(SECRETS[algorithm]),
      algorithm,
      counter: Math.floor(secondsAt(i) / 30),
    });
    for (const [name, fn] of Object.entries(subjects)) {
      const got = fn(i);
      if (got !== expected)
        throw new Error(
          `${name} (${algorithm}) gave ${got}, expected ${expected}: the subjects do not compute the same thing`,
        );
    }
  }
}

/** Rows { section, case, subject, ops } for generation and verification. */
export function benchCodes(options) {
  const rows = [];
  for (const algorithm of ['SHA1', 'SHA256', 'SHA512']) {
    const subjects = generators(algorithm);
    checkAgreement(algorithm, subjects);
    for (const [subject, ops] of Object.entries(compare(subjects, options))) {
      rows.push({ section: 'generate', case: `generate ${algorithm}`, subject, ops });
    }
  }
  const subjects = verifiers();
  for (const fn of Object.values(subjects)) {
    const result = fn(0);
    if (result === true || result?.valid === true || typeof result === 'number')
      throw new Error('the wrong code was accepted; pick another');
  }
  for (const [subject, ops] of Object.entries(compare(subjects, options))) {
    rows.push({ section: 'verify', case: 'verify SHA1 ±1, wrong code', subject, ops });
  }
  return rows;
}
