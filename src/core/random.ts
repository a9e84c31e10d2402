/**
 * Randomness. Every random choice goes through a {@link RandomSource}; the default is the platform's
 * CSPRNG (`globalThis.crypto.getRandomValues`), in Node 20+ and in browsers alike.
 */
import { InvalidArgumentError, describeValue } from './errors.js';
import { checkBytes, checkRandomSource } from './input.js';

/** Fills a byte array with random bytes, as `crypto.getRandomValues` does. */
export interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/** The platform's cryptographically secure random number generator. */
export const cryptoRandom: RandomSource = Object.freeze({
  getRandomValues<T extends Uint8Array>(array: T): T {
    checkBytes(array, 'array');
    const crypto = globalThis.crypto;
    if (!crypto?.getRandomValues) {
      throw new InvalidArgumentError('no CSPRNG: globalThis.crypto.getRandomValues is missing in this runtime');
    }
    if (array.length <= POOLED_MAX_BYTES) return fromPool(crypto, array);
    // getRandomValues fills at most 65 536 bytes a call.
    for (let offset = 0; offset < array.length; offset += 65_536) {
      crypto.getRandomValues(array.subarray(offset, Math.min(array.length, offset + 65_536)));
    }
    return array;
  },
});

// A call to the platform CSPRNG costs several microseconds however few bytes it gives (in Node,
// about a third of a bare HTTP request), and a login check asks for 32. Small requests are served
// from a pool the CSPRNG fills 4 KiB at a time; each byte is wiped from the pool as it is handed
// out, so none is given twice and none stays behind in memory once used.
const POOL_BYTES = 4096;
const POOLED_MAX_BYTES = 256;
const pool = new Uint8Array(POOL_BYTES);
let poolUsed = POOL_BYTES;

function fromPool<T extends Uint8Array>(crypto: Crypto, array: T): T {
  if (poolUsed + array.length > POOL_BYTES) {
    crypto.getRandomValues(pool);
    poolUsed = 0;
  }
  const end = poolUsed + array.length;
  array.set(pool.subarray(poolUsed, end));
  pool.fill(0, poolUsed, end);
  poolUsed = end;
  return array;
}

/** `n` random bytes from `random`. */
export function randomBytes(n: number, random: RandomSource = cryptoRandom): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0 || n > 65_536)
    throw new InvalidArgumentError(`"bytes" must be a whole number from 0 to 65536, got ${describeValue(n)}`);
  return checkRandomSource(random).getRandomValues(new Uint8Array(n));
}

/**
 * A uniform random integer in [0, bound), without modulo bias (rejection sampling).
 * @param bound an integer from 1 to 2^32
 */
export function randomInt(bound: number, random: RandomSource = cryptoRandom): number {
  if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32) {
    throw new InvalidArgumentError(`"bound" must be an integer from 1 to 2^32, got ${bound}`);
  }
  checkRandomSource(random);
  const limit = 2 ** 32 - (2 ** 32 % bound);
  const word = new Uint8Array(4);
  for (;;) {
    random.getRandomValues(word);
    const value = ((word[0]! << 24) | (word[1]! << 16) | (word[2]! << 8) | word[3]!) >>> 0;
    if (value < limit) return value % bound;
  }
}

/** A string of `length` random decimal digits, each uniform. */
export function randomDigits(length: number, random: RandomSource = cryptoRandom): string {
  let digits = '';
  for (let i = 0; i < length; i++) digits += String(randomInt(10, random));
  return digits;
}
