/**
 * SHA-256 (FIPS 180-4 §6.2), as a plain loop. SHA-1 is written out round by round for speed
 * (./sha1.ts), since it is what almost every authenticator uses; SHA-256 stays compact, because the
 * written-out form costs about 3 KB of every browser bundle for a hash few accounts use.
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
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
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
