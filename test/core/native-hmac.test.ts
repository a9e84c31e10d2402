// SHA-512 codes through Node's own SHA-512 (crypto.hash) against node:crypto's HMAC, the RFC 6238
// vectors and the JavaScript path; and the detection that decides when that path is taken.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nativeSha512, oneShotSha512Of } from '../../src/core/hash/native-sha512.js';
import { sha512 } from '../../src/core/hash/sha512.js';
import { wordsToBytes } from '../../src/core/hash/hash.js';
import { HASHES, HmacKey, counterKey, hmacCounter, hotpValue, transientKey } from '../../src/core/hmac.js';
import { NativeHmacKey } from '../../src/core/native-hmac.js';
import { preparedKey } from '../../src/core/prepared-secret.js';
import { prepareSecret } from '../../src/index.js';
import { SEEDS, TOTP_VECTORS } from '../support/rfc-vectors.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const counterBytes = (counter: number) => {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(counter));
  return bytes;
};

function nodeOneShot() {
  const oneShot = nativeSha512();
  if (oneShot === undefined) throw new Error('this Node has no crypto.hash reachable through process.getBuiltinModule');
  return oneShot;
}

describe('HMAC-SHA-512 of a counter through native calls', () => {
  it('is found on this Node', () => {
    expect(typeof process.getBuiltinModule).toBe('function');
    expect(nativeSha512()).toBeTypeOf('function');
  });

  it('matches node:crypto createHmac and the JavaScript path for keys of 0–300 bytes and any counter', () => {
    const key = new NativeHmacKey(nodeOneShot());
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.maxSafeNat(), (k, counter) => {
        const expected = createHmac('sha512', k).update(counterBytes(counter)).digest('hex');
        expect(hex(wordsToBytes(key.setKey(k).counterWords(counter), 16))).toBe(expected);
        expect(hex(wordsToBytes(hmacCounter(new HmacKey(sha512, k), counter), 16))).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('a reused key keeps nothing of the one before it (a short key after a long one)', () => {
    const key = new NativeHmacKey(nodeOneShot());
    const long = new Uint8Array(128).fill(0xff);
    const short = Uint8Array.of(1, 2, 3);
    key.setKey(long).counterWords(1);
    expect(hex(wordsToBytes(key.setKey(short).counterWords(7), 16))).toBe(
      createHmac('sha512', short).update(counterBytes(7)).digest('hex'),
    );
  });

  it('passes the RFC 6238 SHA-512 vectors', () => {
    const key = new NativeHmacKey(nodeOneShot()).setKey(SEEDS.SHA512);
    const vectors = TOTP_VECTORS.filter(([, a]) => a === 'SHA512');
    expect(vectors.length).toBeGreaterThan(0);
    for (const [seconds, , code] of vectors) {
      expect(String(hotpValue(key, Math.floor(seconds / 30), 8)).padStart(8, '0')).toBe(code);
    }
  });

  it('is what plain and prepared SHA-512 secrets use on Node; SHA-1 and SHA-256 stay in JavaScript', () => {
    expect(transientKey(HASHES.SHA512, SEEDS.SHA512)).toBeInstanceOf(NativeHmacKey);
    expect(preparedKey(prepareSecret(SEEDS.SHA512, { algorithm: 'SHA512' }))).toBeInstanceOf(NativeHmacKey);
    expect(counterKey(HASHES.SHA1, SEEDS.SHA1)).toBeInstanceOf(HmacKey);
    expect(transientKey(HASHES.SHA256, SEEDS.SHA256)).toBeInstanceOf(HmacKey);
  });
});

describe('finding the runtime SHA-512', () => {
  const working = {
    getBuiltinModule: (id: string) => (id === 'node:crypto' ? process.getBuiltinModule(id) : undefined),
  };

  it('takes crypto.hash from a runtime that has it', () => {
    const oneShot = oneShotSha512Of(working);
    expect(oneShot).toBeTypeOf('function');
    expect(Buffer.from(oneShot!(new Uint8Array(0)), 'binary').toString('hex')).toBe(
      'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
    );
  });

  it('finds none without a process, without getBuiltinModule, or without crypto.hash (browsers, Node before 20.16)', () => {
    expect(oneShotSha512Of(undefined)).toBeUndefined();
    expect(oneShotSha512Of({})).toBeUndefined();
    expect(oneShotSha512Of({ getBuiltinModule: () => undefined })).toBeUndefined();
    expect(oneShotSha512Of({ getBuiltinModule: () => ({ createHash: () => undefined }) })).toBeUndefined();
  });

  it('refuses a crypto.hash that answers otherwise than SHA-512, or throws', () => {
    const answering = (hash: unknown) => ({ getBuiltinModule: () => ({ hash }) });
    expect(oneShotSha512Of(answering(() => 'x'.repeat(64)))).toBeUndefined();
    expect(oneShotSha512Of(answering(() => Buffer.alloc(64)))).toBeUndefined();
    expect(
      oneShotSha512Of(
        answering((_: string, data: Uint8Array) =>
          process.getBuiltinModule('node:crypto').hash('sha256', data, 'binary'),
        ),
      ),
    ).toBeUndefined();
    expect(
      oneShotSha512Of(
        answering(() => {
          throw new Error('not here');
        }),
      ),
    ).toBeUndefined();
  });
});
