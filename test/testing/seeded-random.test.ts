import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildKeyUri, generateCode, generateSecret, InvalidArgumentError } from '../../src/index.js';
import { randomDigits, randomInt } from '../../src/core/random.js';
import { seededRandom } from '../../src/testing/index.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const take = (seed: string | number, n: number) => seededRandom(seed).getRandomValues(new Uint8Array(n));

/** Reads 64-bit little-endian words back out of the byte stream. */
function words(bytes: Uint8Array): bigint[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.length / 8 }, (_, i) => view.getBigUint64(i * 8, true));
}

describe('seededRandom', () => {
  it('is SplitMix64: the published reference outputs for seed 1234567', () => {
    // The sequence every SplitMix64 implementation is checked against (e.g. Rosetta Code).
    expect(words(take(1234567, 40))).toEqual([
      6457827717110365317n,
      3203168211198807973n,
      9817491932198370423n,
      4593380528125082431n,
      16408922859458223821n,
    ]);
    // Seed 0 starts with 0xE220A8397B1DCDAF, the value xoshiro's seeding code is known by.
    expect(words(take(0, 8))).toEqual([0xe220a8397b1dcdafn]);
  });

  it('pins the exact bytes for text seeds, forever', () => {
    // Computed with an independent implementation (FNV-1a 64 of the UTF-8 seed, then SplitMix64).
    expect(hex(take('login-test', 20))).toBe('38db18b69a08bb60ab47435874c95ca9931e7272');
    expect(hex(take('Ügyfélkapu+', 8))).toBe('bc6ebdb82af34fba');
    expect(hex(take(-1, 8))).toBe('202c651b7771d9e4');
    expect(generateSecret({ random: seededRandom('login-test') })).toBe('HDNRRNU2BC5WBK2HINMHJSK4VGJR44TS');
  });

  it('gives the same stream however it is split into calls', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.integer()),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 10 }),
        (seed, sizes) => {
          const total = sizes.reduce((a, b) => a + b, 0);
          const random = seededRandom(seed);
          const pieces = sizes.map((n) => hex(random.getRandomValues(new Uint8Array(n))));
          expect(pieces.join('')).toBe(hex(take(seed, total)));
        },
      ),
    );
  });

  it('differs between seeds, and between a number and its text', () => {
    const seen = new Set(['a', 'b', 'A', '', ' ', '1'].map((s) => hex(take(s, 16))));
    seen.add(hex(take(1, 16)));
    expect(seen.size).toBe(7);
  });

  it('makes two runs with the same seed byte-identical: secrets, codes and URIs', () => {
    const run = () => {
      const random = seededRandom('e2e-login');
      const secret = generateSecret({ random });
      const second = generateSecret({ random, bytes: 32 });
      return {
        secrets: [secret, second],
        codes: [0, 59_000, Date.UTC(2025, 0, 16, 8)].map((time) => generateCode(secret, { time })),
        uri: buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret }),
        digits: randomDigits(8, random),
        index: randomInt(1000, random),
      };
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(first.secrets[0]).toMatch(/^[A-Z2-7]{32}$/);
    expect(first.secrets[0]).not.toBe(first.secrets[1]!.slice(0, 32));
    expect(first.uri).toContain(`secret=${first.secrets[0]}&`);
  });

  it('refuses seeds that are not text or safe integers, and non-byte arrays', () => {
    for (const bad of [1.5, Number.NaN, 2 ** 53, null, undefined, {}, 10n]) {
      expect(() => seededRandom(bad as never)).toThrow(InvalidArgumentError);
    }
    expect(() => seededRandom(1.5)).toThrow('"seed" must be a string or a safe integer, got 1.5');
    expect(() => seededRandom(1).getRandomValues(new Uint16Array(2) as never)).toThrow('"array" must be a Uint8Array');
  });
});
