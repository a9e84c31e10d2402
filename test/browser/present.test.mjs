// Presentation mode at 1920×1080: large type, only the panels in use, the ruler in view beside the
// phones, and the reason behind every refusal for the trainer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDemo, screenshot } from './support.mjs';
import { answer, logout, pause, phone, registerAndStartSetup, scanAndType, site } from './flows.mjs';

let demo;
let page;

before(async () => {
  demo = await openDemo();
  page = demo.page;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await pause(page);
});

after(async () => {
  await demo?.close();
});

const login = () =>
  answer(page, site(page).getByRole('form', { name: 'Belépés' }).getByRole('button', { name: 'Belépés', exact: true }));
const why = () => page.getByTestId('why-refused').textContent();

test('"Kivetítés" turns presentation mode on for this window', async () => {
  await page.getByRole('button', { name: 'Kivetítés' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('present')), true);
  assert.equal(await page.getByRole('button', { name: 'Kivetítés' }).getAttribute('aria-pressed'), 'true');
  assert.match(page.url(), /#present$/);
});

test('the setup shown large: codes of 48 px and more, no text under 22 px', async () => {
  await registerAndStartSetup(page);
  await scanAndType(page);
  await site(page).getByRole('button', { name: 'Tovább' }).click();
  await site(page).getByTestId('deletion-code').waitFor();
  const sizes = await page.evaluate(() => {
    const px = (el) => parseFloat(getComputedStyle(el).fontSize);
    const small = [];
    for (const el of document.querySelectorAll('main *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (own && el.getClientRects().length && px(el) < 22)
        small.push(`${el.tagName}.${el.className} ${px(el)}px "${el.textContent.trim().slice(0, 20)}"`);
    }
    return {
      body: px(document.body),
      code: px(document.querySelector('.phone .code')),
      deletion: px(document.querySelector('.deletion-code')),
      small,
    };
  });
  assert.ok(sizes.body >= 22, `body ${sizes.body}px`);
  assert.ok(sizes.code >= 48, `code ${sizes.code}px`);
  assert.ok(sizes.deletion >= 48, `törlőkód ${sizes.deletion}px`);
  assert.deepEqual(sizes.small, []);
  await screenshot(page, 'present-1920-deletion-code');
});

test('only the panels in use; the ruler in view beside the phones', async () => {
  await site(page).getByLabel('Törlőkód mentéséről gondoskodtam').check();
  assert.match(await answer(page, site(page).getByRole('button', { name: 'Befejezés' })), /sikeresen/);
  assert.equal(await page.locator('section.scenarios').isVisible(), false, 'no scenario running');
  assert.equal(await site(page).getByRole('form', { name: 'Regisztráció' }).isVisible(), false, 'registered already');
  assert.equal(await site(page).getByRole('form', { name: 'Elveszett telefon: törlőkód' }).isVisible(), false);
  assert.equal(await page.locator('.notice').isVisible(), false);
  const box = await page.evaluate(() => {
    const r = (sel) => document.querySelector(sel).getBoundingClientRect().toJSON();
    return { ruler: r('section.ruler'), phone: r('section.phone'), site: r('section.site'), scrollY: scrollY };
  });
  assert.equal(box.scrollY, 0);
  assert.ok(box.ruler.bottom <= 1080, `the ruler ends at ${box.ruler.bottom}px`);
  assert.ok(box.ruler.left >= box.site.right, 'beside the site');
  assert.ok(Math.abs(box.ruler.left - box.phone.left) < 2, 'under the phone');
});

test('the trainer sees why: not yet active, replayed, locked, fault', async () => {
  await page.getByRole('button', { name: '+30 mp' }).click();
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  await login();
  assert.match(await why(), /még nem aktív/);
  await page.getByRole('button', { name: '+2 perc' }).click();
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  assert.match(await login(), /Sikeres azonosítás/);
  assert.equal(await page.getByTestId('why-refused').count(), 0);
  await logout(page);
  // The same code again, in the same step.
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  await login();
  assert.match(await why(), /ismételt kód/);
  // On a projector the controls are folded to the time's line: the faults are behind "További vezérlők".
  await page.getByRole('button', { name: 'További vezérlők' }).click();
  await page.getByLabel('Leállás').check();
  await page.getByRole('button', { name: '+30 mp' }).click();
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  await login();
  assert.match(await why(), /leállás/);
  await page.getByLabel('Leállás').uncheck();
  await site(page).getByRole('form', { name: 'Belépés' }).getByLabel('Jelszó').fill('rossz-jelszo');
  for (let i = 0; i < 6; i++) await login();
  assert.match(await why(), /zárolt fiók/);
  await screenshot(page, 'present-1920-why-refused');
  assert.deepEqual(demo.browser.problems, []);
});
