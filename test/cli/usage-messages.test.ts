import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const URI = `otpauth://totp/Example:alice?secret=${SECRET}&issuer=Example`;
const dir = mkdtempSync(join(tmpdir(), 'totp-lab-cli-usage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectUsage(r: { code: number; stdout: string; stderr: string }, message: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
}

describe('times must say their zone', () => {
  it.each([
    ['code', SECRET],
    ['verify', SECRET, '123456'],
  ])('%s refuses a date-time without Z or an offset', async (...args) => {
    const r = await cli(...args, '--time', '2025-01-16T08:00:00');
    expectUsage(r, /--time needs a time zone: add Z for UTC or an offset/);
  });

  it('takes Z, an offset and Unix seconds as the same instant', async () => {
    const z = await cli('code', SECRET, '--time', '2025-01-16T08:00:00Z');
    const offset = await cli('code', SECRET, '--time', '2025-01-16T09:00:00+01:00');
    const compact = await cli('code', SECRET, '--time', '2025-01-16T09:00:00+0100');
    const unix = await cli('code', SECRET, '--time', String(Date.UTC(2025, 0, 16, 8) / 1000));
    expect(z.code).toBe(0);
    expect(new Set([z.stdout, offset.stdout, compact.stdout, unix.stdout]).size).toBe(1);
  });
});

describe('negative numbers get our own message', () => {
  it('--time -5', async () => {
    const r = await cli('code', SECRET, '--time', '-5');
    expectUsage(r, /--time must be between 0 and .* got "-5"/);
    expect(r.stderr).not.toMatch(/ambiguous/);
  });

  it('--window -1', async () => {
    const r = await cli('verify', SECRET, '123456', '--window', '-1');
    expectUsage(r, /--window must not be negative, got "-1"/);
  });

  it('--digits -6 and --period -30', async () => {
    expectUsage(await cli('code', SECRET, '--digits', '-6'), /--digits must not be negative/);
    expectUsage(await cli('code', SECRET, '--period', '-30'), /--period must not be negative/);
  });
});

describe('messages', () => {
  it('--version prints the package version', async () => {
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    expect(await cli('--version')).toEqual({ code: 0, stdout: version, stderr: '' });
  });

  it('a missing argument is named', async () => {
    expectUsage(await cli('code'), /^totp-lab: code: missing argument <secret\|otpauth-uri> /);
    expectUsage(await cli('verify', SECRET), /^totp-lab: verify: missing argument <code> /);
    expectUsage(await cli('qr'), /^totp-lab: qr: missing argument <text> /);
    expectUsage(await cli('export'), /^totp-lab: export: missing argument: give otpauth:\/\/ URIs or --in FILE /);
  });

  it('a bad base32 character is named in plain words', async () => {
    const r = await cli('code', 'JBSWY3DPEHPK3PX!');
    expectUsage(r, /must be base32 \(letters A-Z and digits 2-7\), the character at position 16 is not one of them/);
  });

  it('an --out-dir that is a file is said in words, not as EEXIST', async () => {
    const file = join(dir, 'aegis.json');
    writeFileSync(file, '{}');
    const r = await cli('export', URI, '--out-dir', file);
    expectUsage(r, /cannot create --out-dir ".*": a file of that name is in the way$/);
    expect(r.stderr).not.toMatch(/E[A-Z]{3,}/);
  });
});

describe('files that hold a secret are readable by their owner only', () => {
  it('qr --out', async () => {
    const file = join(dir, 'setup.png');
    expect((await cli('qr', URI, '--out', file)).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('qr --out over an existing 0644 file', async () => {
    const file = join(dir, 'old.svg');
    writeFileSync(file, 'x', { mode: 0o644 });
    expect((await cli('qr', URI, '--out', file)).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('export --out-dir pictures', async () => {
    const out = join(dir, 'transfer');
    expect((await cli('export', URI, '--out-dir', out)).code).toBe(0);
    const files = readdirSync(out);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(statSync(join(out, f)).mode & 0o777).toBe(0o600);
  });
});
