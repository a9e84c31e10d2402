// An end-to-end test that logs into a TOTP-protected web app with Playwright, using freshCode so
// the code typed never expires on its way to the server. The app here is totp-lab's own browser
// demo (build it first with `npm run build`); point `appUrl` at yours.
//
// Run: node --test examples/testing/playwright-login.browser.test.mjs
// Needs playwright-core and a Chromium (Debian: apt-get install chromium).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { freshCode } from 'totp-lab/testing';

let server;

/** Starts the demo as a user would (`totp-lab serve --port 0`) and reads its address from the output. */
function startDemo() {
  const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`totp-lab serve exited with ${code}`)));
  });
}
let browser;
let profile;

before(async () => {
  server = await startDemo();
  profile = await mkdtemp(join(tmpdir(), 'totp-lab-example-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
  if (profile) await rm(profile, { recursive: true, force: true });
});

test('register, set up Ügyfélkapu+ by typing the key, and log in with fresh codes', async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(5000);
  await page.goto(server.url);
  const site = page.locator('section.site');
  const status = site.getByRole('status');

  await site.getByRole('form', { name: 'Regisztráció' }).getByRole('button', { name: 'Regisztráció' }).click();
  await status.filter({ hasText: 'Sikeres regisztráció.' }).waitFor();

  // The setup page: read the key as text instead of scanning the QR code.
  await site.getByRole('button', { name: 'Ügyfélkapu+ beállítása' }).click();
  await site.getByRole('button', { name: 'Nem tudom beolvasni a kódot' }).click();
  const secret = (await site.getByTestId('secret-key').textContent()).replace(/\s/g, '');

  // A code with at least 5 seconds left: freshCode waits for the next period when it must.
  const setup = await freshCode(secret, { minRemaining: 5 });
  await site.getByLabel('Az alkalmazásban megjelenő azonosító').fill(setup.code);
  await site.getByRole('button', { name: 'Tovább' }).click();
  await site.getByTestId('deletion-code').waitFor();
  await site.getByLabel('Törlőkód mentéséről gondoskodtam').check();
  await site.getByRole('button', { name: 'Befejezés' }).click();
  await status.filter({ hasText: 'sikeresen befejeződött' }).waitFor();

  // The setup's code is spent (a service refuses a code twice), and, as on Ügyfélkapu+, the factor
  // works 90 s after Befejezés. Rather than wait, move the app's clock on and give freshCode the
  // same view of time.
  await page.getByRole('button', { name: '+2 perc' }).click();
  const appClock = { now: () => Date.now() + 120_000 };
  const login = await freshCode(secret, { clock: appClock, minRemaining: 5 });
  assert.notEqual(login.step, setup.step);
  await site.getByLabel('Mobilalkalmazásban kapott azonosító').fill(login.code);
  await site.getByRole('form', { name: 'Belépés' }).getByRole('button', { name: 'Belépés', exact: true }).click();
  await status.filter({ hasText: 'Sikeres azonosítás.' }).waitFor();
  await site.getByText('Bejelentkezve:').waitFor();
});
