// Hostile export files are refused with one line, quickly, before any expensive key derivation:
// scrypt N of 2^40, huge PBKDF2 iteration counts, truncated files, deep nesting, huge entry counts.
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  InvalidMigrationError,
  readAccounts,
  readExport,
  TotpLabError,
  toEncryptedAegisVault,
  UnsupportedFormatError,
  WrongPasswordError,
} from '../../src/index.js';
import { describeShared } from '../support/shared.js';
import { exportBytes, MANIFEST } from './exports.js';

const aegisEncrypted = () =>
  JSON.parse(new TextDecoder().decode(exportBytes('aegis_encrypted.json'))) as {
    header: { slots: Array<Record<string, unknown>> };
  };

async function refusal(input: string | Uint8Array, password?: string): Promise<TotpLabError> {
  const error = await readExport(input, password === undefined ? {} : { password }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TotpLabError);
  const message = (error as Error).message;
  expect(message.split('\n')).toHaveLength(1);
  expect(message.length).toBeLessThan(300);
  if (password !== undefined) expect(message).not.toContain(password);
  return error as TotpLabError;
}

describeShared('hostile changes to real export files', [MANIFEST], () => {
  it.each([
    ['N = 2^40', { n: 2 ** 40 }],
    ['N not a power of two', { n: 32767 }],
    ['r huge', { r: 2 ** 20 }],
    ['p huge', { p: 2 ** 20 }],
    ['memory above the bound', { n: 2 ** 20, r: 8 }],
    ['N a string', { n: '32768' }],
  ])('an Aegis slot with scrypt %s is refused before deriving', async (_name, change) => {
    const vault = aegisEncrypted();
    Object.assign(vault.header.slots[0]!, change);
    const error = await refusal(JSON.stringify(vault), 'test');
    expect(error).toBeInstanceOf(InvalidMigrationError);
    expect(error.message).toMatch(/scrypt/);
  });

  it('an Aegis vault with only a biometric slot is refused, saying what to do', async () => {
    const vault = aegisEncrypted();
    vault.header.slots[0]!.type = 2;
    expect((await refusal(JSON.stringify(vault), 'test')).message).toMatch(/no password slot/);
  });

  it('truncated files are refused in one line', async () => {
    for (const file of [
      'aegis_plain.json',
      'aegis_encrypted.json',
      '2fas_authenticator_plain_v4.2fas',
      'bitwarden.json',
      'stratum_plain.json',
      'freeotp_plus.json',
    ]) {
      const bytes = exportBytes(file);
      await refusal(bytes.subarray(0, Math.floor(bytes.length / 2)), 'test');
    }
    const andotp = exportBytes('andotp_encrypted.bin');
    expect(await refusal(andotp.subarray(0, 40), 'test')).toBeInstanceOf(UnsupportedFormatError);
    expect(await refusal(andotp.subarray(0, andotp.length - 1), 'test')).toBeInstanceOf(WrongPasswordError);
  });

  it('an andOTP file claiming 2^32-1 PBKDF2 iterations is refused without deriving', async () => {
    const bytes = exportBytes('andotp_encrypted.bin').slice();
    bytes.set([0xff, 0xff, 0xff, 0xff], 0);
    expect((await refusal(bytes, 'test')).message).toMatch(/iteration count 4294967295 refused/);
  });
});

describe('hostile export files', () => {
  it('deep nesting and huge entry counts are refused', async () => {
    const deep = `{"services":${'['.repeat(100_000)}${']'.repeat(100_000)},"schemaVersion":4}`;
    expect(() => readAccounts(deep)).toThrow(/not a known export format|nested|JSON/);
    expect(detectFormat(deep)).toMatchObject({ readable: false });
    const many = JSON.stringify({ Authenticators: Array.from({ length: 10_001 }, () => ({})) });
    expect(() => readAccounts(many)).toThrow(/10001 entries, at most 10000/);
    expect(() => readAccounts('x'.repeat(10_000_001))).toThrow(TotpLabError);
  });

  it('an encrypted export without a password, and a wrong one, import nothing', async () => {
    const text = JSON.stringify(
      await toEncryptedAegisVault([{ account: 'a', secret: 'JBSWY3DPEHPK3PXP' }], 'right', {
        scrypt: { n: 16, r: 8, p: 1 },
      }),
    );
    await expect(readExport(text)).rejects.toThrow(/needs its password/);
    expect(() => readAccounts(text)).toThrow(/encrypted/);
    expect(await refusal(text, 'badpass')).toBeInstanceOf(WrongPasswordError);
  });

  it('known formats it cannot read are named with what to export instead', () => {
    const cases: Array<[string | Uint8Array, RegExp]> = [
      [
        JSON.stringify({
          version: 1,
          kdfParams: { memLimit: 1, opsLimit: 1, salt: 'x' },
          encryptedData: 'x',
          encryptionNonce: 'x',
        }),
        /Ente Auth encrypted.*plain text/,
      ],
      [JSON.stringify({ encrypted: true, passwordProtected: true, items: [] }), /Bitwarden encrypted/],
      [
        new Uint8Array([
          ...new TextEncoder().encode('SQLite format 3\0'),
          ...new TextEncoder().encode('CREATE TABLE accounts (original_name TEXT)'),
        ]),
        /Google Authenticator internal database.*Transfer accounts/,
      ],
      [new Uint8Array([0xac, 0xed, 0x00, 0x05, 1, 2, 3]), /FreeOTP 2 backup/],
      [new TextEncoder().encode('AUTHENTICATORPRO\u0001\u0002'), /Authenticator Pro.*encrypted/],
      ['hello world', /an unknown format: export from your app/],
    ];
    for (const [input, message] of cases) {
      const found = detectFormat(input);
      expect(found.readable).toBe(false);
      expect(() => readAccounts(typeof input === 'string' ? input : new TextDecoder().decode(input))).toThrow(
        UnsupportedFormatError,
      );
      expect(`${found.name}: ${'advice' in found ? found.advice : ''}`).toMatch(message);
    }
  });

  it('a key-URI list with a Steam line keeps the rest and names the line', () => {
    const read = readAccounts(
      'otpauth://steam/Valve:me?secret=JBSWY3DPEHPK3PXP\notpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP\n',
    );
    expect(read.accounts.map((a) => a.account)).toEqual(['b']);
    expect(read.skipped).toEqual([{ index: 1, name: 'Valve: me', reason: 'Steam Guard codes are not TOTP codes' }]);
  });

  it('an HOTP entry without a counter starts at 0 with a warning', () => {
    const read = readAccounts(
      JSON.stringify([
        { secret: 'JBSWY3DPEHPK3PXP', issuer: 'X', label: 'y', digits: 6, type: 'HOTP', algorithm: 'SHA1' },
      ]),
    );
    expect(read.format).toBe('andotp');
    expect(read.accounts[0]).toMatchObject({ type: 'hotp', counter: 0 });
    expect(read.warnings).toEqual(['andOTP entry 0 "X: y": HOTP entry without a counter starts at 0']);
  });
});
