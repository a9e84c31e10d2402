import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeMigration, encodeMigration, toAegisVault } from '../../src/index.js';
import { cli } from '../support/cli.js';
import { describeShared, readInterop } from '../support/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'totp-lab-transfer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const SECRET = 'JBSWY3DPEHPK3PXP';
const UGY = `otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.janos?secret=${SECRET}&issuer=%C3%9Cgyf%C3%A9lkapu%2B&algorithm=SHA1&digits=6&period=30`;
const HOTP = `otpauth://hotp/counter?secret=${SECRET}&algorithm=SHA256&digits=8&counter=42`;

describe('totp-lab export', () => {
  it('prints migration URIs, one per batch, that decode to the accounts', async () => {
    const result = await cli('export', UGY, HOTP, UGY.replace('kovacs.janos', 'nagy.eva'), '--batch-size', '2');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const uris = result.stdout.split('\n');
    expect(uris).toHaveLength(2);
    const decoded = uris.map(decodeMigration);
    expect(decoded.map((d) => d.batch)).toEqual([
      { version: 1, size: 2, index: 0, id: decoded[0]!.batch.id },
      { version: 1, size: 2, index: 1, id: decoded[0]!.batch.id },
    ]);
    expect(decoded.flatMap((d) => d.accounts.map((a) => a.account))).toEqual(['kovacs.janos', 'counter', 'nagy.eva']);
  });

  it.each([
    [['export'], /^totp-lab: export: missing argument/],
    [['export', UGY, '--batch-size', '0'], /^totp-lab: --batch-size must be from 1 to 1000, got 0$/],
    [['export', UGY, '--batch-size', 'ten'], /^totp-lab: --batch-size must be a whole number, got "ten"$/],
    [['export', UGY, 'otpauth://totp/x'], /^totp-lab: export: argument 2: key URI has no "secret" parameter$/],
    [['export', UGY.replace('period=30', 'period=60')], /no period field.*got period 60$/],
    [['export', UGY.replace('digits=6', 'digits=7')], /7-digit/],
  ])('refuses %j with exit 2 and one line', async (args, message) => {
    const result = await cli(...args);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain(SECRET);
  });

  it('has --help', async () => {
    expect(await cli('export', '--help')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Usage: totp-lab export/),
    });
  });
});

describeShared('totp-lab import of the transfer vectors', ['interop/google-migration-vectors.json'], () => {
  const vectors = readInterop<{
    vectors: Array<{ id: string; uri: string; expected: { accounts: Array<Record<string, unknown>> } }>;
  }>('google-migration-vectors.json').vectors;

  it.each(vectors.map((v) => [v.id, v] as const))('prints the accounts of %s as JSON', async (_id, v) => {
    const result = await cli('import', v.uri, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(v.expected.accounts.map(({ rawName: _raw, ...a }) => a));
  });
});

describe('totp-lab import', () => {
  it('prints key URIs that give back the same accounts', async () => {
    const [uri] = encodeMigration([
      { issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret: SECRET },
      { account: 'counter', secret: SECRET, counter: 42, algorithm: 'SHA256', digits: 8 },
    ]);
    const result = await cli('import', uri!);
    expect(result).toEqual({ code: 0, stdout: `${UGY}\n${HOTP}`, stderr: '' });
  });

  it('reads a file of migration URIs, a URI list and an Aegis vault', async () => {
    const uris = encodeMigration(
      [
        { account: 'a', secret: SECRET },
        { account: 'b', secret: SECRET },
      ],
      { batchSize: 1, batchId: 77 },
    );
    const batches = await cli('import', file('transfer.txt', `${uris[1]}\n${uris[0]}\n`));
    expect(batches).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^otpauth:\/\/totp\/b\?.*\notpauth:\/\/totp\/a\?/),
    });
    const part = await cli('import', uris[1]!);
    expect(part.stderr).toBe('note: this is batch 2 of 2 of export 77; import the other batches too');
    expect(await cli('import', file('list.txt', `# mine\n\n${UGY}\r\n${HOTP}\n`))).toEqual({
      code: 0,
      stdout: `${UGY}\n${HOTP}`,
      stderr: 'format: key-URI list (otpauth:// per line; Aegis/Ente Auth text export)',
    });
    const vault = toAegisVault([
      { issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret: SECRET },
      { account: 'counter', secret: SECRET, counter: 42, algorithm: 'SHA256', digits: 8 },
    ]);
    const steam = { ...vault.db.entries[0]!, type: 'steam', name: 'Steam' };
    const aegis = await cli(
      'import',
      file('aegis.json', JSON.stringify({ ...vault, db: { ...vault.db, entries: [...vault.db.entries, steam] } })),
      '--json',
    );
    expect(aegis.code).toBe(0);
    expect(aegis.stderr).toBe(
      'format: Aegis vault (plain JSON)\nwarning: skipped entry 2 "Ügyfélkapu+: Steam": Steam Guard codes are not TOTP codes',
    );
    expect(JSON.parse(aegis.stdout)).toEqual([
      {
        type: 'totp',
        issuer: 'Ügyfélkapu+',
        account: 'kovacs.janos',
        secret: SECRET,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: null,
      },
      {
        type: 'hotp',
        issuer: null,
        account: 'counter',
        secret: SECRET,
        algorithm: 'SHA256',
        digits: 8,
        period: null,
        counter: 42,
      },
    ]);
  });

  const hostile: Array<[string, () => string, RegExp]> = [
    ['bad base64', () => 'otpauth-migration://offline?data=CjEK*khl', /not valid base64/],
    ['a truncated protobuf', () => 'otpauth-migration://offline?data=CiA', /truncated/],
    [
      'a wrong field type',
      () => 'otpauth-migration://offline?data=CAE',
      /must be length-delimited, got wire type varint/,
    ],
    ['a huge length', () => 'otpauth-migration://offline?data=Cv%2F%2F%2F%2F8PAQ', /claims 4294967295 bytes/],
    ['a missing file', () => join(dir, 'nope.json'), /cannot read ".*nope.json": no such file/],
    ['a directory', () => dir, /is not a file/],
    ['an empty file', () => file('empty.txt', '\n# nothing\n'), /no accounts found in/],
    [
      'a bad line in a list',
      () => file('bad.txt', `${UGY}\nhello\n`),
      /line 2: key URI must start with otpauth:\/\/totp\//,
    ],
    [
      'an encrypted Aegis vault',
      () => file('enc.json', JSON.stringify({ version: 1, header: { slots: [{}], params: {} }, db: 'AAAA' })),
      /Aegis vault \(encrypted JSON\) needs a password/,
    ],
    [
      'binary that is not an image',
      () => file('bin.dat', Uint8Array.from([0, 255, 254, 1])),
      /neither UTF-8 text nor a known image format/,
    ],
    [
      'an image',
      () => file('code.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])),
      /"[^"]*code\.png": not a readable PNG image: the file is cut short/,
    ],
  ];
  it.each(hostile)('refuses %s with exit 2 and one line', async (_what, input, message) => {
    const result = await cli('import', input());
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^totp-lab: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(1);
  });

  it('has --help and is listed', async () => {
    expect(await cli('import', '--help')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Usage: totp-lab import/),
    });
    expect((await cli('--help')).stdout).toMatch(/\n {2}import +read accounts/);
  });
});
