/**
 * SHA-512 (FIPS 180-4 §6.4) on 32-bit halves: JavaScript has no fast 64-bit integers (BigInt is far
 * slower, and rounds written with BigInt.asUintN(64, …), which V8 can compile to machine words,
 * crashed Node 20's optimising compiler), so every 64-bit word is a (high, low) pair of int32s, and
 * additions carry by hand.
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
  // Eight rounds per pass, renaming the roles instead of moving the words along, as in ./sha256.ts.
  // Each round, on (high, low) halves:
  //   T1 = h + Σ1(e) + Ch(e, f, g) + K[t] + W[t]; d += T1; h = T1 + Σ0(a) + Maj(a, b, c).
  // T1 is kept unreduced, its low halves summed as unsigned numbers (below 2^35, exact) and its
  // high halves as plain integers, so both of its uses need one carry each instead of T1 needing
  // its own. Σ0, Σ1, Ch and Maj are written inline, as in ./sha256.ts.
  let S1h: number, S1l: number, S0h: number, S0l: number, t1h: number, t1l: number, lo: number;
  for (let i = 0; i < 160; i += 16) {
    S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
    S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
    t1l = (hl >>> 0) + (K[i + 1]! >>> 0) + (W[i + 1]! >>> 0) + (((el & fl) ^ (~el & gl)) >>> 0) + (S1l >>> 0);
    t1h = hh + K[i]! + W[i]! + ((eh & fh) ^ (~eh & gh)) + S1h;
    lo = (dl >>> 0) + t1l;
    dh = (dh + t1h + ((lo / 0x1_0000_0000) | 0)) | 0;
    dl = lo | 0;
    S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
    S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
    lo = t1l + (((al & bl) ^ (al & cl) ^ (bl & cl)) >>> 0) + (S0l >>> 0);
    hh = (t1h + ((ah & bh) ^ (ah & ch) ^ (bh & ch)) + S0h + ((lo / 0x1_0000_0000) | 0)) | 0;
    hl = lo | 0;
    S1h = ((dh >>> 14) | (dl << 18)) ^ ((dh >>> 18) | (dl << 14)) ^ ((dl >>> 9) | (dh << 23));
    S1l = ((dl >>> 14) | (dh << 18)) ^ ((dl >>> 18) | (dh << 14)) ^ ((dh >>> 9) | (dl << 23));
    t1l = (gl >>> 0) + (K[i + 3]! >>> 0) + (W[i + 3]! >>> 0) + (((dl & el) ^ (~dl & fl)) >>> 0) + (S1l >>> 0);
    t1h = gh + K[i + 2]! + W[i + 2]! + ((dh & eh) ^ (~dh & fh)) + S1h;
    lo = (cl >>> 0) + t1l;
    ch = (ch + t1h + ((lo / 0x1_0000_0000) | 0)) | 0;
    cl = lo | 0;
    S0h = ((hh >>> 28) | (hl << 4)) ^ ((hl >>> 2) | (hh << 30)) ^ ((hl >>> 7) | (hh << 25));
    S0l = ((hl >>> 28) | (hh << 4)) ^ ((hh >>> 2) | (hl << 30)) ^ ((hh >>> 7) | (hl << 25));
    lo = t1l + (((hl & al) ^ (hl & bl) ^ (al & bl)) >>> 0) + (S0l >>> 0);
    gh = (t1h + ((hh & ah) ^ (hh & bh) ^ (ah & bh)) + S0h + ((lo / 0x1_0000_0000) | 0)) | 0;
    gl = lo | 0;
    S1h = ((ch >>> 14) | (cl << 18)) ^ ((ch >>> 18) | (cl << 14)) ^ ((cl >>> 9) | (ch << 23));
    S1l = ((cl >>> 14) | (ch << 18)) ^ ((cl >>> 18) | (ch << 14)) ^ ((ch >>> 9) | (cl << 23));
    t1l = (fl >>> 0) + (K[i + 5]! >>> 0) + (W[i + 5]! >>> 0) + (((cl & dl) ^ (~cl & el)) >>> 0) + (S1l >>> 0);
    t1h = fh + K[i + 4]! + W[i + 4]! + ((ch & dh) ^ (~ch & eh)) + S1h;
    lo = (bl >>> 0) + t1l;
    bh = (bh + t1h + ((lo / 0x1_0000_0000) | 0)) | 0;
    bl = lo | 0;
    S0h = ((gh >>> 28) | (gl << 4)) ^ ((gl >>> 2) | (gh << 30)) ^ ((gl >>> 7) | (gh << 25));
    S0l = ((gl >>> 28) | (gh << 4)) ^ ((gh >>> 2) | (gl << 30)) ^ ((gh >>> 7) | (gl << 25));
    lo = t1l + (((gl & hl) ^ (gl & al) ^ (hl & al)) >>> 0) + (S0l >>> 0);
    fh = (t1h + ((gh & hh) ^ (gh & ah) ^ (hh & ah)) + S0h + ((lo / 0x1_0000_0000) | 0)) | 0;
    fl = lo | 0;
    S1h = ((bh >>> 14) | (bl << 18)) ^ ((bh >>> 18) | (bl << 14)) ^ ((bl >>> 9) | (bh << 23));
    S1l = ((bl >>> 14) | (bh << 18)) ^ ((bl >>> 18) | (bh << 14)) ^ ((bh >>> 9) | (bl << 23));
    t1l = (el >>> 0) + (K[i + 7]! >>> 0) + (W[i + 7]! >>> 0) + (((bl & cl) ^ (~bl & dl)) >>> 0) + (S1l >>> 0);
    t1h = eh + K[i + 6]! + W[i + 6]! + ((bh & ch) ^ (~bh & dh)) + S1h;
    lo = (al >>> 0) + t1l;
    ah = (ah + t1h + ((lo / 0x1_0000_0000) | 0)) | 0;
    al = lo | 0;
    S0h = ((fh >>> 28) | (fl << 4)) ^ ((fl >>> 2) | (fh << 30)) ^ ((fl >>> 7) | (fh << 25));
    S0l = ((fl >>> 28) | (fh << 4)) ^ ((fh >>> 2) | (fl << 30)) ^ ((fh >>> 7) | (fl << 25));
    lo = t1l + (((fl & gl) ^ (fl & hl) ^ (gl & hl)) >>> 0) + (S0l >>> 0);
    eh = (t1h + ((fh & gh) ^ (fh & hh) ^ (gh & hh)) + S0h + ((lo / 0x1_0000_0000) | 0)) | 0;
    el = lo | 0;
    S1h = ((ah >>> 14) | (al << 18)) ^ ((ah >>> 18) | (al << 14)) ^ ((al >>> 9) | (ah << 23));
    S1l = ((al >>> 14) | (ah << 18)) ^ ((al >>> 18) | (ah << 14)) ^ ((ah >>> 9) | (al << 23));
    t1l = (dl >>> 0) + (K[i + 9]! >>> 0) + (W[i + 9]! >>> 0) + (((al & bl) ^ (~al & cl)) >>> 0) + (S1l >>> 0);
    t1h = dh + K[i + 8]! + W[i + 8]! + ((ah & bh) ^ (~ah & ch)) + S1h;
    lo = (hl >>> 0) + t1l;
    hh = (hh + t1h + ((lo / 0x1_0000_0000) | 0)) | 0;
    hl = lo | 0;
    S0h = ((eh >>> 28) | (el << 4)) ^ ((el >>> 2) | (eh << 30)) ^ ((el >>> 7) | (eh << 25));
    S0l = ((el >>> 28) | (eh << 4)) ^ ((eh >>> 2) | (el << 30)) ^ ((eh >>> 7) | (el << 25));
    lo = t1l + (((el & fl) ^ (el & gl) ^ (fl & gl)) >>> 0) + (S0l >>> 0);
    dh = (t1h + ((eh & fh) ^ (eh & gh) ^ (fh & gh)) + S0h + ((lo / 0x1_0000_0000) | 0)) | 0;
    dl = lo | 0;
    S1h = ((hh >>> 14) | (hl << 18)) ^ ((hh >>> 18) | (hl << 14)) ^ ((hl >>> 9) | (hh << 23));
    S1l = ((hl >>> 14) | (hh << 18)) ^ ((hl >>> 18) | (hh << 14)) ^ ((hh >>> 9) | (hl << 23));
    t1l = (cl >>> 0) + (K[i + 11]! >>> 0) + (W[i + 11]! >>> 0) + (((hl & al) ^ (~hl & bl)) >>> 0) + (S1l >>> 0);
    t1h = ch + K[i + 10]! + W[i + 10]! + ((hh & ah) ^ (~hh & bh)) + S1h;
    lo = (gl >>> 0) + t1l;
    gh = (gh + t1h + ((lo / 0x1_0000_0000) | 0)) | 0;
    gl = lo | 0;
    S0h = ((dh >>> 28) | (dl << 4)) ^ ((dl >>> 2) | (dh << 30)) ^ ((dl >>> 7) | (dh << 25));
    S0l = ((dl >>> 28) | (dh << 4)) ^ ((dh >>> 2) | (dl << 30)) ^ ((dh >>> 7) | (dl << 25));
    lo = t1l + (((dl & el) ^ (dl & fl) ^ (el & fl)) >>> 0) + (S0l >>> 0);
    ch = (t1h + ((dh & eh) ^ (dh & fh) ^ (eh & fh)) + S0h + ((lo / 0x1_0000_0000) | 0)) | 0;
    cl = lo | 0;
    S1h = ((gh >>> 14) | (gl << 18)) ^ ((gh >>> 18) | (gl << 14)) ^ ((gl >>> 9) | (gh << 23));
    S1l = ((gl >>> 14) | (gh << 18)) ^ ((gl >>> 18) | (gh << 14)) ^ ((gh >>> 9) | (gl << 23));
    t1l = (bl >>> 0) + (K[i + 13]! >>> 0) + (W[i + 13]! >>> 0) + (((gl & hl) ^ (~gl & al)) >>> 0) + (S1l >>> 0);
    t1h = bh + K[i + 12]! + W[i + 12]! + ((gh & hh) ^ (~gh & ah)) + S1h;
    lo = (fl >>> 0) + t1l;
    fh = (fh + t1h + ((lo / 0x1_0000_0000) | 0)) | 0;
    fl = lo | 0;
    S0h = ((ch >>> 28) | (cl << 4)) ^ ((cl >>> 2) | (ch << 30)) ^ ((cl >>> 7) | (ch << 25));
    S0l = ((cl >>> 28) | (ch << 4)) ^ ((ch >>> 2) | (cl << 30)) ^ ((ch >>> 7) | (cl << 25));
    lo = t1l + (((cl & dl) ^ (cl & el) ^ (dl & el)) >>> 0) + (S0l >>> 0);
    bh = (t1h + ((ch & dh) ^ (ch & eh) ^ (dh & eh)) + S0h + ((lo / 0x1_0000_0000) | 0)) | 0;
    bl = lo | 0;
    S1h = ((fh >>> 14) | (fl << 18)) ^ ((fh >>> 18) | (fl << 14)) ^ ((fl >>> 9) | (fh << 23));
    S1l = ((fl >>> 14) | (fh << 18)) ^ ((fl >>> 18) | (fh << 14)) ^ ((fh >>> 9) | (fl << 23));
    t1l = (al >>> 0) + (K[i + 15]! >>> 0) + (W[i + 15]! >>> 0) + (((fl & gl) ^ (~fl & hl)) >>> 0) + (S1l >>> 0);
    t1h = ah + K[i + 14]! + W[i + 14]! + ((fh & gh) ^ (~fh & hh)) + S1h;
    lo = (el >>> 0) + t1l;
    eh = (eh + t1h + ((lo / 0x1_0000_0000) | 0)) | 0;
    el = lo | 0;
    S0h = ((bh >>> 28) | (bl << 4)) ^ ((bl >>> 2) | (bh << 30)) ^ ((bl >>> 7) | (bh << 25));
    S0l = ((bl >>> 28) | (bh << 4)) ^ ((bh >>> 2) | (bl << 30)) ^ ((bh >>> 7) | (bl << 25));
    lo = t1l + (((bl & cl) ^ (bl & dl) ^ (cl & dl)) >>> 0) + (S0l >>> 0);
    ah = (t1h + ((bh & ch) ^ (bh & dh) ^ (ch & dh)) + S0h + ((lo / 0x1_0000_0000) | 0)) | 0;
    al = lo | 0;
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
