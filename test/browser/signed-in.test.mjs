// The signed-in page of the page's own mode: after login the site shows "Ügyfélkapu beállítások"
// (not the login forms), where "Beállítás másik eszközre" starts a device change with the current
// phone's code, and Kijelentkezés leads back to the login.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDemo, screenshot } from './support.mjs';
import { answer, finishSetup, logout, pause, phone, registerAndStartSetup, scanAndType, site } from './flows.mjs';

let demo;
let page;

before(async () => {
  demo = await openDemo({ timeout: 8000 });
  page = demo.page;
  await pause(page);
  // The activation wait is not what this test is about.
  await page.getByLabel('Aktiválási várakozás (90 mp)').uncheck();
});

after(async () => {
  await demo?.close();
});

const settings = () => site(page).getByRole('region', { name: 'Ügyfélkapu beállítások' });

test('a login opens the settings page, and only it', async () => {
  await registerAndStartSetup(page);
  await scanAndType(page);
  await finishSetup(page);
  await page.getByRole('button', { name: '+30 mp' }).click();
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  assert.match(
    await answer(
      page,
      site(page).getByRole('form', { name: 'Belépés' }).getByRole('button', { name: 'Belépés', exact: true }),
    ),
    /Sikeres azonosítás/,
  );
  await settings().waitFor();
  assert.match(await settings().textContent(), /Bejelentkezve: kovacs\.janos/);
  assert.match(await site(page).locator('.address-strip').textContent(), /127\.0\.0\.1:\d+\/beallitasok/);
  for (const name of ['Belépés', 'Regisztráció', 'Elveszett telefon: törlőkód'])
    assert.equal(await site(page).getByRole('form', { name }).count(), 0, name);
  await screenshot(page, 'signed-in-settings');
});

test('"Beállítás másik eszközre" on the settings page starts a device change; Mégse goes back to it', async () => {
  await page.getByRole('button', { name: '+30 mp' }).click();
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  assert.match(await settings().getByLabel('Mobilalkalmazásban kapott azonosító').inputValue(), /^\d{6}$/);
  await settings().getByRole('button', { name: 'Beállítás másik eszközre' }).click();
  await site(page).getByRole('img', { name: 'Beállító QR-kód' }).waitFor();
  await site(page).getByRole('heading', { name: 'Beállítás másik eszközre' }).waitFor();
  await site(page).getByRole('button', { name: 'Mégse' }).click();
  await settings().waitFor();
});

test('Kijelentkezés leads back to the login, and a reload keeps it so', async () => {
  await logout(page);
  assert.match(await site(page).getByRole('status').textContent(), /Sikeres kijelentkezés/);
  await page.reload();
  await site(page).getByRole('form', { name: 'Belépés' }).waitFor();
  assert.equal(await settings().count(), 0);
  assert.deepEqual(demo.browser.problems, []);
});
