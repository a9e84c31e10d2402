// The pure-TypeScript hashes and HMAC against node:crypto, on random keys and messages.
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digest, wordsToBytes } from '../../src/core/hash/hash.js';
import { HASHES, HmacKey, hmac, hmacCounter, hotpCode } from '../../src/core/hmac.js';
import type { Algorithm } from '../../src/index.js';

const NODE_NAMES: Record<Algorithm, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };
const algorithm = fc.constantFrom<Algorithm>('SHA1', 'SHA256', 'SHA512');
const key = fc.uint8Array({ minLength: 1, maxLength: 200 });
const message = fc.uint8Array({ minLength: 0, maxLength: 300 });
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function counterBytes(counter: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(counter));
  return bytes;
}

describe('SHA-1, SHA-256, SHA-512', () => {
  it('match node:crypto on random messages', () => {
    fc.assert(
      fc.property(algorithm, message, (a, m) => {
        expect(hex(digest(HASHES[a], m))).toBe(createHash(NODE_NAMES[a]).update(m).digest('hex'));
      }),
      { numRuns: 500 },
    );
  });

  it('match node:crypto at every length around the block and padding boundaries', () => {
    for (const a of ['SHA1', 'SHA256', 'SHA512'] as const) {
      for (let length = 0; length <= 260; length++) {
        const m = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 255);
        expect(hex(digest(HASHES[a], m)), `${a} length ${length}`).toBe(
          createHash(NODE_NAMES[a]).update(m).digest('hex'),
        );
      }
    }
  });

  it('match the FIPS 180-4 example digests of "abc"', () => {
    const abc = new TextEncoder().encode('abc');
    expect(hex(digest(HASHES.SHA1, abc))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(digest(HASHES.SHA256, abc))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(digest(HASHES.SHA512, abc))).toBe(
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    );
  });
});

describe('HMAC', () => {
  it('matches node:crypto createHmac for keys of 1–200 bytes and messages of 0–300 bytes', () => {
    fc.assert(
      fc.property(algorithm, key, message, (a, k, m) => {
        expect(hex(hmac(new HmacKey(HASHES[a], k), m))).toBe(createHmac(NODE_NAMES[a], k).update(m).digest('hex'));
      }),
      { numRuns: 1000 },
    );
  });

  it('the one-block counter path matches node:crypto for any 53-bit counter', () => {
    fc.assert(
      fc.property(algorithm, key, fc.maxSafeNat(), (a, k, counter) => {
        const prepared = new HmacKey(HASHES[a], k);
        const words = hmacCounter(prepared, counter);
        const expected = createHmac(NODE_NAMES[a], k).update(counterBytes(counter)).digest('hex');
        expect(hex(wordsToBytes(words, prepared.hash.digestWords))).toBe(expected);
        // The general path gives the same for the same 8 bytes.
        expect(hex(hmac(prepared, counterBytes(counter)))).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('a prepared key gives the same digests however many times and in whatever order it is used', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(algorithm, key), { minLength: 2, maxLength: 5 }),
        fc.array(message, { minLength: 1, maxLength: 5 }),
        (keys, messages) => {
          const prepared = keys.map(([a, k]) => new HmacKey(HASHES[a], k));
          for (const m of messages) {
            keys.forEach(([a, k], i) => {
              expect(hex(hmac(prepared[i]!, m))).toBe(createHmac(NODE_NAMES[a], k).update(m).digest('hex'));
            });
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the RFC 2202 and RFC 4231 test cases with keys longer than a block', () => {
    const key131 = new Uint8Array(131).fill(0xaa);
    const text = new TextEncoder().encode('Test Using Larger Than Block-Size Key - Hash Key First');
    expect(hex(hmac(new HmacKey(HASHES.SHA1, new Uint8Array(80).fill(0xaa)), text))).toBe(
      'aa4ae5e15272d00e95705637ce8a3b55ed402112',
    );
    expect(hex(hmac(new HmacKey(HASHES.SHA256, key131), text))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
    expect(hex(hmac(new HmacKey(HASHES.SHA512, key131), text))).toBe(
      '80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598',
    );
  });
});

describe('hotpCode', () => {
  it('truncates as RFC 4226 §5.3 says, checked on node:crypto digests', () => {
    fc.assert(
      fc.property(
        algorithm,
        key,
        fc.maxSafeNat(),
        fc.constantFrom(6 as const, 7 as const, 8 as const),
        (a, k, counter, digits) => {
          const mac = createHmac(NODE_NAMES[a], k).update(counterBytes(counter)).digest();
          const offset = mac[mac.length - 1]! & 0xf;
          const binary = mac.readUInt32BE(offset) & 0x7fffffff;
          expect(hotpCode(k, counter, a, digits)).toBe(String(binary % 10 ** digits).padStart(digits, '0'));
        },
      ),
      { numRuns: 500 },
    );
  });
});
