// Export in every writable format, then import: the same accounts come back, Unicode names
// included, and the format is recognised by content alone. Encrypted exports refuse a wrong password.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  encodeMigration,
  formatUriList,
  readExport,
  toAegisVault,
  toEncryptedAegisVault,
  toCxf,
  toEnteExport,
  toTwoFasBackup,
  WrongPasswordError,
  type KeyUri,
} from '../../src/index.js';
import { keyUriAccount } from '../support/arbitraries.js';
import { cli } from '../support/cli.js';

const account = keyUriAccount({ maxNameLength: 20, minSecretBytes: 10 });
const accounts = fc.array(account, { minLength: 1, maxLength: 8 });
/** What Google's format can carry: 30 s, 6 or 8 digits. */
const migratable = fc.array(
  account.map((a) => ({
    ...a,
    digits: a.digits === 7 ? (6 as const) : a.digits,
    period: a.type === 'totp' ? 30 : null,
  })),
  { minLength: 1, maxLength: 8 },
);

/** Steam Guard accounts among the rest, for the formats that carry them. */
const withSteam = fc.array(
  fc.oneof(
    account,
    account.map((a): KeyUri => ({ ...a, type: 'steam', algorithm: 'SHA1', digits: 5, period: 30, counter: null })),
  ),
  { minLength: 1, maxLength: 8 },
);
/** What CXF can carry: TOTP, periods up to 255 s. */
const cxfable = fc.array(
  account.map((a): KeyUri => ({ ...a, type: 'totp', period: Math.min(a.period ?? 30, 255), counter: null })),
  { minLength: 1, maxLength: 8 },
);

// [writer, the format the file is recognised as, write, accounts]
const writers: Array<[string, string, (list: KeyUri[]) => string, fc.Arbitrary<KeyUri[]>]> = [
  ['aegis', 'aegis', (list) => JSON.stringify(toAegisVault(list), null, 4), withSteam],
  ['2fas', '2fas', (list) => JSON.stringify(toTwoFasBackup(list)), withSteam],
  ['uri-list', 'uri-list', formatUriList, withSteam],
  ['ente', 'uri-list', toEnteExport, withSteam],
  ['cxf', 'cxf', (list) => JSON.stringify(toCxf(list)), cxfable],
  ['migration', 'migration', (list) => encodeMigration(list, { batchSize: 3 }).join('\n'), migratable],
];

describe('export → import is the identity', () => {
  for (const [writer, format, write, arbitrary] of writers) {
    it(`${writer}`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (list) => {
          const text = write(list);
          expect(detectFormat(text)).toMatchObject({ readable: true, format, encrypted: false });
          const read = await readExport(text);
          expect(read.format).toBe(format);
          expect(read.accounts).toEqual(list);
          expect(read.skipped).toEqual([]);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('aegis-encrypted (a cheap scrypt cost: the format, not the cost, is under test)', async () => {
    const password = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 });
    await fc.assert(
      fc.asyncProperty(accounts, password, async (list, pw) => {
        const text = JSON.stringify(await toEncryptedAegisVault(list, pw, { scrypt: { n: 16, r: 8, p: 1 } }));
        expect(detectFormat(text)).toMatchObject({ readable: true, format: 'aegis-encrypted', encrypted: true });
        expect((await readExport(text, { password: pw })).accounts).toEqual(list);
        expect(await readExport(text, { password: `${pw}x` }).catch((e: unknown) => e)).toBeInstanceOf(
          WrongPasswordError,
        );
      }),
      { numRuns: 25 },
    );
  });

  it("aegis-encrypted with Aegis's own cost (N=2^15), written and read back through the CLI", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'totp-lab-rt-'));
    try {
      const pw = join(dir, 'pw');
      writeFileSync(pw, 'jelszó ünnep\n');
      const uri =
        'otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kov%C3%A1cs?secret=JBSWY3DPEHPK3PXP&issuer=%C3%9Cgyf%C3%A9lkapu%2B';
      const written = await cli('export', uri, '--format', 'aegis-encrypted', '--password-file', pw);
      expect(written.code).toBe(0);
      const vault = JSON.parse(written.stdout) as { header: { slots: Array<{ n: number; r: number; p: number }> } };
      expect(vault.header.slots[0]).toMatchObject({ n: 32768, r: 8, p: 1 });
      writeFileSync(join(dir, 'vault.json'), written.stdout);
      const read = await cli('import', join(dir, 'vault.json'), '--password-file', pw);
      expect(read.stdout).toBe(
        'otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kov%C3%A1cs?secret=JBSWY3DPEHPK3PXP&issuer=%C3%9Cgyf%C3%A9lkapu%2B&algorithm=SHA1&digits=6&period=30',
      );
      writeFileSync(pw, 'wrong\n');
      const refused = await cli('import', join(dir, 'vault.json'), '--password-file', pw);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/wrong password/);
      expect(refused.stderr).not.toMatch(/wrong\n.*wrong/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
