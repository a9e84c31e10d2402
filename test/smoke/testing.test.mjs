// Checks the built totp-lab/testing entry as users get it, and runs the shell example against the bin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const loginExample = fileURLToPath(new URL('../../examples/testing/login.sh', import.meta.url));

for (const [kind, load] of [
  ['ESM', async () => [await import('totp-lab'), await import('totp-lab/testing')]],
  ['CJS', async () => [require('totp-lab'), require('totp-lab/testing')]],
]) {
  test(`${kind}: totp-lab/testing works and shares its core with totp-lab`, async () => {
    const [lib, testing] = await load();
    assert.equal(
      lib.generateSecret({ random: testing.seededRandom('login-test') }),
      'HDNRRNU2BC5WBK2HINMHJSK4VGJR44TS',
    );
    assert.equal(testing.codeAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000, { digits: 8 }), '94287082');
    const clock = testing.manualClock(29_000);
    assert.deepEqual(await testing.freshCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', { clock }), {
      code: '287082',
      remaining: 30,
      step: 1,
    });
    assert.equal(testing.manualClock, lib.manualClock);
    assert.throws(
      () => testing.codeAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', -1),
      (e) => e instanceof lib.TotpLabError && e.code === 'INVALID_ARGUMENT',
    );
  });
}

test('two processes with the same seed make byte-identical secrets, codes and URIs', () => {
  const script = `
    import { generateSecret, generateCode, buildKeyUri } from 'totp-lab';
    import { seededRandom } from 'totp-lab/testing';
    const secret = generateSecret({ random: seededRandom('two-runs') });
    console.log(JSON.stringify([secret, generateCode(secret, { time: 1e12 }), buildKeyUri({ issuer: 'Ügyfélkapu+', account: 'a', secret })]));`;
  const runOnce = () =>
    spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
  const [a, b] = [runOnce(), runOnce()];
  assert.equal(a.status, 0, a.stderr);
  assert.match(a.stdout, /^\["[A-Z2-7]{32}","\d{6}","otpauth:\/\/totp\//);
  assert.equal(b.stdout, a.stdout);
});

test('the shell example logs in with totp-lab code --min-remaining and verify', () => {
  // Put a `totp-lab` on the PATH that runs the built bin, as npm does for an installed package.
  const dir = mkdtempSync(join(tmpdir(), 'totp-lab-bin-'));
  try {
    const shim = join(dir, 'totp-lab');
    writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "$@"\n`);
    chmodSync(shim, 0o755);
    // Twice: an example runs again and again.
    for (const _ of [1, 2]) {
      const r = spawnSync('bash', [loginExample], {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${dir}${delimiter}${process.env.PATH}` },
      });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^code \d{6}, (\d+) s left\nvalid \(delta \+0, step \d+\)\nlogin ok\n$/);
      assert.ok(Number(/, (\d+) s left/.exec(r.stdout)[1]) >= 5);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
