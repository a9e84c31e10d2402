// Prepared secrets give exactly what plain ones give, and the codes agree with otpauth.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { HOTP, Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  InvalidSecretError,
  PreparedSecret,
  generateCode,
  prepareSecret,
  toBase32,
  verifyCode,
  type Algorithm,
} from '../../src/index.js';
import { SEEDS, TOTP_VECTORS } from '../support/rfc-vectors.js';

const algorithm = fc.constantFrom<Algorithm>('SHA1', 'SHA256', 'SHA512');
const digits = fc.constantFrom(6 as const, 7 as const, 8 as const);
const key = fc.uint8Array({ minLength: 1, maxLength: 200 });
const time = fc.integer({ min: 0, max: 8_000_000_000_000 });
const laterTime = fc.integer({ min: 100_000, max: 8_000_000_000_000 });
const period = fc.integer({ min: 1, max: 300 });

describe('prepareSecret', () => {
  it('passes the RFC 6238 vectors', () => {
    for (const [seconds, a, code] of TOTP_VECTORS) {
      const prepared = prepareSecret(SEEDS[a], { algorithm: a });
      expect(generateCode(prepared, { time: seconds * 1000, digits: 8 })).toBe(code);
      expect(verifyCode(prepared, code, { time: seconds * 1000, digits: 8, window: 0 })).toMatchObject({
        valid: true,
        delta: 0,
      });
    }
  });

  it('prepared and plain secrets (bytes or base32) generate the same codes', () => {
    fc.assert(
      fc.property(
        key,
        algorithm,
        digits,
        period,
        time,
        fc.option(fc.maxSafeNat(), { nil: undefined }),
        (k, a, d, p, t, counter) => {
          const options = { algorithm: a, digits: d, period: p, time: t, ...(counter !== undefined && { counter }) };
          const plain = generateCode(k, options);
          expect(generateCode(prepareSecret(k, { algorithm: a }), options)).toBe(plain);
          const { algorithm: _, ...withoutAlgorithm } = options;
          expect(generateCode(prepareSecret(toBase32(k), { algorithm: a }), withoutAlgorithm)).toBe(plain);
          expect(generateCode(toBase32(k), options)).toBe(plain);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('prepared and plain secrets verify alike: same result for right, near, far and malformed codes', () => {
    const typed = fc.oneof(
      fc.stringMatching(/^[0-9]{6,8}$/),
      fc.constantFrom('', ' 123 456 ', '12345a', '１２３４５６', '000000', '99999999'),
      fc.string({ maxLength: 10 }),
    );
    fc.assert(
      fc.property(
        key,
        algorithm,
        digits,
        laterTime,
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        typed,
        fc.nat({ max: 5 }),
        (k, a, d, t, offset, window, useRightCode, other, minBack) => {
          const right = generateCode(k, { algorithm: a, digits: d, time: t + offset * 30_000 });
          const code = useRightCode ? right : other;
          const step = Math.floor(t / 30_000);
          const options = { algorithm: a, digits: d, time: t, window, minCounter: Math.max(0, step - minBack) };
          const prepared = prepareSecret(k, { algorithm: a });
          const plain = verifyCode(k, code, options);
          expect(verifyCode(prepared, code, options)).toEqual(plain);
          const { algorithm: _, ...withoutAlgorithm } = options;
          expect(verifyCode(prepared, code, withoutAlgorithm)).toEqual(plain);
          expect(verifyCode(prepared, code, { algorithm: a, digits: d, counter: step, window })).toEqual(
            verifyCode(k, code, { algorithm: a, digits: d, counter: step, window }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('uses its own algorithm when none is given, and refuses a different one', () => {
    const prepared = prepareSecret(SEEDS.SHA256, { algorithm: 'sha-256' as Algorithm });
    expect(prepared.algorithm).toBe('SHA256');
    expect(generateCode(prepared, { time: 59_000, digits: 8 })).toBe('46119246');
    expect(generateCode(prepared, { time: 59_000, digits: 8, algorithm: 'SHA256' })).toBe('46119246');
    expect(() => generateCode(prepared, { time: 59_000, algorithm: 'SHA1' })).toThrow(
      new InvalidArgumentError('"algorithm" must be SHA256 to match the prepared secret, got "SHA1"'),
    );
    expect(() => verifyCode(prepared, '000000', { time: 59_000, algorithm: 'SHA512' })).toThrow(InvalidArgumentError);
  });

  it('checks its input with the same errors as the code functions', () => {
    expect(() => prepareSecret('not base32!')).toThrow(InvalidSecretError);
    expect(() => prepareSecret(new Uint8Array(0))).toThrow(new InvalidSecretError('"secret" must not be empty'));
    expect(() => prepareSecret(SEEDS.SHA1, { algorithm: 'MD5' as Algorithm })).toThrow(
      new InvalidArgumentError('"algorithm" must be SHA1, SHA256 or SHA512, got "MD5"'),
    );
    expect(() => prepareSecret(SEEDS.SHA1, null as never)).toThrow(
      new InvalidArgumentError('"options" must be an object, got null'),
    );
  });

  it('does not show its key material when printed or serialised', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    const prepared = prepareSecret(secret);
    expect(prepared).toBeInstanceOf(PreparedSecret);
    expect(JSON.stringify(prepared)).toBe('{"algorithm":"SHA1"}');
    expect(Object.keys(prepared)).toEqual(['algorithm']);
    const shown = inspect(prepared, { showHidden: true, depth: 5 });
    expect(shown).toBe("PreparedSecret { algorithm: 'SHA1' }");
  });

  it('a look-alike object is not accepted as a prepared secret', () => {
    const fake = { algorithm: 'SHA1' } as unknown as PreparedSecret;
    expect(() => generateCode(fake, { time: 0 })).toThrow(InvalidSecretError);
  });
});

describe('agreement with otpauth', () => {
  it('generateCode gives otpauth’s TOTP and HOTP codes for random secrets, times, algorithms and digits', () => {
    fc.assert(
      fc.property(key, algorithm, digits, period, time, fc.maxSafeNat(), (k, a, d, p, t, counter) => {
        const secret = new Secret({ buffer: k.slice().buffer });
        expect(generateCode(k, { algorithm: a, digits: d, period: p, time: t })).toBe(
          TOTP.generate({ secret, algorithm: a, digits: d, period: p, timestamp: t }),
        );
        expect(generateCode(prepareSecret(k, { algorithm: a }), { digits: d, counter })).toBe(
          HOTP.generate({ secret, algorithm: a, digits: d, counter }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('verifyCode with window 1 accepts exactly what otpauth’s TOTP.validate accepts, at the same delta', () => {
    fc.assert(
      fc.property(key, algorithm, laterTime, fc.integer({ min: -2, max: 2 }), (k, a, t, offset) => {
        const secret = new Secret({ buffer: k.slice().buffer });
        const code = generateCode(k, { algorithm: a, time: t + offset * 30_000 });
        const theirs = TOTP.validate({ token: code, secret, algorithm: a, timestamp: t, window: 1 });
        const ours = verifyCode(prepareSecret(k, { algorithm: a }), code, { time: t, window: 1 });
        expect(ours.valid ? ours.delta : null).toBe(theirs);
      }),
      { numRuns: 300 },
    );
  });
});
