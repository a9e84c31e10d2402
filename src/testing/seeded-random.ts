/**
 * A deterministic random source for tests: the same seed gives the same bytes, on every machine,
 * in every run, in every future version of totp-lab. NOT for production.
 */
import { InvalidArgumentError, describeValue } from '../core/errors.js';
import type { RandomSource } from '../core/random.js';

const MASK_64 = (1n << 64n) - 1n;
// SplitMix64 constants (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
// OOPSLA 2014; the variant Vigna uses to seed the xoshiro generators).
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;
const MIX_1 = 0xbf58476d1ce4e5b9n;
const MIX_2 = 0x94d049bb133111ebn;
// FNV-1a, 64-bit (Fowler, Noll and Vo), turns a text seed into the 64-bit starting state.
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

/** A seed for {@link seededRandom}: any text, or a safe integer. */
export type Seed = string | number;

/**
 * ⚠️ **Unfit for production: never use it for real secrets, passwords or deletion codes.** Anyone who
 * knows or guesses the seed knows every byte it will ever give.
 *
 * A deterministic {@link RandomSource} for tests, so that secrets, deletion codes and ids repeat
 * exactly from run to run. It is SplitMix64: each call to the generator adds the constant
 * 0x9E3779B97F4A7C15 to a 64-bit state and mixes it; the 64-bit outputs are handed out as bytes,
 * least significant first. The byte stream does not depend on how it is split into calls: filling
 * 3 bytes and then 5 gives the same bytes as filling 8 at once.
 *
 * - A number seed (a safe integer; negative ones are taken modulo 2^64) is the starting state
 *   itself, so `seededRandom(1234567)` reproduces the published SplitMix64 reference sequence.
 * - A text seed is hashed (FNV-1a 64 of its UTF-8 bytes) into the starting state; use a name
 *   that says what the test is (`'login-test'`).
 *
 * The output for a given seed is part of the public contract and will not change.
 * @param seed any text, or a safe integer
 * @returns a fresh generator; two generators with the same seed give the same bytes
 * @throws {InvalidArgumentError} when `seed` is neither a string nor a safe integer
 * @example
 * import { generateSecret } from 'totp-lab';
 * import { seededRandom } from 'totp-lab/testing';
 * generateSecret({ random: seededRandom('login-test') }); // the same secret in every run
 */
export function seededRandom(seed: Seed): RandomSource {
  let state = initialState(seed);
  // The current 64-bit output and how many of its bytes (low first) are still unused.
  let word = 0n;
  let unused = 0;
  return {
    getRandomValues<T extends Uint8Array>(array: T): T {
      if (!(array instanceof Uint8Array)) {
        throw new InvalidArgumentError(`"array" must be a Uint8Array, got ${describeValue(array)}`);
      }
      for (let i = 0; i < array.length; i++) {
        if (unused === 0) {
          state = (state + GOLDEN_GAMMA) & MASK_64;
          word = mix(state);
          unused = 8;
        }
        array[i] = Number(word & 0xffn);
        word >>= 8n;
        unused--;
      }
      return array;
    },
  };
}

/** The SplitMix64 output function: two xor-shift-multiply rounds and a final xor-shift. */
function mix(state: bigint): bigint {
  let z = state;
  z = ((z ^ (z >> 30n)) * MIX_1) & MASK_64;
  z = ((z ^ (z >> 27n)) * MIX_2) & MASK_64;
  return z ^ (z >> 31n);
}

function initialState(seed: unknown): bigint {
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) return BigInt.asUintN(64, BigInt(seed));
  if (typeof seed === 'string') {
    let hash = FNV_OFFSET;
    for (const byte of new TextEncoder().encode(seed)) {
      hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
    }
    return hash;
  }
  throw new InvalidArgumentError(`"seed" must be a string or a safe integer, got ${describeValue(seed)}`);
}
