// The trainer's controls: unlock a locked account, the activation wait after Befejezés (on by
// default, as on Ügyfélkapu+), a clock error that cannot be, and a reset that asks first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDemo } from './support.mjs';
import { answer, pause, phone, scanAndType, site, statusOf } from './flows.mjs';

let demo;
let page;

before(async () => {
  demo = await openDemo();
  page = demo.page;
  await pause(page);
});

after(async () => {
  await demo?.close();
});

const loginForm = () => site(page).getByRole('form', { name: 'Belépés' });

test('five wrong passwords lock the account; "Fiók feloldása" opens it again', async () => {
  assert.match(
    await answer(
      page,
      site(page).getByRole('form', { name: 'Regisztráció' }).getByRole('button', { name: 'Regisztráció' }),
    ),
    /Sikeres regisztráció/,
  );
  await loginForm().getByLabel('Jelszó').fill('nem-ez-a-jelszo');
  for (let i = 0; i < 5; i++) await answer(page, loginForm().getByRole('button', { name: 'Belépés', exact: true }));
  await loginForm().getByLabel('Jelszó').fill('Tavaszi-Szel-2025');
  assert.match(await answer(page, loginForm().getByRole('button', { name: 'Ügyfélkapu+ beállítása' })), /helytelen/);
  assert.equal(await site(page).getByRole('img', { name: 'Beállító QR-kód' }).count(), 0, 'locked: no setup');
  await page.getByRole('button', { name: 'Fiók feloldása' }).click();
  await page.locator('section.trainer').getByRole('status').filter({ hasText: 'Feloldva: kovacs.janos' }).waitFor();
  await loginForm().getByRole('button', { name: 'Ügyfélkapu+ beállítása' }).click();
  await site(page).getByRole('img', { name: 'Beállító QR-kód' }).waitFor();
});

test('the activation wait is on by default: a login 30 s after Befejezés is refused, after 2 min it works', async () => {
  assert.equal(await page.getByLabel('Aktiválási várakozás (90 mp)').isChecked(), true);
  await scanAndType(page);
  await site(page).getByRole('button', { name: 'Tovább' }).click();
  await site(page).getByLabel('Törlőkód mentéséről gondoskodtam').check();
  assert.match(await answer(page, site(page).getByRole('button', { name: 'Befejezés' })), /sikeresen befejeződött/);
  await page.getByRole('button', { name: '+30 mp' }).click();
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  assert.match(await answer(page, loginForm().getByRole('button', { name: 'Belépés', exact: true })), /helytelen/);
  await page.getByRole('button', { name: '+2 perc' }).click();
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  assert.match(
    await answer(page, loginForm().getByRole('button', { name: 'Belépés', exact: true })),
    /Sikeres azonosítás/,
  );
});

test('a clock error of 1e12 seconds is refused with a message, and nothing throws', async () => {
  const drift = phone(page, 'A').getByLabel('Óraeltérés (másodperc)');
  await drift.fill('1e12');
  await drift.blur();
  await phone(page, 'A').getByRole('status').filter({ hasText: 'Az óraeltérés egy szám legyen' }).waitFor();
  assert.equal(await drift.inputValue(), '0');
  assert.deepEqual(demo.browser.problems, []);
});

test('"Minden alaphelyzetbe" asks first; Mégse keeps everything, Igen wipes it', async () => {
  await page.getByRole('button', { name: 'Minden alaphelyzetbe' }).click();
  const question = page.getByRole('group', { name: /Biztosan\?/ });
  await question.waitFor();
  assert.equal(await phone(page, 'A').locator('li.account').count(), 1, 'nothing deleted yet');
  await question.getByRole('button', { name: 'Mégse' }).click();
  await page.getByRole('button', { name: 'Minden alaphelyzetbe' }).click();
  assert.equal(await phone(page, 'A').locator('li.account').count(), 1);
  await question.getByRole('button', { name: 'Igen, mindent törlök' }).click();
  await phone(page, 'A').getByText('Még nincs fiók.').waitFor();
  assert.equal(await statusOf(page).textContent(), '');
});
