// Zipped exports: Proton Pass (data.json inside, laid out as Proton Pass writes it and as the
// importers of Aegis and Bitwarden read it), Authenticator Plus (a password-protected zip with
// Accounts.txt), other zips, and hostile ones: bombs, lying sizes, too many entries, damage.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  detectExport,
  detectFormat,
  InvalidMigrationError,
  readExport,
  UnsupportedFormatError,
  createAuthenticator,
  manualClock,
} from '../../src/index.js';
import { cli } from '../support/cli.js';
import { buildZip } from './zip-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'totp-lab-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const utf8 = (text: string) => new TextEncoder().encode(text);

const login = (name: string, totpUri: string, extra: Record<string, unknown> = {}) => ({
  itemId: `id-${name}`,
  shareId: 'share',
  state: 1,
  data: {
    metadata: { name, note: '', itemUuid: 'u' },
    extraFields: [],
    type: 'login',
    content: { itemEmail: 'anna@example.com', password: 'x', urls: [], totpUri, passkeys: [], itemUsername: '' },
  },
  aliasEmail: null,
  contentFormatVersion: 6,
  createTime: 1700000000,
  modifyTime: 1700000000,
  pinned: false,
  ...extra,
});
const protonPass = {
  version: '1.21.2',
  userId: 'user',
  encrypted: false,
  vaults: {
    a: {
      name: 'Personal',
      description: '',
      display: { color: 0, icon: 0 },
      items: [
        login(
          'GitHub',
          'otpauth://totp/GitHub:anna?secret=JBSWY3DPEHPK3PXP&issuer=GitHub&algorithm=SHA1&digits=6&period=30',
        ),
        {
          ...login('Bank', 'JBSWY3DPEHPK3PXP'),
          data: {
            ...login('Bank', '').data,
            metadata: { name: 'Bank', note: 'call first' },
            content: { itemUsername: 'anna', totpUri: 'JBSWY3DPEHPK3PXP' },
          },
        },
        login('No TOTP', ''),
        { itemId: 'n', data: { type: 'note', metadata: { name: 'A note' }, content: {} } },
      ],
    },
    b: { name: 'Work', items: [login('Old', 'otpauth://totp/Old:x?secret=JBSWY3DP', { state: 2 })] },
  },
};
const protonZip = () => buildZip([{ name: 'Proton Pass/data.json', data: utf8(JSON.stringify(protonPass)) }]);

describe('Proton Pass export (zip)', () => {
  it('is named for what it holds, where the quick check only says "zip"', async () => {
    expect(detectFormat(protonZip())).toMatchObject({ readable: false, format: 'zip' });
    expect(await detectExport(protonZip())).toEqual({
      readable: true,
      format: 'proton-pass',
      name: 'Proton Pass export (zip)',
      encrypted: false,
    });
  });

  it("reads its login items' TOTP, with notes and vault names, and skips what is in the trash", async () => {
    const read = await readExport(protonZip());
    expect(read.accounts.map((a) => [a.issuer, a.account, a.secret])).toEqual([
      ['GitHub', 'anna', 'JBSWY3DPEHPK3PXP'],
      ['Bank', 'anna', 'JBSWY3DPEHPK3PXP'],
    ]);
    expect(read.details).toEqual([{ groups: ['Personal'] }, { note: 'call first', groups: ['Personal'] }]);
    expect(read.skipped).toEqual([{ index: 2, name: 'Old', reason: "in Proton Pass's trash" }]);
  });

  it('imports on a phone and through the CLI, a stored (uncompressed) entry too', async () => {
    const stored = buildZip([{ name: 'Proton Pass/data.json', data: utf8(JSON.stringify(protonPass)), method: 0 }]);
    const phone = createAuthenticator({ clock: manualClock(0) });
    expect((await phone.importFile(stored)).added).toHaveLength(2);
    writeFileSync(join(dir, 'pass.zip'), protonZip());
    expect(await cli('import', join(dir, 'pass.zip'))).toMatchObject({
      code: 0,
      stderr: 'format: Proton Pass export (zip)\nwarning: skipped entry 2 "Old": in Proton Pass\'s trash',
    });
  });
});

describe('other zips', () => {
  it('an Authenticator Plus backup is named, with how to open it', async () => {
    const zip = buildZip([
      { name: 'Accounts.txt', data: utf8('otpauth://totp/a?secret=JBSWY3DP'), encrypted: true, method: 99 },
    ]);
    const found = await detectExport(zip);
    expect(found).toMatchObject({ readable: false, format: 'authenticator-plus', encrypted: true });
    const error = await readExport(zip, { password: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFormatError);
    expect(String(error)).toMatch(/Authenticator Plus backup .*import the Accounts\.txt inside/);
    writeFileSync(join(dir, 'plus.zip'), zip);
    const out = await cli('import', join(dir, 'plus.zip'));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /^totp-lab: import: .*plus\.zip": Authenticator Plus backup \(password-protected zip\) cannot be read here; open it/,
    );
  });

  it('a zip of something else is named by its files', async () => {
    const zip = buildZip([
      { name: 'photo.jpg', data: new Uint8Array(10) },
      { name: 'notes.txt', data: utf8('hi') },
    ]);
    expect(await detectExport(zip)).toMatchObject({
      readable: false,
      name: 'a zip archive holding "photo.jpg", "notes.txt"',
    });
  });
});

describe('hostile zips', () => {
  it('a bomb stops at the size limit, whatever size it claims', async () => {
    // 40 MB of zeros deflates to about 40 KB; the archive claims 100 bytes.
    const bomb = buildZip([
      { name: 'Proton Pass/data.json', data: new Uint8Array(40 * 1024 * 1024), claimedSize: 100 },
    ]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await readExport(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidMigrationError);
    expect(String(error)).toMatch(/inflates to more than 10000000 bytes/);
  });

  it('more than 1000 entries, damage and truncation are refused in one line', async () => {
    const many = buildZip(
      Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(1), method: 0 })),
    );
    await expect(detectExport(many)).rejects.toThrow(/more than 1000 entries/);
    const good = protonZip();
    for (const bad of [good.subarray(0, good.length - 30), good.subarray(0, 40)]) {
      const error = await readExport(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidMigrationError);
      expect(String(error).split('\n')).toHaveLength(1);
    }
  });
});
