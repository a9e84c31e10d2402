// The built bin as a real process on bad input: exit 2, one line on stderr, no stack trace, no
// secret echoed, also for the longest single argument Linux passes (128 KiB; the in-process tests use 1 MB) and for input piped to a closed stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const SECRET = 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BAKRUGKIDR';
const run = (...args) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    input: '',
    env: { ...process.env, TOTP_LAB_DEBUG: '' },
  });

function assertRefused(result, what) {
  assert.equal(result.status, 2, `${what}: ${result.stderr}`);
  assert.equal(result.stdout, '', what);
  const lines = result.stderr.replace(/\n$/, '').split('\n');
  assert.equal(lines.length, 1, `${what}: ${result.stderr.slice(0, 300)}`);
  assert.match(lines[0], /^totp-lab: /, what);
  assert.ok(lines[0].length < 400, `${what}: ${lines[0].length} characters`);
  assert.doesNotMatch(result.stderr, /\n\s+at |unexpected error/, what);
  assert.ok(!result.stderr.includes(SECRET.slice(0, 16)), `${what}: the secret was echoed`);
}

test('bad arguments to the real process: exit 2 and one short line', () => {
  const MB = 'x'.repeat(1024 * 1024);
  assertRefused(run('verify', SECRET, '123456', '--digits', '12'), 'verify --digits 12');
  assertRefused(run('code', SECRET, '--time', 'yesterday'), 'code --time yesterday');
  assertRefused(run('code', SECRET, `--${MB.slice(0, 100_000)}`), 'a 100 kB unknown flag');
  assertRefused(run('import', `otpauth-migration://offline?data=${MB.slice(0, 120_000)}`), 'a 120 kB migration URI');
  assertRefused(run('frobnicate'), 'an unknown command');
  assertRefused(run('demo', '--lang', 'xx'), 'demo --lang xx');
});
