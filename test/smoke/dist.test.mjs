// Checks the built package as users get it: ESM import, CJS require, and the bin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

for (const [kind, load] of [
  ['ESM', () => import('totp-lab')],
  ['CJS', async () => require('totp-lab')],
]) {
  test(`${kind} build passes the RFC 6238 SHA1 vectors`, async () => {
    const lib = await load();
    assert.equal(lib.generateCode(SEED, { time: 59_000, digits: 8 }), '94287082');
    assert.equal(lib.generateCode(SEED, { time: 1_111_111_109_000, digits: 8 }), '07081804');
    assert.deepEqual(lib.verifyCode(SEED, '94287082', { time: 59_000, digits: 8 }), {
      valid: true,
      delta: 0,
      counter: 1,
    });
    const uri = lib.buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret: SEED });
    assert.equal(lib.parseKeyUri(uri).issuer, 'Ügyfélkapu+');
    assert.throws(
      () => lib.generateCode(SEED, { digits: 12 }),
      (e) => e instanceof lib.TotpLabError && e.code === 'INVALID_ARGUMENT',
    );
  });
}

test('the bin prints codes and uses exit codes 0, 1 and 2', () => {
  const runBin = (...args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const ok = runBin('code', SEED, '--time', '59', '--digits', '8');
  assert.equal(ok.status, 0);
  assert.equal(ok.stdout, '94287082\n');
  assert.equal(runBin('verify', SEED, '000000', '--time', '59').status, 1);
  const bad = runBin('code', SEED, '--digits', 'x');
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.doesNotMatch(bad.stderr, /\bat .*\.js/);
});
