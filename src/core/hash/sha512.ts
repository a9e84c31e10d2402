/**
 * SHA-512 (FIPS 180-4 §6.4) on 32-bit halves: JavaScript has no fast 64-bit integers (BigInt is far
 * slower), so every 64-bit word is a (high, low) pair of int32s, and additions carry by hand.
 * State, blocks and constants are laid out high word first, which is also the big-endian byte order.
 * Carries come from adding the low halves as unsigned numbers and dividing by 2^32, written as a
 * literal: a module-level constant of that size is slower to read in V8.
 */
import { sha2Constants } from './constants.js';
import type { HashFunction } from './hash.js';

const W = new Int32Array(160);

function compress(state: Int32Array, block: Int32Array): void {
  const K = sha2Constants().sha512K;
  for (let i = 0; i < 32; i++) W[i] = block[i]!;
  for (let i = 32; i < 160; i += 2) {
    // σ0(W[t-15]) = ROTR1 ^ ROTR8 ^ SHR7
    let xh = W[i - 30]!,
      xl = W[i - 29]!;
    const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
    const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
    // σ1(W[t-2]) = ROTR19 ^ ROTR61 ^ SHR6
    xh = W[i - 4]!;
    xl = W[i - 3]!;
    const s1h = ((xh >>> 19) | (xl << 13)) ^ ((xl >>> 29) | (xh << 3)) ^ (xh >>> 6);
    const s1l = ((xl >>> 19) | (xh << 13)) ^ ((xh >>> 29) | (xl << 3)) ^ ((xl >>> 6) | (xh << 26));
    const lo = (s1l >>> 0) + (W[i - 13]! >>> 0) + (s0l >>> 0) + (W[i - 31]! >>> 0);
    W[i] = s1h + W[i - 14]! + s0h + W[i - 32]! + ((lo / 0x1_0000_0000) | 0);
    W[i + 1] = lo;
  }
  let ah = state[0]!,
    al = state[1]!,
    bh = state[2]!,
    bl = state[3]!;
  let ch = state[4]!,
    cl = state[5]!,
    dh = state[6]!,
    dl = state[7]!;
  let eh = state[8]!,
    el = state[9]!,
    fh = state[10]!,
    fl = state[11]!;
  let gh = state[12]!,
    gl = state[13]!,
    hh = state[14]!,
    hl = state[15]!;
  for (let i = 0; i < 160; i += 2) {
    // Σ1(e) = ROTR14 ^ ROTR18 ^ ROTR41
    const S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
    const S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
    const chh = (eh & fh) ^ (~eh & gh);
    const chl = (el & fl) ^ (~el & gl);
    // T1 = h + Σ1(e) + Ch(e, f, g) + K[t] + W[t]
    const t1lo = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (K[i + 1]! >>> 0) + (W[i + 1]! >>> 0);
    const t1h = (hh + S1h + chh + K[i]! + W[i]! + ((t1lo / 0x1_0000_0000) | 0)) | 0;
    const t1l = t1lo | 0;
    // Σ0(a) = ROTR28 ^ ROTR34 ^ ROTR39, T2 = Σ0(a) + Maj(a, b, c)
    const S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
    const S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
    const majh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
    const majl = (al & bl) ^ (al & cl) ^ (bl & cl);
    hh = gh;
    hl = gl;
    gh = fh;
    gl = fl;
    fh = eh;
    fl = el;
    const elo = (dl >>> 0) + (t1l >>> 0);
    eh = (dh + t1h + ((elo / 0x1_0000_0000) | 0)) | 0;
    el = elo | 0;
    dh = ch;
    dl = cl;
    ch = bh;
    cl = bl;
    bh = ah;
    bl = al;
    const alo = (t1l >>> 0) + (S0l >>> 0) + (majl >>> 0);
    ah = (t1h + S0h + majh + ((alo / 0x1_0000_0000) | 0)) | 0;
    al = alo | 0;
  }
  add(state, 0, ah, al);
  add(state, 2, bh, bl);
  add(state, 4, ch, cl);
  add(state, 6, dh, dl);
  add(state, 8, eh, el);
  add(state, 10, fh, fl);
  add(state, 12, gh, gl);
  add(state, 14, hh, hl);
}

/** state[i..i+1] += (high, low), modulo 2^64. */
function add(state: Int32Array, i: number, high: number, low: number): void {
  const lo = (state[i + 1]! >>> 0) + (low >>> 0);
  state[i] = state[i]! + high + ((lo / 0x1_0000_0000) | 0);
  state[i + 1] = lo;
}

/** SHA-512: 128-byte blocks, 64-byte digest. */
export const sha512: HashFunction = {
  algorithm: 'SHA512',
  blockWords: 32,
  digestWords: 16,
  lengthBytes: 16,
  // FIPS 180-4 §5.3.5: the fractional parts of the square roots of the first 8 primes, 64 bits each.
  get iv() {
    return sha2Constants().sha512Iv;
  },
  compress,
};
