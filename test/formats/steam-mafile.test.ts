// Steam Guard maFiles: the file Aegis's importer tests read (shared interop data, next.json lists
// it with the account it must give), and the Steam app's own list of them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  detectFormat,
  generateCode,
  InvalidMigrationError,
  parseSteamMaFile,
  readExport,
  type KeyUri,
} from '../../src/index.js';
import { cli } from '../support/cli.js';
import { describeShared, readInterop, readShared } from '../support/shared.js';

/** next.json's entries: a file, its format, and the accounts it must give (all fields, exactly). */
interface NextFile {
  file: string;
  format: string;
  expected: KeyUri[];
}
const dir = mkdtempSync(join(tmpdir(), 'totp-lab-steam-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** next.json's name in the shared folder: files in formats read since manifest.json was written. */
const NEXT = 'interop/exports/next.json';

describeShared('Steam Guard maFile (next.json)', [NEXT], () => {
  const entry = readInterop<{ files: NextFile[] }>('exports/next.json').files.find((f) => f.format === 'steam-mafile')!;
  // The file's own text, exactly as the Steam app wrote it.
  const text = readShared(`interop/exports/${entry.file}`);

  it('is listed, and recognised by its content', () => {
    expect(entry.expected).toHaveLength(1);
    expect(detectFormat(text)).toEqual({
      readable: true,
      format: 'steam',
      name: 'Steam Guard maFile',
      encrypted: false,
    });
  });

  it('reads to exactly the account next.json lists, through the library and the CLI', async () => {
    expect((await readExport(text)).accounts).toEqual(entry.expected);
    const file = join(dir, entry.file);
    writeFileSync(file, text);
    const { code, stdout, stderr } = await cli('import', file, '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: 'format: Steam Guard maFile' });
    expect(JSON.parse(stdout)).toEqual(entry.expected);
  });

  it("gives Steam's 5-character codes, in the CLI's code command too", async () => {
    const [account] = (await readExport(text)).accounts;
    const at = 1_616_374_841_000;
    const expected = generateCode(account!.secret, { encoder: 'steam', time: at });
    expect(expected).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
    const uri = (await cli('import', join(dir, entry.file))).stdout;
    expect(uri).toMatch(/^otpauth:\/\/steam\/Steam:Sophia\?/);
    expect(await cli('code', uri, '--time', String(at / 1000))).toMatchObject({ code: 0, stdout: expected });
    expect(await cli('verify', uri, expected.toLowerCase(), '--time', String(at / 1000))).toMatchObject({ code: 0 });
  });
});

describe("the Steam app's list of maFiles", () => {
  it('gives one account per entry, and refuses a shared_secret that is not base64 by name', () => {
    const one = { shared_secret: 'THIl8+Jl6ugxr8x0X6eRMg==', account_name: 'anna', revocation_code: 'R1' };
    const read = parseSteamMaFile({ accounts: { 1: one, 2: { ...one, account_name: 'béla' } } });
    expect(read.accounts.map((a) => [a.type, a.issuer, a.account, a.digits])).toEqual([
      ['steam', 'Steam', 'anna', 5],
      ['steam', 'Steam', 'béla', 5],
    ]);
    expect(() => parseSteamMaFile({ ...one, shared_secret: 'not base64!' })).toThrow(InvalidMigrationError);
    expect(() => parseSteamMaFile({ ...one, shared_secret: 'not base64!' })).toThrow(
      /"shared_secret" is not valid base64/,
    );
  });
});
