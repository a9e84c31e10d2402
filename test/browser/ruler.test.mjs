// The time ruler on a phone-sized screen (390×844): no sideways scrolling, markers over the right
// steps, the typed-code line following the current step, faults told apart from refusals, and the
// scenario log's QR steps and check lines in their own style.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDemo, screenshot } from './support.mjs';
import { answer, pause, phone, registerAndStartSetup, scanAndType, site } from './flows.mjs';

let demo;
let page;

before(async () => {
  demo = await openDemo();
  page = demo.page;
  await page.setViewportSize({ width: 390, height: 844 });
  await pause(page);
});

after(async () => {
  await demo?.close();
});

const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
/** The ruler step (−4…+4) under a marker's line. */
const stepUnder = (selector) =>
  page.evaluate((sel) => {
    // The marker's line starts exactly at its time; a pixel more can cross into the next step near its end.
    const x = document.querySelector(sel).getBoundingClientRect().left;
    const cell = [...document.querySelectorAll('.ruler .cell')].find((c) => {
      const r = c.getBoundingClientRect();
      return x >= r.left && x < r.right;
    });
    return cell?.querySelector('.delta').textContent ?? null;
  }, selector);

test('at 390 px nothing scrolls sideways and the markers stand over their steps', async () => {
  assert.ok((await overflow()) <= 0, `overflow ${await overflow()} px`);
  assert.equal(await stepUnder('.marker.server'), '0');
  await phone(page, 'A').getByLabel('Óraeltérés (másodperc)').fill('-60');
  await phone(page, 'A').getByLabel('Óraeltérés (másodperc)').blur();
  await page.locator('.ruler-summary').filter({ hasText: 'Telefon A: lépés -2' }).waitFor();
  assert.equal(await stepUnder('.marker.phone-0'), '-2');
  assert.equal(await stepUnder('.marker.server'), '0');
  assert.ok((await overflow()) <= 0);
  await phone(page, 'A').getByLabel('Óraeltérés (másodperc)').fill('0');
  await phone(page, 'A').getByLabel('Óraeltérés (másodperc)').blur();
  await screenshot(page, 'ruler-390');
});

test('the typed-code line follows the current step as time moves on', async () => {
  await registerAndStartSetup(page);
  await scanAndType(page);
  await site(page).getByRole('button', { name: 'Tovább' }).click();
  await site(page).getByTestId('deletion-code').waitFor();
  assert.match(await page.getByTestId('typed-step').textContent(), /lépés 0 — elfogadva/);
  await page.getByRole('button', { name: '+2 perc' }).click();
  await page.getByTestId('typed-step').filter({ hasText: 'lépés -4' }).waitFor();
  assert.match(await page.getByTestId('typed-step').textContent(), /lépés -4 \(beíráskor: 0\) — elfogadva/);
  assert.equal(await stepUnder('.marker.typed'), '-4');
});

test('a good code during a fault is "not judged", with the reason for the trainer', async () => {
  await site(page).getByLabel('Törlőkód mentéséről gondoskodtam').check();
  assert.match(await answer(page, site(page).getByRole('button', { name: 'Befejezés' })), /sikeresen/);
  await page.getByRole('button', { name: '+2 perc' }).click();
  await page.getByLabel('Karbantartás').check();
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  assert.match(
    await answer(
      page,
      site(page).getByRole('form', { name: 'Belépés' }).getByRole('button', { name: 'Belépés', exact: true }),
    ),
    /karbantartás/,
  );
  const line = await page.getByTestId('typed-step').textContent();
  assert.doesNotMatch(line, /elutasítva/);
  assert.match(line, /lépés 0 — nem bírálta el/);
  assert.match(await page.getByTestId('why-refused').textContent(), /karbantartás/);
  await page.getByLabel('Karbantartás').uncheck();
  assert.ok((await overflow()) <= 0);
});

test('in the scenario log, QR steps and check lines have their own style', async () => {
  await page.getByLabel('Forgatókönyv:').selectOption('happy-path');
  for (let i = 0; i < 40 && (await page.locator('[data-result]').count()) === 0; i++) {
    await page.getByRole('button', { name: 'Következő lépés' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-result]') || !document.querySelector('.scenarios button.primary').disabled,
    );
  }
  const layout = await page.evaluate(() => {
    const li = document.querySelector('.events li canvas').closest('li');
    const box = li.getBoundingClientRect();
    const canvas = li.querySelector('canvas').getBoundingClientRect();
    const caption = li.querySelector('span').getBoundingClientRect();
    const check = document.querySelector('[data-check]');
    return {
      inside: canvas.right <= box.right && canvas.bottom <= box.bottom && canvas.left >= box.left,
      liHeight: box.height,
      captionWidth: caption.width,
      checkDisplay: getComputedStyle(check).display,
    };
  });
  assert.ok(layout.inside, 'the QR stays inside its line');
  assert.ok(layout.liHeight < 160, `the line is ${layout.liHeight} px tall`);
  assert.ok(layout.captionWidth > 150, `the caption is ${layout.captionWidth} px wide`);
  assert.equal(layout.checkDisplay, 'block');
  assert.ok((await overflow()) <= 0);
  assert.deepEqual(demo.browser.problems, []);
  await screenshot(page, 'scenario-log-390');
});
