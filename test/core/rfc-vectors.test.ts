import { describe, expect, it } from 'vitest';
import { generateCode, verifyCode } from '../../src/index.js';
import { HOTP_VECTORS, SEEDS, TOTP_VECTORS } from '../support/rfc-vectors.js';

describe('RFC 4226 Appendix D (HOTP)', () => {
  it.each(HOTP_VECTORS.map((code, counter) => [counter, code] as const))('counter %i gives %s', (counter, code) => {
    expect(generateCode(SEEDS.SHA1, { counter })).toBe(code);
    expect(verifyCode(SEEDS.SHA1, code, { counter, window: 0 })).toEqual({ valid: true, delta: 0, counter });
  });

  it('looks ahead only within the window', () => {
    expect(verifyCode(SEEDS.SHA1, HOTP_VECTORS[3]!, { counter: 1, window: 2 })).toEqual({
      valid: true,
      delta: 2,
      counter: 3,
    });
    expect(verifyCode(SEEDS.SHA1, HOTP_VECTORS[3]!, { counter: 1, window: 1 })).toEqual({ valid: false });
    expect(verifyCode(SEEDS.SHA1, HOTP_VECTORS[0]!, { counter: 1, window: 5 })).toEqual({ valid: false });
  });
});

describe('RFC 6238 Appendix B (TOTP)', () => {
  it.each(TOTP_VECTORS)('T=%i %s gives %s', (seconds, algorithm, code) => {
    const options = { time: seconds * 1000, algorithm, digits: 8 } as const;
    expect(generateCode(SEEDS[algorithm], options)).toBe(code);
    expect(verifyCode(SEEDS[algorithm], code, { ...options, window: 0 })).toMatchObject({ valid: true, delta: 0 });
  });

  it('accepts the seeds as base32 too', () => {
    // base32 of "12345678901234567890"
    expect(generateCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', { time: 59_000, digits: 8 })).toBe('94287082');
    expect(generateCode('gezd gnbv gy3t qojq-gezd gnbv gy3t qojq====', { time: 59_000, digits: 8 })).toBe('94287082');
  });
});
