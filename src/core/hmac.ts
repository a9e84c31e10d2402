/**
 * HMAC (RFC 2104) over the SHA hashes in ./hash/, and the HOTP value built on it (RFC 4226 §5.3).
 * Pure TypeScript, so it runs the same in Node and browsers, and fast: a key's inner and outer
 * states are computed once (RFC 2104 §4), and an HOTP counter fits in one block, so each code
 * costs two compressions. The one exception is SHA-512 on a runtime with its own SHA-512
 * (./native-hmac.ts), where JavaScript's 64-bit arithmetic on 32-bit halves is the slower way.
 */
import { absorb, wordsToBytes, type HashFunction } from './hash/hash.js';
import { nativeSha512 } from './hash/native-sha512.js';
import { sha1 } from './hash/sha1.js';
import { sha256 } from './hash/sha256.js';
import { sha512 } from './hash/sha512.js';
import { NativeHmacKey } from './native-hmac.js';
import type { Algorithm, Digits } from './options.js';

/** The hash behind each algorithm name. */
export const HASHES: Readonly<Record<Algorithm, HashFunction>> = { SHA1: sha1, SHA256: sha256, SHA512: sha512 };

const IPAD = 0x36363636;
const OPAD = 0x5c5c5c5c;
// Scratch words, reused by every call; nothing here calls out while they are in use.
const block = new Int32Array(32);
const state = new Int32Array(16);
const result = new Int32Array(16);

/**
 * A key ready for HMAC: the hash states after the first block, K0 ⊕ ipad and K0 ⊕ opad (RFC 2104 §4
 * "Implementation note"). They stand in for the key, so treat them as secret.
 */
export class HmacKey {
  readonly hash: HashFunction;
  /** The inner state, then the outer one: one array, since a server may hold one key per account. */
  readonly states: Int32Array;

  constructor(hash: HashFunction, key: Uint8Array) {
    this.hash = hash;
    this.states = new Int32Array(2 * hash.digestWords);
    this.setKey(key);
  }

  /** Replaces the key, reusing this object's array. */
  setKey(key: Uint8Array): this {
    const { hash, states } = this;
    const { blockWords, digestWords: n } = hash;
    // RFC 2104 §2: a key longer than the block is hashed first; shorter keys are padded with zeros.
    const k0 = key.length > blockWords * 4 ? wordsToBytes(digestWords(hash, key), n) : key;
    const length = k0.length;
    for (let w = 0, i = 0; w < blockWords; w++, i += 4) {
      let word = 0;
      if (i + 4 <= length) word = (k0[i]! << 24) | (k0[i + 1]! << 16) | (k0[i + 2]! << 8) | k0[i + 3]!;
      else for (let j = i; j < length; j++) word |= k0[j]! << (24 - 8 * (j - i));
      block[w] = word ^ IPAD;
    }
    state.set(hash.iv);
    hash.compress(state, block);
    for (let w = 0; w < n; w++) states[w] = state[w]!;
    for (let w = 0; w < blockWords; w++) block[w]! ^= IPAD ^ OPAD;
    state.set(hash.iv);
    hash.compress(state, block);
    for (let w = 0; w < n; w++) states[n + w] = state[w]!;
    block.fill(0, 0, blockWords);
    return this;
  }
}

/** A key the HOTP functions below take: JavaScript states, or a plain SHA-512 key for native calls. */
export type CounterKey = HmacKey | NativeHmacKey;

/**
 * A key that lives on, as a prepared secret holds it: HMAC states in JavaScript, or for SHA-512 on a
 * runtime with its own SHA-512, the padded key for two native calls per code (./native-hmac.ts).
 */
export function counterKey(hash: HashFunction, key: Uint8Array): CounterKey {
  const native = hash.algorithm === 'SHA512' ? nativeSha512() : undefined;
  return native === undefined ? new HmacKey(hash, key) : new NativeHmacKey(native).setKey(key);
}

// One reusable key per hash for one-off uses, so a plain secret costs no allocation here.
const transient = new Map<HashFunction, CounterKey>();

/**
 * A key for immediate use only: the same object is handed out again by the next call for the same
 * hash, so it must not be kept. Use {@link counterKey} for a key that lives on.
 */
export function transientKey(hash: HashFunction, key: Uint8Array): CounterKey {
  const reused = transient.get(hash);
  if (reused !== undefined) return reused.setKey(key);
  const created = counterKey(hash, key);
  transient.set(hash, created);
  return created;
}

function digestWords(hash: HashFunction, message: Uint8Array): Int32Array {
  const words = hash.iv.slice();
  absorb(hash, words, message, 0);
  return words;
}

/** HMAC(key, message) for any message, through the same precomputed states as the fast path. */
export function hmac(key: HmacKey, message: Uint8Array): Uint8Array {
  const { hash, states } = key;
  for (let w = 0; w < hash.digestWords; w++) state[w] = states[w]!;
  absorb(hash, state, message, hash.blockWords * 4);
  finish(key);
  return wordsToBytes(result, hash.digestWords);
}

/**
 * HMAC of the 8-byte big-endian counter (RFC 4226 §5.2) as digest words. The message and its
 * padding fit in one block, built directly as words. The returned array is scratch space: read it
 * before the next call.
 */
export function hmacCounter(key: CounterKey, counter: number): Int32Array {
  if (key instanceof NativeHmacKey) return key.counterWords(counter);
  const { hash } = key;
  const last = hash.blockWords - 1;
  block.fill(0, 3, last);
  block[0] = Math.floor(counter / 0x1_0000_0000);
  block[1] = counter;
  block[2] = 0x80000000;
  block[last] = (hash.blockWords * 4 + 8) * 8;
  const { states } = key;
  for (let w = 0; w < hash.digestWords; w++) state[w] = states[w]!;
  hash.compress(state, block);
  finish(key);
  return result;
}

/** The outer hash: H(K0 ⊕ opad ‖ inner digest), from the inner digest in `state` into `result`. */
function finish(key: HmacKey): void {
  const { hash } = key;
  const n = hash.digestWords;
  const last = hash.blockWords - 1;
  for (let w = 0; w < n; w++) block[w] = state[w]!;
  block[n] = 0x80000000;
  block.fill(0, n + 1, last);
  block[last] = (hash.blockWords * 4 + n * 4) * 8;
  const { states } = key;
  for (let w = 0; w < n; w++) result[w] = states[n + w]!;
  hash.compress(result, block);
}

const MODULUS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/**
 * The HOTP value for `counter` as a number below 10^digits (RFC 4226 §5.3): HMAC, dynamic
 * truncation to 31 bits, modulo 10^digits. Format it with {@link formatCode}.
 */
export function hotpValue(key: CounterKey, counter: number, digits: Digits): number {
  return truncatedValue(key, counter) % MODULUS[digits]!;
}

/** RFC 4226 §5.3 without the modulo: HMAC of the counter, dynamic truncation to 31 bits (Steam codes start here). */
export function truncatedValue(key: CounterKey, counter: number): number {
  const words = hmacCounter(key, counter);
  const n = key.hash.digestWords;
  // The low 4 bits of the last byte pick where the 4 bytes start (0 to 15).
  const offset = words[n - 1]! & 0xf;
  const w = offset >> 2;
  const shift = (offset & 3) * 8;
  const bytes = shift === 0 ? words[w]! : (words[w]! << shift) | (words[w + 1]! >>> (32 - shift));
  return bytes & 0x7fffffff;
}

/** An HOTP value as the zero-padded string people type. */
export function formatCode(value: number, digits: Digits): string {
  return String(value).padStart(digits, '0');
}

/** RFC 4226 §5.3: HMAC, dynamic truncation, modulo 10^digits, zero-padded. */
export function hotpCode(key: Uint8Array, counter: number, algorithm: Algorithm, digits: Digits): string {
  return formatCode(hotpValue(transientKey(HASHES[algorithm], key), counter, digits), digits);
}
