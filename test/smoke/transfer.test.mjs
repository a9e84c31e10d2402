// Checks the transfer formats and the virtual phone in the built package, and the export/import bin commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
// dim13/otpauth's test payload: no batch fields, unspecified enums; 528064 at 2009-11-10T23:00:00Z.
const MIGRATION =
  'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC';

for (const [kind, load] of [
  ['ESM', () => import('totp-lab')],
  ['CJS', async () => require('totp-lab')],
]) {
  test(`${kind} build decodes a migration URI and a phone shows its code`, async () => {
    const lib = await load();
    const { accounts } = lib.decodeMigration(MIGRATION);
    assert.deepEqual(
      [accounts[0].issuer, accounts[0].account, accounts[0].secret],
      ['Example', 'alice@google.com', 'JBSWY3DPEHPK3PXP'],
    );
    const phone = lib.createAuthenticator({ clock: lib.manualClock(Date.parse('2009-11-10T23:00:00Z')) });
    assert.equal(phone.importMigration(MIGRATION).added[0].code, '528064');
    assert.throws(
      () => lib.decodeMigration('otpauth-migration://offline?data=CiA'),
      (e) => e instanceof lib.InvalidMigrationError && e.code === 'INVALID_MIGRATION',
    );
  });
}

test('the bin exports and imports', () => {
  const runBin = (...args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const uri = 'otpauth://totp/Bank:anna?secret=JBSWY3DPEHPK3PXP&issuer=Bank&algorithm=SHA1&digits=6&period=30';
  const exported = runBin('export', uri);
  assert.equal(exported.status, 0);
  const imported = runBin('import', exported.stdout.trim());
  assert.equal(imported.status, 0);
  assert.equal(imported.stdout, `${uri}\n`);
  const bad = runBin('import', 'otpauth-migration://offline?data=*');
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
});
