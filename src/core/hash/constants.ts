/**
 * The round constants and initial values of SHA-256 and SHA-512, derived as FIPS 180-4 defines
 * them instead of written out: 96 64-bit words of hexadecimal do not compress, and shipping them
 * would cost about 2 KB of every browser bundle. The derivation is exact (integer roots on BigInt)
 * and runs once, on the first SHA-256 or SHA-512 use (about half a millisecond, kept off the start-up
 * of SHA-1-only programs such as `totp-lab code`); the tests hold it to the published tables.
 *
 * - SHA-512 K (§4.2.3): the first 64 bits of the fractional parts of the cube roots of the first 80 primes.
 * - SHA-512 H(0) (§5.3.5): the same of the square roots of the first 8 primes.
 * - SHA-256 K (§4.2.2) and H(0) (§5.3.3): the first 32 bits of those, i.e. the high halves.
 */

/** The first `n` primes. */
function firstPrimes(n: number): number[] {
  const primes: number[] = [];
  for (let candidate = 2; primes.length < n; candidate++) {
    if (primes.every((p) => candidate % p !== 0)) primes.push(candidate);
  }
  return primes;
}

/** floor(x^(1/k)) for x ≥ 1, by Newton's method on integers (it never overshoots from above). */
function integerRoot(x: bigint, k: bigint): bigint {
  let guess = 1n << (BigInt(x.toString(2).length) / k + 1n); // above the root
  for (;;) {
    const next = ((k - 1n) * guess + x / guess ** (k - 1n)) / k;
    if (next >= guess) return guess;
    guess = next;
  }
}

/** The first 64 bits of the fractional part of the k-th root of p, as (high, low) int32 words. */
function fractionWords(p: number, k: bigint, into: Int32Array, at: number): void {
  const bits = integerRoot(BigInt(p) << (64n * k), k) & 0xffff_ffff_ffff_ffffn;
  into[at] = Number(bits >> 32n) | 0;
  into[at + 1] = Number(bits & 0xffff_ffffn) | 0;
}

export interface Sha2Constants {
  /** SHA-512 K: 80 words as 160 int32 halves, high first. */
  sha512K: Int32Array;
  /** SHA-512 H(0): 8 words as 16 int32 halves, high first. */
  sha512Iv: Int32Array;
  /** SHA-256 K: the high halves of the first 64 SHA-512 constants. */
  sha256K: Int32Array;
  /** SHA-256 H(0): the high halves of SHA-512's. */
  sha256Iv: Int32Array;
}

let derived: Sha2Constants | undefined;

/** The SHA-2 constants, derived on first use. */
export function sha2Constants(): Sha2Constants {
  if (derived) return derived;
  const primes = firstPrimes(80);
  const sha512K = new Int32Array(160);
  primes.forEach((p, i) => fractionWords(p, 3n, sha512K, 2 * i));
  const sha512Iv = new Int32Array(16);
  primes.slice(0, 8).forEach((p, i) => fractionWords(p, 2n, sha512Iv, 2 * i));
  derived = {
    sha512K,
    sha512Iv,
    sha256K: Int32Array.from({ length: 64 }, (_, i) => sha512K[2 * i]!),
    sha256Iv: Int32Array.from({ length: 8 }, (_, i) => sha512Iv[2 * i]!),
  };
  return derived;
}
