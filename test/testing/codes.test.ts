import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, InvalidSecretError, manualClock, verifyCode } from '../../src/index.js';
import { codeAt, codeForStep, nextCode } from '../../src/testing/index.js';
import { HOTP_VECTORS, SEEDS, TOTP_VECTORS } from '../support/rfc-vectors.js';

describe('codeAt / codeForStep', () => {
  it.each(TOTP_VECTORS)('RFC 6238 Appendix B: T=%i %s', (seconds, algorithm, code) => {
    const options = { algorithm, digits: 8 } as const;
    expect(codeAt(SEEDS[algorithm], seconds * 1000, options)).toBe(code);
    expect(codeAt(SEEDS[algorithm], new Date(seconds * 1000), options)).toBe(code);
    expect(codeForStep(SEEDS[algorithm], Math.floor(seconds / 30), options)).toBe(code);
  });

  it('codeForStep is the HOTP code of that counter (RFC 4226 Appendix D)', () => {
    HOTP_VECTORS.forEach((code, counter) => expect(codeForStep(SEEDS.SHA1, counter)).toBe(code));
  });

  it('honours the period', () => {
    expect(codeAt(SEEDS.SHA1, 59_000, { period: 60 })).toBe(HOTP_VECTORS[0]);
    expect(codeAt(SEEDS.SHA1, 60_000, { period: 60 })).toBe(HOTP_VECTORS[1]);
  });

  it('ignores stray time options from plain JavaScript', () => {
    expect(codeAt(SEEDS.SHA1, 59_000, { counter: 5, time: 0 } as never)).toBe(HOTP_VECTORS[1]);
  });

  it('names the bad value', () => {
    expect(() => codeAt(SEEDS.SHA1, -1)).toThrow('"time" must be between 0 and 8.64e15 ms since the epoch, got -1');
    expect(() => codeAt(SEEDS.SHA1, new Date('nonsense'))).toThrow('"time" must be a finite number, got NaN');
    expect(() => codeForStep(SEEDS.SHA1, 1.5)).toThrow('"step" must be an integer from 0 to 2^53 - 1, got 1.5');
    expect(() => codeAt(SEEDS.SHA1, 0, { digits: 12 as never })).toThrow(InvalidArgumentError);
    expect(() => codeAt('not base32!', 0)).toThrow(InvalidSecretError);
  });
});

describe('nextCode', () => {
  it('is the code of the following step, from the start of its period', () => {
    const clock = manualClock(59_000);
    expect(nextCode(SEEDS.SHA1, { clock })).toEqual({ code: HOTP_VECTORS[2], step: 2, validFrom: 60_000 });
    expect(nextCode(SEEDS.SHA1, { time: 60_000 })).toEqual({ code: HOTP_VECTORS[3], step: 3, validFrom: 90_000 });
    expect(nextCode(SEEDS.SHA1, { time: new Date(0), period: 60, digits: 8, algorithm: 'SHA1' }).validFrom).toBe(
      60_000,
    );
  });

  it('is refused before its time with window 0 and accepted from validFrom', () => {
    const clock = manualClock(Date.UTC(2025, 0, 16, 8, 0, 12));
    const next = nextCode(SEEDS.SHA1, { clock });
    expect(verifyCode(SEEDS.SHA1, next.code, { time: next.validFrom - 1, window: 0 })).toEqual({ valid: false });
    expect(verifyCode(SEEDS.SHA1, next.code, { time: next.validFrom - 1 })).toMatchObject({ valid: true, delta: 1 });
    expect(verifyCode(SEEDS.SHA1, next.code, { time: next.validFrom, window: 0 })).toEqual({
      valid: true,
      delta: 0,
      counter: next.step,
    });
  });

  it('checks its options', () => {
    expect(() => nextCode(SEEDS.SHA1, null as never)).toThrow('"options" must be an object, got null');
    expect(() => nextCode(SEEDS.SHA1, { clock: { now: () => Number.NaN } })).toThrow(
      '"clock.now()" must be a finite number, got NaN',
    );
  });
});
