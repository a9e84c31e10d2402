import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildKeyUri,
  fromBase32,
  generateCode,
  parseKeyUri,
  toBase32,
  verifyCode,
  type Algorithm,
} from '../../src/index.js';

const algorithm = fc.constantFrom<Algorithm>('SHA1', 'SHA256', 'SHA512');
const digits = fc.constantFrom(6 as const, 7 as const, 8 as const);
const key = fc.uint8Array({ minLength: 1, maxLength: 64 });
const period = fc.integer({ min: 1, max: 120 });
const seconds = fc.integer({ min: 0, max: 4_000_000_000 });
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s !== '');

describe('TOTP properties', () => {
  it('a code verifies at every time inside its window, with the right delta', () => {
    fc.assert(
      fc.property(
        key,
        algorithm,
        digits,
        period,
        seconds,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -4, max: 4 }),
        (k, a, d, p, s, window, offset) => {
          const time = s * 1000;
          const code = generateCode(k, { time, algorithm: a, digits: d, period: p });
          const later = time + offset * p * 1000;
          fc.pre(later >= 0);
          const result = verifyCode(k, code, { time: later, algorithm: a, digits: d, period: p, window });
          if (Math.abs(offset) <= window) {
            expect(result.valid).toBe(true);
            // Another step may share the code by chance; then it is the one nearest the current step.
            if (result.valid) expect(Math.abs(result.delta)).toBeLessThanOrEqual(Math.abs(offset));
          } else if (result.valid) {
            // Outside the window a match can only be a coincidence with another step's code.
            expect(generateCode(k, { counter: result.counter, algorithm: a, digits: d })).toBe(code);
            expect(result.counter).not.toBe(Math.floor(s / p));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a code does not verify outside its window (apart from chance collisions, tested not to be the same step)', () => {
    fc.assert(
      fc.property(key, seconds, fc.integer({ min: 2, max: 50 }), (k, s, steps) => {
        const time = s * 1000;
        const code = generateCode(k, { time, digits: 8 });
        const result = verifyCode(k, code, { time: time + steps * 30_000, digits: 8, window: 1 });
        if (result.valid) expect(result.counter).not.toBe(Math.floor(s / 30));
      }),
    );
  });

  it('a code is refused at a step below minCounter', () => {
    fc.assert(
      fc.property(key, seconds, (k, s) => {
        const time = s * 1000;
        const step = Math.floor(s / 30);
        const code = generateCode(k, { time, digits: 8 });
        expect(verifyCode(k, code, { time, digits: 8, minCounter: step + 1 }).valid).toBe(false);
        expect(verifyCode(k, code, { time, digits: 8, minCounter: step })).toMatchObject({
          valid: true,
          counter: step,
        });
      }),
    );
  });
});

describe('encoding properties', () => {
  it('base32 decode(encode(bytes)) is the identity', () => {
    fc.assert(
      fc.property(key, (bytes) => {
        expect(fromBase32(toBase32(bytes))).toEqual(bytes);
      }),
    );
  });

  it('build → parse of a key URI is the identity for any Unicode issuer and account', () => {
    fc.assert(
      fc.property(
        fc.option(text, { nil: null }),
        text,
        key,
        algorithm,
        digits,
        fc.oneof(
          fc.record({
            type: fc.constant('totp' as const),
            period: fc.integer({ min: 1, max: 3600 }),
            counter: fc.constant(null),
          }),
          fc.record({ type: fc.constant('hotp' as const), period: fc.constant(null), counter: fc.maxSafeNat() }),
        ),
        (issuer, account, secret, a, d, kind) => {
          const uri = buildKeyUri({ issuer, account, secret, algorithm: a, digits: d, ...kind });
          expect(uri).not.toMatch(/[ +]/); // never a raw space or '+' that apps would misread
          expect(parseKeyUri(uri)).toEqual({
            issuer,
            account,
            secret: toBase32(secret),
            algorithm: a,
            digits: d,
            ...kind,
            issuerMismatch: false,
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
