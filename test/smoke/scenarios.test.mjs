// The built totp-lab/scenarios entry plays a scenario through the built QR camera, as ESM and CJS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

for (const [kind, load] of [
  ['ESM', async () => [await import('totp-lab/scenarios'), await import('totp-lab/qr')]],
  ['CJS', async () => [require('totp-lab/scenarios'), require('totp-lab/qr')]],
]) {
  test(`${kind}: the happy path plays to the end and passes`, async () => {
    const [{ SCENARIOS, runScenario }, { qrCamera }] = await load();
    assert.equal(SCENARIOS.length, 19);
    const report = await runScenario(SCENARIOS[0], { camera: qrCamera, lang: 'hu' });
    assert.equal(report.passed, true);
    assert.ok(report.events.some((e) => e.type === 'qr'));
  });
}
