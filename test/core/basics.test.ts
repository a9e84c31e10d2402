import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  InvalidKeyUriError,
  InvalidSecretError,
  TotpLabError,
  buildKeyUri,
  constantTimeEqual,
  fromBase32,
  generateCode,
  generateSecret,
  manualClock,
  parseKeyUri,
  secondsLeft,
  stepAt,
  systemClock,
  verifyCode,
  type RandomSource,
} from '../../src/index.js';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('clocks', () => {
  it('a manual clock stands still and moves when told', () => {
    const clock = manualClock(1000);
    expect(clock.now()).toBe(1000);
    expect(clock.advance(30_000)).toBe(31_000);
    expect(clock.set(5)).toBe(5);
    expect(clock.now()).toBe(5);
    expect(() => clock.advance(Number.NaN)).toThrow('"ms" must be a finite number, got NaN');
    expect(() => clock.set(-1)).toThrow(InvalidArgumentError);
  });

  it('the system clock reads Date.now at call time', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('codes follow the clock they are given', () => {
    const clock = manualClock(59_000);
    expect(generateCode(SECRET, { clock, digits: 8 })).toBe('94287082');
    expect(stepAt(59_000)).toBe(1);
    expect(secondsLeft(59_000)).toBe(1);
    expect(secondsLeft(60_000)).toBe(30);
  });
});

describe('generateSecret', () => {
  it('makes 20 bytes of base32 by default, from the random source given', () => {
    const calls: number[] = [];
    const random: RandomSource = { getRandomValues: (a) => (calls.push(a.length), a.fill(0xff)) };
    expect(generateSecret({ random })).toBe('7'.repeat(32));
    expect(calls).toEqual([20]);
    expect(fromBase32(generateSecret({ bytes: 16 }))).toHaveLength(16);
  });

  it('uses the CSPRNG: two secrets differ', () => {
    expect(generateSecret()).not.toBe(generateSecret());
  });

  it('refuses new secrets under 128 bits (RFC 4226 R6)', () => {
    expect(() => generateSecret({ bytes: 10 })).toThrow(
      '"bytes" must be an integer from 16 to 1024 (RFC 4226 R6: at least 128 bits), got 10',
    );
  });
});

describe('secret input', () => {
  it('accepts short secrets from real exports (5 and 10 bytes)', () => {
    expect(generateCode(new Uint8Array(5).fill(1), { time: 0 })).toMatch(/^\d{6}$/);
    expect(generateCode('JBSWY3DPEHPK3PXP', { time: 0 })).toMatch(/^\d{6}$/);
  });

  it('refuses bad secrets without quoting them', () => {
    const bad = 'SUPERSECRET1VALUE';
    try {
      generateCode(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidSecretError);
      expect(error).toBeInstanceOf(TotpLabError);
      expect((error as TotpLabError).code).toBe('INVALID_SECRET');
      expect((error as Error).message).not.toContain('SUPERSECRET');
      expect((error as Error).message).toContain('position 12');
    }
    expect(() => generateCode('')).toThrow(InvalidSecretError);
    expect(() => generateCode('A')).toThrow('too short');
    expect(() => generateCode(new Uint8Array())).toThrow(InvalidSecretError);
    expect(() => generateCode(42 as unknown as string)).toThrow(InvalidSecretError);
  });
});

describe('codes and options', () => {
  it('names the field, the expectation and the value in option errors', () => {
    expect(() => generateCode(SECRET, { digits: 12 as 6 })).toThrow('"digits" must be 6, 7 or 8, got 12');
    expect(() => generateCode(SECRET, { algorithm: 'MD5' as 'SHA1' })).toThrow(
      '"algorithm" must be SHA1, SHA256 or SHA512, got "MD5"',
    );
    expect(() => generateCode(SECRET, { period: 0 })).toThrow('"period" must be a whole number of seconds');
    expect(() => generateCode(SECRET, { counter: -1 })).toThrow(
      '"counter" must be an integer from 0 to 2^53 - 1, got -1',
    );
    expect(() => generateCode(SECRET, { time: Number.NaN })).toThrow('"time" must be a finite number, got NaN');
    expect(() => verifyCode(SECRET, '123456', { window: 1.5 })).toThrow('"window" must be an integer');
  });

  it('treats malformed typed codes as simply invalid, and tolerates inner spaces', () => {
    const code = generateCode(SECRET, { time: 0 });
    expect(verifyCode(SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, { time: 0 })).toMatchObject({ valid: true });
    for (const typed of [
      '',
      '12345',
      '1234567',
      'abcdef',
      '12345a',
      '-12345',
      '１２３４５６',
      'x'.repeat(10_000),
      null,
      123456,
    ]) {
      expect(verifyCode(SECRET, typed as string, { time: 0 })).toEqual({ valid: false });
    }
  });

  it('prefers the current step when codes collide and reports the delta', () => {
    const code = generateCode(SECRET, { time: 0 });
    expect(verifyCode(SECRET, code, { time: 30_000 })).toEqual({ valid: true, delta: -1, counter: 0 });
    expect(verifyCode(SECRET, code, { time: 60_000 })).toEqual({ valid: false });
    expect(verifyCode(SECRET, code, { time: 60_000, window: 2 })).toEqual({ valid: true, delta: -2, counter: 0 });
  });
});

describe('key URIs', () => {
  it('writes Ügyfélkapu+ as %2B, never a raw +', () => {
    const uri = buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos@example.hu', secret: SECRET });
    expect(uri).toBe(
      'otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.janos%40example.hu?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%C3%9Cgyf%C3%A9lkapu%2B&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('keeps colons in issuers and accounts', () => {
    for (const [issuer, account] of [
      ['A:B', 'c:d'],
      [null, 'x:y'],
      ['I', ':lead'],
    ] as const) {
      expect(parseKeyUri(buildKeyUri({ issuer, account, secret: SECRET }))).toMatchObject({ issuer, account });
    }
  });

  it('refuses bad build input with a named field', () => {
    expect(() => buildKeyUri({ account: '  ', secret: SECRET })).toThrow('"account" must not be empty');
    expect(() => buildKeyUri({ account: 'a\uD800', secret: SECRET })).toThrow('"account" must be well-formed Unicode');
    expect(() => buildKeyUri({ account: 'a', secret: SECRET, type: 'hotp' })).toThrow('"counter" is required for hotp');
  });

  it('refuses duplicate parameters and over-long URIs', () => {
    expect(() => parseKeyUri('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&secret=GEZDGNBVGY3TQOJQ')).toThrow(
      '"secret" more than once',
    );
    expect(() => parseKeyUri(`otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&x=${'a'.repeat(9000)}`)).toThrow(
      InvalidKeyUriError,
    );
    expect(() => parseKeyUri(42 as unknown as string)).toThrow('key URI must be a string, got 42');
  });

  it('never quotes the secret in its errors', () => {
    try {
      parseKeyUri('otpauth://totp/a?secret=TOPSECRETVALUE11');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('TOPSECRET');
    }
  });
});

describe('constantTimeEqual', () => {
  it('compares strings and bytes exactly', () => {
    expect(constantTimeEqual('123456', '123456')).toBe(true);
    expect(constantTimeEqual('123456', '123457')).toBe(false);
    expect(constantTimeEqual('123456', '1234567')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
    expect(constantTimeEqual('ő', 'ő')).toBe(true);
  });
});
