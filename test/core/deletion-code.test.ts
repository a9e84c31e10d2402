import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LOW_COST_HASHING_FOR_TESTS,
  formatDeletionCode,
  generateDeletionCode,
  hashDeletionCode,
  normalizeDeletionCode,
  verifyDeletionCode,
  type RandomSource,
} from '../../src/index.js';

describe('generateDeletionCode', () => {
  it('makes 20 digits in groups of 4 by default', () => {
    expect(generateDeletionCode()).toMatch(/^\d{4}( \d{4}){4}$/);
  });

  it('takes its digits from the random source given', () => {
    const zeros: RandomSource = { getRandomValues: (a) => a.fill(0) };
    expect(generateDeletionCode({ random: zeros, length: 10, groupSize: 5 })).toBe('00000 00000');
    expect(generateDeletionCode({ random: zeros, length: 12, groupSize: 0 })).toBe('000000000000');
  });

  it('uses the CSPRNG: every digit occurs, and two codes differ', () => {
    const digits = Array.from({ length: 50 }, () => generateDeletionCode({ groupSize: 0 })).join('');
    expect(new Set(digits).size).toBe(10);
    expect(generateDeletionCode()).not.toBe(generateDeletionCode());
  });

  it('refuses lengths that are too short or too long', () => {
    expect(() => generateDeletionCode({ length: 4 })).toThrow('"length" must be an integer from 8 to 64, got 4');
    expect(() => generateDeletionCode({ groupSize: -1 })).toThrow(
      '"groupSize" must be an integer from 0 to 64, got -1',
    );
  });
});

describe('normalizeDeletionCode', () => {
  it('tolerates spaces, dashes and dots, and refuses anything else', () => {
    expect(normalizeDeletionCode(' 4821-0937 5512.6604\t1873 ')).toBe('48210937551266041873');
    expect(normalizeDeletionCode('4821 0937 5512 6604 187')).toBeUndefined();
    expect(normalizeDeletionCode('4821 0937 5512 6604 187x')).toBeUndefined();
    expect(normalizeDeletionCode(48210937551266041873)).toBeUndefined();
    expect(normalizeDeletionCode('12345678', 8)).toBe('12345678');
  });

  it('reads back every code it formats, whatever the grouping', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{20}$/), fc.integer({ min: 0, max: 20 }), (digits, group) => {
        expect(normalizeDeletionCode(formatDeletionCode(digits, group))).toBe(digits);
      }),
    );
  });
});

describe('hashDeletionCode / verifyDeletionCode', () => {
  it('keeps only a salted hash, and a typed code matches however it is grouped', async () => {
    const code = generateDeletionCode();
    const stored = await hashDeletionCode(code, LOW_COST_HASHING_FOR_TESTS);
    expect(JSON.stringify(stored)).not.toContain(code.replace(/ /g, ''));
    expect(await verifyDeletionCode(code, stored)).toBe(true);
    expect(await verifyDeletionCode(code.replace(/ /g, '-'), stored)).toBe(true);
    const other = code.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    expect(await verifyDeletionCode(other, stored)).toBe(false);
    expect(await verifyDeletionCode('garbage', stored)).toBe(false);
    expect(await verifyDeletionCode(undefined, stored)).toBe(false);
  });

  it('refuses to hash something that is not a code, without showing it', async () => {
    await expect(hashDeletionCode('not-a-code')).rejects.toThrow(
      '"deletionCode" must be 8 to 64 digits (spaces and dashes allowed)',
    );
  });
});
