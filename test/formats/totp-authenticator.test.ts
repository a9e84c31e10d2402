// TOTP Authenticator backups, made here with node:crypto as Aegis's TotpAuthenticatorImporter
// describes the format: base64 of AES-256-CBC (PKCS#7, an all-zero IV) under SHA-256 of the
// password, holding a JSON object whose first key is a JSON array of entry objects' JSON text.
import { createCipheriv, createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decryptTotpAuthenticatorBackup,
  detectFormat,
  InvalidMigrationError,
  readExport,
  WrongPasswordError,
} from '../../src/index.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'totp-lab-totpauth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function backup(entries: object[], password: string): string {
  const list = JSON.stringify(entries.map((e) => JSON.stringify(e)));
  const plain = JSON.stringify({ [list]: '2024-01-01 10:00:00' });
  const key = createHash('sha256').update(password, 'utf8').digest();
  const cipher = createCipheriv('aes-256-cbc', key, Buffer.alloc(16));
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
  return sealed.replace(/(.{76})/g, '$1\n');
}

const ENTRIES = [
  { issuer: 'Deno', name: 'Mason', key: '4SJHB4GSD43FZBAI7C2HLRJGPQ', base: 32, digits: '6', period: '30' },
  { issuer: 'Hex', name: 'h', key: '48656c6c6f21deadbeef', base: 16 },
  { issuer: 'B64', name: 'b', key: Buffer.from('Hello!\xde\xad\xbe\xef', 'latin1').toString('base64'), base: 64 },
];

describe('TOTP Authenticator backup', () => {
  it('is recognised as an encrypted backup, and read with its password (hex, base32 and base64 keys)', async () => {
    const text = backup(ENTRIES, 'open sesame');
    expect(detectFormat(text)).toMatchObject({ readable: true, format: 'totp-authenticator', encrypted: true });
    const read = await readExport(text, { password: 'open sesame' });
    expect(read.accounts.map((a) => [a.issuer, a.account, a.secret, a.algorithm, a.digits, a.period])).toEqual([
      ['Deno', 'Mason', '4SJHB4GSD43FZBAI7C2HLRJGPQ', 'SHA1', 6, 30],
      ['Hex', 'h', 'JBSWY3DPEHPK3PXP', 'SHA1', 6, 30],
      ['B64', 'b', 'JBSWY3DPEHPK3PXP', 'SHA1', 6, 30],
    ]);
  });

  it("reads a backup made without a password of its own with the app's fixed one, through the CLI", async () => {
    writeFileSync(join(dir, 'backup.txt'), backup(ENTRIES.slice(0, 1), 'TotpAuthenticator'));
    writeFileSync(join(dir, 'pw'), 'TotpAuthenticator\n');
    expect(await cli('import', join(dir, 'backup.txt'), '--password-file', join(dir, 'pw'))).toMatchObject({
      code: 0,
      stderr: 'format: TOTP Authenticator backup (encrypted)',
    });
  });

  it('refuses a wrong password, without naming it, and a malformed key by its entry', async () => {
    const text = backup(ENTRIES, 'right');
    const error = await decryptTotpAuthenticatorBackup(text, 'wrong-one').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPasswordError);
    expect(String(error)).not.toMatch(/wrong-one/);
    await expect(
      decryptTotpAuthenticatorBackup(backup([{ name: 'x', key: 'zz', base: 16 }], 'pw'), 'pw'),
    ).rejects.toThrow(/TOTP Authenticator entry 0: "key" in base 16 cannot be read/);
    await expect(decryptTotpAuthenticatorBackup('QUJD', 'pw')).rejects.toThrow(InvalidMigrationError);
  });
});
