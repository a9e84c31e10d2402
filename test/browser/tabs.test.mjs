// Two windows of the page (a laptop and a projector) show the same state: a change in one shows
// in the other, a stale window cannot finish a setup again, and a deleted account stays deleted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDemo } from './support.mjs';
import { answer, pause, phone, registerAndStartSetup, scanAndType, site } from './flows.mjs';

let demo;
let laptop;
let projector;

before(async () => {
  demo = await openDemo();
  laptop = demo.page;
  projector = await demo.browser.page();
  projector.setDefaultTimeout(5000);
  await projector.goto(demo.server.url);
});

after(async () => {
  await demo?.close();
});

test('pausing the time on the laptop pauses it on the projector', async () => {
  await pause(laptop);
  await projector.getByRole('button', { name: 'Idő indítása' }).waitFor();
  assert.equal(await projector.locator('.sim-time').textContent(), await laptop.locator('.sim-time').textContent());
});

test('the setup started on the laptop shows on the projector, up to the törlőkód', async () => {
  await registerAndStartSetup(laptop);
  await site(projector).getByRole('img', { name: 'Beállító QR-kód' }).waitFor();
  await scanAndType(laptop);
  await phone(projector, 'A').locator('li.account').waitFor();
  await site(laptop).getByRole('button', { name: 'Tovább' }).click();
  const code = (await site(laptop).getByTestId('deletion-code').textContent()).trim();
  await site(projector).getByTestId('deletion-code').filter({ hasText: code }).waitFor();
});

test('once Befejezés is done on the laptop, the projector cannot finish the setup again', async () => {
  await site(laptop).getByLabel('Törlőkód mentéséről gondoskodtam').check();
  assert.match(await answer(laptop, site(laptop).getByRole('button', { name: 'Befejezés' })), /sikeresen/);
  await site(projector).getByRole('form', { name: 'Belépés' }).waitFor();
  assert.equal(await site(projector).getByRole('button', { name: 'Befejezés' }).count(), 0);
});

test('an account removed on the laptop stays removed when the projector changes something', async () => {
  await phone(laptop, 'A').getByRole('button', { name: 'Törlés' }).click();
  await phone(laptop, 'A').getByRole('button', { name: 'Végleges törlés' }).click();
  await phone(projector, 'A').getByText('Még nincs fiók.').waitFor();
  const before = await laptop.locator('.sim-time').textContent();
  await projector.getByRole('button', { name: '+30 mp' }).click();
  await laptop.waitForFunction((t) => document.querySelector('.sim-time').textContent !== t, before);
  assert.equal(await phone(laptop, 'A').locator('li.account').count(), 0);
  await laptop.reload();
  await phone(laptop, 'A').getByText('Még nincs fiók.').waitFor();
  assert.deepEqual(demo.browser.problems, []);
});
