/**
 * SHA-256 (FIPS 180-4 §6.2), as a loop over passes of eight rounds. SHA-1 is written out round by
 * round for speed (./sha1.ts), since it is what almost every authenticator uses; all 64 rounds of
 * SHA-256 written out would cost about 3 KB of every browser bundle for a hash few accounts use,
 * passes of eight cost about 0.4 KB (min+gzip) more than one round per pass.
 */
import { sha2Constants } from './constants.js';
import type { HashFunction } from './hash.js';

// The message schedule, reused: hashing never calls out while it is in use.
const W = new Int32Array(64);

function compress(state: Int32Array, block: Int32Array): void {
  const K = sha2Constants().sha256K;
  for (let t = 0; t < 16; t++) W[t] = block[t]!;
  for (let t = 16; t < 64; t++) {
    const x = W[t - 15]!;
    const y = W[t - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
  }
  let a = state[0]!,
    b = state[1]!,
    c = state[2]!,
    d = state[3]!,
    e = state[4]!,
    f = state[5]!,
    g = state[6]!,
    h = state[7]!;
  // Eight rounds per pass. A round changes only two words, the new e (d + T1) and the new a
  // (T1 + T2); the other six just move one place along. Writing the new values over the old d and h
  // and renaming the roles in the next round, instead of moving all eight, puts every variable back
  // in its role after eight rounds. About 1.2× faster in V8 than a pass per round.
  // Each round: h += Σ1(e) + Ch(e, f, g) + K[t] + W[t] (T1); d += T1; h += Σ0(a) + Maj(a, b, c).
  // Σ0, Σ1, Ch and Maj are written inline: as 32 calls, V8 did not inline them all and the rounds
  // ran 1.8× slower.
  for (let t = 0; t < 64; t += 8) {
    h += ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    h = (h + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
    d = (d + h) | 0;
    h += ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    h = (h + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    g += ((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7));
    g = (g + ((d & e) ^ (~d & f)) + K[t + 1]! + W[t + 1]!) | 0;
    c = (c + g) | 0;
    g += ((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10));
    g = (g + ((h & a) ^ (h & b) ^ (a & b))) | 0;
    f += ((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7));
    f = (f + ((c & d) ^ (~c & e)) + K[t + 2]! + W[t + 2]!) | 0;
    b = (b + f) | 0;
    f += ((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10));
    f = (f + ((g & h) ^ (g & a) ^ (h & a))) | 0;
    e += ((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7));
    e = (e + ((b & c) ^ (~b & d)) + K[t + 3]! + W[t + 3]!) | 0;
    a = (a + e) | 0;
    e += ((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10));
    e = (e + ((f & g) ^ (f & h) ^ (g & h))) | 0;
    d += ((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7));
    d = (d + ((a & b) ^ (~a & c)) + K[t + 4]! + W[t + 4]!) | 0;
    h = (h + d) | 0;
    d += ((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10));
    d = (d + ((e & f) ^ (e & g) ^ (f & g))) | 0;
    c += ((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7));
    c = (c + ((h & a) ^ (~h & b)) + K[t + 5]! + W[t + 5]!) | 0;
    g = (g + c) | 0;
    c += ((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10));
    c = (c + ((d & e) ^ (d & f) ^ (e & f))) | 0;
    b += ((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7));
    b = (b + ((g & h) ^ (~g & a)) + K[t + 6]! + W[t + 6]!) | 0;
    f = (f + b) | 0;
    b += ((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10));
    b = (b + ((c & d) ^ (c & e) ^ (d & e))) | 0;
    a += ((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7));
    a = (a + ((f & g) ^ (~f & h)) + K[t + 7]! + W[t + 7]!) | 0;
    e = (e + a) | 0;
    a += ((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10));
    a = (a + ((b & c) ^ (b & d) ^ (c & d))) | 0;
  }
  state[0] = state[0]! + a;
  state[1] = state[1]! + b;
  state[2] = state[2]! + c;
  state[3] = state[3]! + d;
  state[4] = state[4]! + e;
  state[5] = state[5]! + f;
  state[6] = state[6]! + g;
  state[7] = state[7]! + h;
}

/** SHA-256: 64-byte blocks, 32-byte digest. */
export const sha256: HashFunction = {
  algorithm: 'SHA256',
  blockWords: 16,
  digestWords: 8,
  lengthBytes: 8,
  // FIPS 180-4 §5.3.3: the fractional parts of the square roots of the first 8 primes.
  get iv() {
    return sha2Constants().sha256Iv;
  },
  compress,
};
