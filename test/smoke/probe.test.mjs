// The built probe as users get it: probeVerifier from totp-lab/testing (ESM and CJS), reading an
// enrolment that answers a PNG QR code with the built QR reader, and `totp-lab probe` from the bin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

for (const [kind, load] of [
  [
    'ESM',
    async () => Promise.all(['totp-lab', 'totp-lab/testing', 'totp-lab/qr', 'totp-lab/node'].map((m) => import(m))),
  ],
  ['CJS', async () => ['totp-lab', 'totp-lab/testing', 'totp-lab/qr', 'totp-lab/node'].map((m) => require(m))],
]) {
  test(`${kind}: probeVerifier reads a QR code enrolment and reports a stateless verifier`, async () => {
    const [lib, testing, qr, node] = await load();
    const clock = lib.manualClock(Date.UTC(2025, 0, 16, 8, 0, 10));
    const report = await testing.probeVerifier({
      clock,
      language: 'en',
      target: { kind: 'function', verify: (code, a) => lib.verifyCode(a.secret, code, { time: clock.now() }).valid },
      accounts: {
        kind: 'enroll',
        via: {
          kind: 'function',
          enroll: () => qr.renderQr(lib.buildKeyUri({ account: 'a', secret: lib.generateSecret() }), { format: 'png' }),
        },
      },
      decodeImage: node.decodeImage,
      maxWrongCodes: 3,
    });
    assert.equal(report.schema, 'totp-lab.probe/1');
    assert.deepEqual([report.window.behind, report.window.ahead], [1, 1]);
    assert.equal(report.replay.sameStep, 'accepted');
    assert.equal(report.lockout.after, null);
    assert.ok(report.enrolments > 3);
    await assert.rejects(
      testing.probeVerifier({ target: { kind: 'http', request: 'POST http://127.0.0.1:9/v', body: '{}' } }),
      (e) => lib.isTotpLabError(e) && /no \{code\} placeholder/.test(e.message),
    );
  });
}

test('totp-lab probe from the bin: its help, and bad usage as one line with exit 2', () => {
  const help = spawnSync(process.execPath, [bin, 'probe', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: totp-lab probe /);
  const bad = spawnSync(process.execPath, [bin, 'probe', '--verify', 'POST http://127.0.0.1:9/v'], {
    encoding: 'utf8',
  });
  assert.equal(bad.status, 2);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /^totp-lab: the verify request has no \{code\} placeholder[^\n]*\n$/);
});
