// The CLI's side of a move: `import FILE --to FORMAT --report`, `export --report` and `--strict`,
// and the writers it gained (ente, cxf), with Steam Guard accounts among the rest.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAccounts, toAegisVault } from '../../src/index.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'totp-lab-transfer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SECRET = 'JBSWY3DPEHPK3PXP';

const vault = toAegisVault([
  { issuer: 'Bank', account: 'anna', secret: SECRET, note: 'call first', groups: ['Money'] },
  { issuer: 'Mail', account: 'anna', secret: SECRET, digits: 7 },
  { type: 'steam', issuer: 'Steam', account: 'anna', secret: SECRET },
]);
const file = join(dir, 'aegis.json');
writeFileSync(file, JSON.stringify(vault));

describe('import --to FORMAT --report', () => {
  it('says account by account what the move keeps, changes and drops, and prints no secret', async () => {
    const out = await cli('import', file, '--to', 'migration', '--report');
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n')).toEqual([
      'to Google Authenticator transfer (otpauth-migration URIs): 0 of 3 accounts kept whole, 1 changed, 2 dropped',
      'changed  "Bank: anna": note dropped (the format has no notes); group dropped (the format has no groups)',
      'dropped  "Mail: anna": the migration format has no 7-digit codes (only 6 or 8), got digits 7',
      'dropped  "Steam: anna": the migration format has no Steam Guard codes',
    ]);
    expect(out.stdout + out.stderr).not.toContain(SECRET);
  });

  it('gives the report as JSON, and with --strict exits 1 when the move loses anything', async () => {
    const json = await cli('import', file, '--to', 'aegis', '--report', '--json', '--strict');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'aegis', lossless: true, kept: 3 });
    expect((await cli('import', file, '--to', '2fas', '--report', '--strict')).code).toBe(1);
  });

  it('refuses --report without --to, --to without --report, and an unknown format, exit 2', async () => {
    for (const [args, message] of [
      [['--report'], /--report needs --to FORMAT/],
      [['--to', 'aegis'], /--to needs --report/],
      [['--strict'], /--strict needs --report/],
      [
        ['--to', 'keepass', '--report'],
        /--to must be one of migration, uri-list, aegis, aegis-encrypted, 2fas, ente, cxf, got "keepass"/,
      ],
    ] as const) {
      const out = await cli('import', file, ...args);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(message);
    }
  });
});

describe('export --report and --strict', () => {
  it('leaves out what the format cannot carry, naming each, and writes the rest', async () => {
    const out = await cli('export', '--in', file, '--format', 'migration');
    expect(out.code).toBe(0);
    expect(readAccounts(out.stdout).accounts.map((a) => a.issuer)).toEqual(['Bank']);
    expect(out.stderr.split('\n')).toEqual([
      'warning: changed "Bank: anna": note dropped (the format has no notes); group dropped (the format has no groups)',
      'warning: dropped "Mail: anna": the migration format has no 7-digit codes (only 6 or 8), got digits 7',
      'warning: dropped "Steam: anna": the migration format has no Steam Guard codes',
    ]);
  });

  it('--strict refuses a lossy export and writes nothing; a lossless one goes through', async () => {
    const refused = await cli('export', '--in', file, '--format', 'cxf', '--strict');
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(
      /refused \(--strict\): 1 of 3 accounts would not arrive whole as FIDO Credential Exchange/,
    );
    const ente = await cli('export', '--in', file, '--format', 'ente', '--strict', '--report');
    expect(ente.code).toBe(0);
    expect(ente.stderr).toMatch(/to Ente Auth plain export: 3 of 3 accounts kept whole/);
    const back = readAccounts(ente.stdout);
    expect(back.accounts.map((a) => [a.type, a.issuer])).toEqual([
      ['totp', 'Bank'],
      ['totp', 'Mail'],
      ['steam', 'Steam'],
    ]);
    expect(back.details[0]).toEqual({ note: 'call first', groups: ['Money'] });
  });

  it('exports Steam URIs given as arguments to formats that carry them', async () => {
    const steam = `otpauth://steam/Steam:anna?secret=${SECRET}&issuer=Steam`;
    const out = await cli('export', steam, '--format', '2fas');
    expect(out.code).toBe(0);
    expect(readAccounts(out.stdout).accounts[0]).toMatchObject({ type: 'steam', digits: 5 });
    const refused = await cli('export', steam);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /no account can be written as Google Authenticator transfer .*no Steam Guard codes$/,
    );
  });
});
