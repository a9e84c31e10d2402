// Runs the real-browser tests (test/browser/, the Playwright example in examples/testing/ and the
// Playwright Test-style kit in examples/playwright/) when Debian's Chromium is installed, and says
// plainly that they were skipped when it is not.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { CHROMIUM } from './support.mjs';

if (!existsSync(CHROMIUM)) {
  console.log(
    `Browser tests SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium to run them; CI installs it).`,
  );
  process.exit(0);
}
const files = [
  ...readdirSync(new URL('.', import.meta.url))
    .filter((f) => f.endsWith('.test.mjs'))
    .map((f) => `test/browser/${f}`),
  ...readdirSync(new URL('../../examples/testing/', import.meta.url))
    .filter((f) => f.endsWith('.browser.test.mjs'))
    .map((f) => `examples/testing/${f}`),
];
const started = Date.now();
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { stdio: 'inherit' });
// The TypeScript kit runs under vitest, whose test.extend gives it Playwright Test-style fixtures.
const vitest = new URL('../../node_modules/vitest/vitest.mjs', import.meta.url).pathname;
const kit = spawnSync(process.execPath, [vitest, 'run', '--config', 'examples/playwright/vitest.config.ts'], {
  stdio: 'inherit',
});
console.log(`Browser tests ran in Chromium in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exit([result, kit].every((r) => r.status === 0) ? 0 : 1);
