// fast-check generators shared by the format tests: key-URI accounts with Unicode names.
import fc from 'fast-check';
import { toBase32, type Algorithm, type KeyUri } from '../../src/index.js';

/** An account as a key URI describes it; `minSecretBytes` allows the short keys real exports hold. */
export function keyUriAccount({
  maxNameLength,
  minSecretBytes,
}: {
  maxNameLength: number;
  minSecretBytes: number;
}): fc.Arbitrary<KeyUri> {
  const name = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: maxNameLength })
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return fc
    .record({
      type: fc.constantFrom('totp' as const, 'hotp' as const),
      issuer: fc.option(name, { nil: null }),
      account: name,
      secret: fc.uint8Array({ minLength: minSecretBytes, maxLength: 64 }).map(toBase32),
      algorithm: fc.constantFrom<Algorithm>('SHA1', 'SHA256', 'SHA512'),
      digits: fc.constantFrom(6 as const, 7 as const, 8 as const),
      period: fc.integer({ min: 1, max: 300 }),
      counter: fc.maxSafeNat(),
    })
    .map((a) => (a.type === 'totp' ? { ...a, counter: null } : { ...a, period: null }));
}
