// Runs the real-browser tests (test/browser/ and the Playwright example in examples/testing/)
// when Debian's Chromium is installed, and says plainly that they were skipped when it is not.
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
console.log(`Browser tests ran in Chromium in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exit(result.status ?? 1);
