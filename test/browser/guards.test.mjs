// Busy guards, the Befejezés box and stale messages: what a double click or a slow reader meets.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDemo } from './support.mjs';
import { pause, phone, registerAndStartSetup, scanAndType, site, statusOf } from './flows.mjs';

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

test('a double click on Tovább sends the code once, and no red refusal appears above the törlőkód', async () => {
  await registerAndStartSetup(page);
  await scanAndType(page);
  const before = await statusOf(page).evaluate((el) => Number(el.dataset.shown ?? 0));
  // Two clicks in the same task: the second lands before the first answer can redraw the page.
  await site(page)
    .getByRole('button', { name: 'Tovább' })
    .evaluate((button) => {
      button.click();
      button.click();
    });
  await site(page).getByTestId('deletion-code').waitFor();
  // Let a second request, if one was sent, come back.
  await page.waitForTimeout(800);
  assert.equal(await statusOf(page).evaluate((el) => Number(el.dataset.shown ?? 0)), before + 1, 'one answer');
  assert.doesNotMatch(await statusOf(page).getAttribute('class'), /bad/);
});

test('Befejezés stays disabled until the törlőkód box is ticked', async () => {
  const finish = site(page).getByRole('button', { name: 'Befejezés' });
  assert.equal(await finish.isDisabled(), true);
  await site(page).getByLabel('Törlőkód mentéséről gondoskodtam').check();
  assert.equal(await finish.isDisabled(), false);
  await site(page).getByLabel('Törlőkód mentéséről gondoskodtam').uncheck();
  assert.equal(await finish.isDisabled(), true);
});

test('"Fiók hozzáadva." does not stay forever', async () => {
  const added = phone(page, 'A').getByRole('status').filter({ hasText: 'Fiók hozzáadva.' });
  assert.equal(await added.count(), 1);
  await added.waitFor({ state: 'detached', timeout: 12_000 });
  assert.equal(await phone(page, 'A').getByRole('status').textContent(), '');
});
