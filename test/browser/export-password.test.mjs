// An encrypted export file (an Aegis vault) asks for its password in a page field that does not
// echo it, not in window.prompt; the password is not kept anywhere, and a double submit imports once.
// The vault is a real one written by Aegis where the conformance data beside the checkout
// (../shared/interop/exports/) is present; where it is absent, one written by totp-lab's own Aegis
// writer, so that a lone clone still tests the page.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { openDemo } from './support.mjs';
import { phone } from './flows.mjs';

const EXPORTS = new URL('../../../shared/interop/exports/', import.meta.url);
let demo;
let page;
/** { bytes, password, expected }: the vault, its password and the accounts it holds. */
let vault;
const dialogs = [];

async function realVault() {
  const entry = JSON.parse(await readFile(new URL('manifest.json', EXPORTS), 'utf8')).files.find(
    (f) => f.file === 'aegis_encrypted.json',
  );
  return { bytes: await readFile(new URL(entry.file, EXPORTS)), password: entry.password, expected: entry.expected };
}

async function ownVault() {
  console.log('export-password: ../shared/interop/exports/ is absent: the vault is written by totp-lab, not by Aegis');
  const { toEncryptedAegisVault } = await import('../../dist/index.js');
  const expected = [
    { type: 'totp', issuer: 'Ügyfélkapu+', account: 'kovacs.janos', secret: 'JBSWY3DPEHPK3PXP' },
    { type: 'hotp', issuer: 'Példa Kft.', account: 'anna', secret: 'GEZDGNBVGY3TQOJQ', counter: 7, digits: 8 },
  ];
  const password = 'Tölgyfa-Kilenc-42';
  const bytes = Buffer.from(JSON.stringify(await toEncryptedAegisVault(expected, password)));
  return { bytes, password, expected };
}

before(async () => {
  vault = existsSync(new URL('manifest.json', EXPORTS)) ? await realVault() : await ownVault();
  demo = await openDemo({ timeout: 15_000 });
  page = demo.page;
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
});

after(async () => {
  await demo?.close();
});

test('an encrypted export asks for its password in a password field, refuses a wrong one, and imports once on a double submit', async () => {
  const phoneA = phone(page, 'A');
  const status = phoneA.getByRole('status');
  await phoneA.getByLabel('Kép feltöltése').setInputFiles({
    name: 'aegis_encrypted.json',
    mimeType: 'application/json',
    buffer: vault.bytes,
  });
  const field = phoneA.getByLabel('Az exportfájl jelszava');
  await field.waitFor();
  assert.equal(await field.getAttribute('type'), 'password');
  assert.equal(await field.evaluate((el) => el === document.activeElement), true, 'the field has the focus');

  await field.fill(`${vault.password}-wrong`);
  await phoneA.getByRole('button', { name: 'Megnyitás' }).click();
  await status.and(page.locator('.bad')).waitFor();
  assert.equal(await field.inputValue(), '', 'the wrong password is not left in the field');
  assert.equal(await field.isVisible(), true, 'the file stays open for another try');

  await field.fill(vault.password);
  const shown = await status.evaluate((el) => Number(el.dataset.shown ?? 0));
  // Two submits in the same task: the second must not import again (nor try an empty password).
  await phoneA.locator('form.export-password').evaluate((form) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await status.and(page.locator('.ok')).waitFor();
  await page.waitForTimeout(500);
  assert.equal(await status.evaluate((el) => Number(el.dataset.shown ?? 0)), shown + 1, 'one answer');
  // Steam entries are not TOTP or HOTP: the phone skips them with a warning.
  for (const entry of vault.expected.filter((e) => e.type !== 'steam'))
    await phoneA.locator(`[data-account="${entry.issuer}: ${entry.account}"]`).first().waitFor();
  assert.equal(await field.isVisible(), false);
  assert.equal(await field.inputValue(), '');

  // No dialog was opened, and the password is nowhere in the page's storage.
  assert.deepEqual(dialogs, []);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  assert.equal(stored.includes(JSON.stringify(vault.password)), false);
  assert.deepEqual(demo.browser.problems, []);
});
