import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_PASSWORD_HASH_ITERATIONS,
  InvalidArgumentError,
  LOW_COST_HASHING_FOR_TESTS,
  hashPassword,
  verifyPassword,
  type RandomSource,
} from '../../src/index.js';

describe('hashPassword / verifyPassword', () => {
  it('derives PBKDF2-HMAC-SHA256 exactly as node:crypto does, with the stored salt and cost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 50 }), async (password, iterations) => {
        const stored = await hashPassword(password, { iterations });
        expect(stored.algorithm).toBe('PBKDF2-SHA256');
        expect(stored.iterations).toBe(iterations);
        const expected = pbkdf2Sync(
          Buffer.from(password.normalize('NFC'), 'utf8'),
          Buffer.from(stored.salt, 'hex'),
          iterations,
          32,
          'sha256',
        );
        expect(stored.hash).toBe(expected.toString('hex'));
      }),
      { numRuns: 40 },
    );
  });

  it('matches the RFC 7914 §11 PBKDF2-HMAC-SHA256 vector (P="passwd", S="salt", c=1)', async () => {
    const salt: RandomSource = { getRandomValues: (a) => a };
    // A random source that leaves the salt as it is cannot give "salt", so check through verifyPassword.
    const stored = {
      algorithm: 'PBKDF2-SHA256' as const,
      iterations: 1,
      salt: Buffer.from('salt').toString('hex'),
      hash: '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc',
    };
    expect(await verifyPassword('passwd', stored)).toBe(true);
    expect(await verifyPassword('passwe', stored)).toBe(false);
    expect((await hashPassword('x', LOW_COST_HASHING_FOR_TESTS, salt)).salt).toBe('0'.repeat(32));
  });

  it('salts: the same password hashes differently each time, and both verify', async () => {
    const a = await hashPassword('titok', LOW_COST_HASHING_FOR_TESTS);
    const b = await hashPassword('titok', LOW_COST_HASHING_FOR_TESTS);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPassword('titok', a)).toBe(true);
    expect(await verifyPassword('titok', b)).toBe(true);
    expect(await verifyPassword('Titok', a)).toBe(false);
  });

  it('treats composed and decomposed accents as the same password (NFC)', async () => {
    const stored = await hashPassword('jelsz\u00f3', LOW_COST_HASHING_FOR_TESTS);
    expect(await verifyPassword('jelszo\u0301', stored)).toBe(true);
  });

  it('defaults to the OWASP cost and names the low-cost preset for tests', () => {
    expect(DEFAULT_PASSWORD_HASH_ITERATIONS).toBe(600_000);
    expect(LOW_COST_HASHING_FOR_TESTS.iterations).toBe(1);
  });

  it('refuses misuse with errors that never show the password', async () => {
    await expect(hashPassword(42 as unknown as string)).rejects.toThrow(
      '"password" must be a string, got a value of type number',
    );
    await expect(hashPassword('secret-pw', { iterations: 0 })).rejects.toThrow(
      '"iterations" must be an integer from 1 to 10000000, got 0',
    );
    const bad = verifyPassword('secret-pw', { algorithm: 'PBKDF2-SHA256', iterations: 1, salt: 'zz', hash: '00' });
    await expect(bad).rejects.toThrow(InvalidArgumentError);
    await expect(bad).rejects.not.toThrow(/secret-pw/);
  });
});

describe('encodePasswordHash / decodePasswordHash', () => {
  it('round-trips a record through one flat string, and refuses anything else', async () => {
    const { encodePasswordHash, decodePasswordHash } = await import('../../src/index.js');
    const stored = await hashPassword('titok', { iterations: 3 });
    const text = encodePasswordHash(stored);
    expect(text).toBe(`$pbkdf2-sha256$i=3$${stored.salt}$${stored.hash}`);
    expect(decodePasswordHash(text)).toEqual(stored);
    expect(await verifyPassword('titok', decodePasswordHash(text))).toBe(true);
    expect(() => decodePasswordHash('$argon2id$v=19$x$y')).toThrow(
      '"stored" must be a $pbkdf2-sha256$i=…$salt$hash string',
    );
    expect(() => decodePasswordHash('$pbkdf2-sha256$i=0$00$00')).toThrow(
      '"stored.iterations" must be an integer from 1 to 10000000, got 0',
    );
  });
});
