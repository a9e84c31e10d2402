// The page as a room sees it: screenshots at 1920×1080, 1366×768 and 390×844 (in test-results/),
// no sideways scrolling, every text colour at 4.5:1 or more against its background, and the
// "Kezdje itt" guide that numbers the first steps and rings the button to press next.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDemo, screenshot } from './support.mjs';
import { answer, logout, pause, phone, site } from './flows.mjs';

const VIEWPORTS = [
  [1920, 1080],
  [1366, 768],
  [390, 844],
];

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

/** Text elements whose colour is under 4.5:1 against the background behind them (WCAG 2.x). */
function lowContrast() {
  return page.evaluate(() => {
    const rgba = (s) => (s.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number).concat(1).slice(0, 4);
    const lum = ([r, g, b]) =>
      [r, g, b]
        .map((c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const over = (top, under) =>
      top
        .slice(0, 3)
        .map((c, i) => c * top[3] + under[i] * (1 - top[3]))
        .concat(1);
    const backgroundOf = (el) => {
      const layers = [];
      for (let x = el; x; x = x.parentElement) {
        const c = rgba(getComputedStyle(x).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const bad = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg, :disabled, [hidden], option')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || !el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
      const fg = rgba(getComputedStyle(el).color);
      const bg = backgroundOf(el);
      const [a, b] = [lum(over(fg, bg)), lum(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < 4.5)
        bad.push(
          `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 24)}" ${ratio.toFixed(2)}`,
        );
    }
    return bad;
  });
}

async function everyViewport(name) {
  for (const [width, height] of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} at ${width}×${height}: ${overflow} px sideways`);
    assert.deepEqual(await lowContrast(), [], `${name} at ${width}×${height}`);
    await page.screenshot({
      path: new URL(`../../test-results/${name}-${width}x${height}.png`, import.meta.url).pathname,
    });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

const guideNow = () => page.locator('.guide li[aria-current=step]').textContent();
const ringed = () => page.locator('.next-action').textContent();

test('the contrast check catches grey on white', async () => {
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'grey';
    p.textContent = 'halvány szöveg';
    p.style.color = '#999';
    document.querySelector('section.site').append(p);
  });
  assert.deepEqual(
    (await lowContrast()).map((line) => line.slice(0, 18)),
    ['p. "halvány szöveg'],
  );
  await page.evaluate(() => document.getElementById('grey').remove());
});

test('the first screen: "Kezdje itt" starts at step 1 and rings Regisztráció', async () => {
  await screenshot(page, 'layout-start');
  assert.match(await guideNow(), /Regisztráljon/);
  assert.equal(await ringed(), 'Regisztráció');
  await everyViewport('start');
});

test('the guide follows the setup step by step', async () => {
  await answer(page, page.locator('.next-action'));
  assert.match(await guideNow(), /Ügyfélkapu\+ beállítása/);
  assert.equal(await ringed(), 'Ügyfélkapu+ beállítása');
  await page.locator('.next-action').click();
  await page.getByRole('img', { name: 'Beállító QR-kód' }).waitFor();
  await page.locator('.guide li[aria-current=step]').filter({ hasText: 'Olvassa be' }).waitFor();
  assert.equal(await ringed(), 'Kamera: a weboldal QR-kódja');
  await everyViewport('setup-qr');
  await page.locator('.next-action').click();
  await page.locator('.guide li[aria-current=step]').filter({ hasText: 'Írja be' }).waitFor();
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  await page.locator('.next-action', { hasText: 'Tovább' }).waitFor();
  await page.locator('.next-action').click();
  await site(page).getByTestId('deletion-code').waitFor();
  await page.locator('.guide li[aria-current=step]').filter({ hasText: 'Törlőkód mentése' }).waitFor();
  assert.equal(await ringed(), 'Törlőkód mentése');
  await everyViewport('deletion-code');
  await site(page).getByLabel('Törlőkód mentéséről gondoskodtam').check();
  await page.locator('.next-action', { hasText: 'Befejezés' }).waitFor();
  await answer(page, site(page).getByRole('button', { name: 'Befejezés' }));
  await page.locator('.guide li[aria-current=step]').filter({ hasText: '90 mp' }).waitFor();
  assert.equal(await ringed(), 'Belépés');
  await page.getByRole('button', { name: '+2 perc' }).click();
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  assert.match(await answer(page, page.locator('.next-action')), /Sikeres azonosítás/);
  await page.locator('.guide-done').waitFor();
  assert.equal(await page.locator('.guide li.done').count(), 7);
  await everyViewport('signed-in');
});

test('a replay, a scenario log and presentation mode pass the same checks', async () => {
  await logout(page);
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  await answer(
    page,
    site(page).getByRole('form', { name: 'Belépés' }).getByRole('button', { name: 'Belépés', exact: true }),
  );
  await page.getByLabel('Forgatókönyv:').selectOption('lost-phone');
  for (let i = 0; i < 40 && (await page.locator('[data-result]').count()) === 0; i++) {
    await page.getByRole('button', { name: 'Következő lépés' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-result]') || !document.querySelector('.scenarios button.primary').disabled,
    );
  }
  await everyViewport('replay-and-scenario');
  await page.getByRole('button', { name: 'Kivetítés' }).click();
  await everyViewport('present');
  assert.deepEqual(demo.browser.problems, []);
});
