/**
 * The SHA-family hashes (FIPS 180-4) as HMAC needs them: a compression function over big-endian
 * 32-bit words, plus the padding that turns a byte message into blocks. Working on words lets the
 * HOTP path build its one-block messages directly, with no byte conversions.
 */
import type { Algorithm } from '../options.js';

/** A Merkle–Damgård hash, seen through its compression function. */
export interface HashFunction {
  readonly algorithm: Algorithm;
  /** Block size in 32-bit words: 16 (64 bytes) or 32 (128 bytes). */
  readonly blockWords: number;
  /** Digest size in 32-bit words: 5, 8 or 16. It is also the size of the chaining state. */
  readonly digestWords: number;
  /** Size of the message-length field that ends the padding: 8 or 16 bytes (FIPS 180-4 §5.1). */
  readonly lengthBytes: number;
  /** The initial hash value H(0) (FIPS 180-4 §5.3). */
  readonly iv: Int32Array;
  /** Mixes one block of `blockWords` big-endian words into `state` (FIPS 180-4 §6). */
  compress(state: Int32Array, block: Int32Array): void;
}

// One scratch block, big enough for every hash. Hashing never calls out while it is in use.
const block = new Int32Array(32);

/**
 * Hashes `message` onward from `state`, which has already absorbed `prefixBytes` bytes (a whole
 * number of blocks), and applies the final padding (FIPS 180-4 §5.1). The digest is left in `state`.
 */
export function absorb(hash: HashFunction, state: Int32Array, message: Uint8Array, prefixBytes: number): void {
  const { blockWords } = hash;
  const blockBytes = blockWords * 4;
  const total = message.length;
  let offset = 0;
  for (; offset + blockBytes <= total; offset += blockBytes) {
    for (let w = 0, i = offset; w < blockWords; w++, i += 4) {
      block[w] = (message[i]! << 24) | (message[i + 1]! << 16) | (message[i + 2]! << 8) | message[i + 3]!;
    }
    hash.compress(state, block);
  }
  block.fill(0, 0, blockWords);
  const rest = total - offset;
  for (let i = 0; i < rest; i++) block[i >> 2]! |= message[offset + i]! << (24 - 8 * (i & 3));
  // Padding: a single 1 bit, zeros, then the message length in bits in the last bytes of a block.
  block[rest >> 2]! |= 0x80 << (24 - 8 * (rest & 3));
  if (rest + 1 > blockBytes - hash.lengthBytes) {
    hash.compress(state, block);
    block.fill(0, 0, blockWords);
  }
  const bits = (prefixBytes + total) * 8;
  block[blockWords - 2] = Math.floor(bits / 0x1_0000_0000);
  block[blockWords - 1] = bits;
  hash.compress(state, block);
}

/** The hash of `message`, as bytes. */
export function digest(hash: HashFunction, message: Uint8Array): Uint8Array {
  const state = hash.iv.slice();
  absorb(hash, state, message, 0);
  return wordsToBytes(state, hash.digestWords);
}

/** The first `count` words of `words` as big-endian bytes. */
export function wordsToBytes(words: Int32Array, count: number): Uint8Array {
  const out = new Uint8Array(count * 4);
  for (let w = 0; w < count; w++) {
    const v = words[w]!;
    out[w * 4] = v >>> 24;
    out[w * 4 + 1] = v >>> 16;
    out[w * 4 + 2] = v >>> 8;
    out[w * 4 + 3] = v;
  }
  return out;
}
