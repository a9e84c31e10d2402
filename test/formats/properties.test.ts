import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeMigration,
  encodeMigration,
  InvalidArgumentError,
  toBase32,
  type AccountInput,
  type Algorithm,
  type KeyUri,
} from '../../src/index.js';

const name = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .map((s) => s.trim())
  .filter((s) => s !== '');
const totp = fc.record({
  type: fc.constant('totp' as const),
  issuer: fc.option(name, { nil: null }),
  account: name,
  secret: fc.uint8Array({ minLength: 5, maxLength: 64 }).map(toBase32),
  algorithm: fc.constantFrom<Algorithm>('SHA1', 'SHA256', 'SHA512'),
  digits: fc.constantFrom(6 as const, 8 as const),
  period: fc.constant(30),
  counter: fc.constant(null),
});
const hotp = totp.chain((t) =>
  fc.maxSafeNat().map((counter): KeyUri => ({ ...t, type: 'hotp', period: null, counter })),
);
const account = fc.oneof(totp, hotp);

const strip = (list: Array<KeyUri & { rawName?: string }>) => list.map(({ rawName: _raw, ...fields }) => fields);

describe('migration export → import', () => {
  it('is the identity for arbitrary accounts', () => {
    fc.assert(
      fc.property(
        fc.array(account, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        (accounts, batchSize, batchId) => {
          const uris = encodeMigration(accounts, { batchSize, batchId });
          expect(uris).toHaveLength(Math.ceil(accounts.length / batchSize));
          const decoded = uris.map(decodeMigration);
          decoded.forEach(({ batch }, index) =>
            expect(batch).toEqual({ version: 1, size: uris.length, index, id: batchId }),
          );
          expect(strip(decoded.flatMap((d) => d.accounts))).toEqual(accounts);
        },
      ),
    );
  });

  it('reassembles batches scanned in any order by their index', () => {
    fc.assert(
      fc.property(
        fc.array(account, { minLength: 2, maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (accounts, batchSize, seed) => {
          const uris = encodeMigration(accounts, { batchSize });
          const shuffled = fc.sample(fc.shuffledSubarray(uris, { minLength: uris.length, maxLength: uris.length }), {
            seed,
            numRuns: 1,
          })[0]!;
          const decoded = shuffled.map(decodeMigration);
          expect(new Set(decoded.map((d) => d.batch.id)).size).toBe(1);
          decoded.sort((a, b) => a.batch.index - b.batch.index);
          expect(strip(decoded.flatMap((d) => d.accounts))).toEqual(accounts);
        },
      ),
    );
  });

  it('draws the batch id from the random source when none is given', () => {
    const fixed = { getRandomValues: <T extends Uint8Array>(a: T) => (a.fill(0xff), a) };
    const [uri] = encodeMigration([{ account: 'a', secret: 'JBSWY3DPEHPK3PXP' }], { random: fixed });
    expect(decodeMigration(uri!).batch.id).toBe(-1);
  });

  it('refuses what the format cannot carry, naming the account and not the secret', () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const cases: Array<[AccountInput, RegExp]> = [
      [
        { issuer: 'Bank', account: 'anna', secret, period: 60 },
        /accounts\[0\] "Bank: anna".*no period field.*got period 60/,
      ],
      [{ issuer: 'Bank', account: 'anna', secret, digits: 7 }, /accounts\[0\] "Bank: anna".*7-digit/],
    ];
    for (const [input, message] of cases) {
      const call = () => encodeMigration([input]);
      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(message);
      try {
        call();
      } catch (error) {
        expect(String((error as Error).message)).not.toContain(secret);
      }
    }
    expect(() => encodeMigration([])).toThrow(/at least one account/);
    expect(() => encodeMigration([{ account: 'a', secret }], { batchSize: 0 })).toThrow(
      /"batchSize" must be an integer from 1 to 1000, got 0/,
    );
    expect(() => encodeMigration([{ account: 'a', secret }], { batchId: 2 ** 31 })).toThrow(/"batchId"/);
    expect(() => encodeMigration([{ account: ' ', secret }])).toThrow(/accounts\[0\]: "account" must not be empty/);
  });
});
