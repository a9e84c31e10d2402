// Checks the built package's simulated service, as users get it: ESM import and CJS require.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

for (const [kind, load] of [
  ['ESM', () => import('totp-lab')],
  ['CJS', async () => require('totp-lab')],
]) {
  test(`${kind} build: register, enroll, log in, replay refused, törlőkód redeemed`, async () => {
    const lib = await load();
    const clock = lib.manualClock(Date.UTC(2025, 0, 16, 8, 0, 5));
    const provider = lib.createProvider({ clock, hashing: lib.LOW_COST_HASHING_FOR_TESTS });
    const account = { username: 'kovacs.janos', password: 'Tölgyfa-Kilenc-42' };
    assert.equal((await provider.register({ ...account, email: 'janos@example.hu' })).ok, true);
    const started = await provider.startEnrollment(account);
    assert.equal(lib.parseKeyUri(started.keyUri).issuer, 'Ügyfélkapu+');
    const confirmed = await provider.confirmEnrollment({
      enrollmentId: started.enrollmentId,
      code: lib.generateCode(started.secret, { clock }),
    });
    assert.match(confirmed.deletionCode, /^\d{4}( \d{4}){4}$/);
    assert.equal(
      (await provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true })).ok,
      true,
    );
    clock.advance(30_000);
    const code = lib.generateCode(started.secret, { clock });
    assert.equal((await provider.login({ ...account, code })).ok, true);
    const replay = await provider.login({ ...account, code });
    assert.equal(replay.messageKey, 'login.refused');
    assert.equal(replay.message, lib.MESSAGES_HU['login.refused']);
    assert.equal((await provider.redeemDeletionCode({ ...account, deletionCode: confirmed.deletionCode })).ok, true);
  });
}
