// Presentation mode on a projector at 1366×768 and at 1920×1080: the site and the phone above the
// fold, the QR code wholly in view, the trainer's controls on one line, and no element that
// overflows its box or leaves the screen: no clipped label, the countdown inside its ring, no word
// of the ruler broken over two lines, no marker over a step's time, and every control named.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDemo } from './support.mjs';
import { pause, registerAndStartSetup, scanAndType } from './flows.mjs';

const SCREENS = [
  [1366, 768],
  [1920, 1080],
];

let demo;
let page;

before(async () => {
  demo = await openDemo({ timeout: 15_000 });
  page = demo.page;
  await pause(page);
  await page.getByRole('button', { name: 'Kivetítés' }).click();
});

after(async () => {
  await demo?.close();
});

/** Everything presentation mode gets wrong, as readable lines (empty when all is well). */
function layoutProblems() {
  return page.evaluate(() => {
    const bad = [];
    const name = (el) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 30)}"`;
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const inside = (a, b) =>
      a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
    for (const el of document.querySelectorAll('#app *')) {
      if (!visible(el) || el.closest('svg, option, .mails, details:not([open]) > :not(summary)')) continue;
      const r = el.getBoundingClientRect();
      if (r.left < -1 || r.right > innerWidth + 1) bad.push(`leaves the screen: ${name(el)}`);
      // Text cut off inside its own box (a label, a button, a cell).
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (own && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 2) && el.clientWidth > 0)
        if (getComputedStyle(el).overflow !== 'visible' || el.matches('label, button'))
          bad.push(`clipped: ${name(el)}`);
      const panel = el.parentElement?.closest('.panel');
      if (panel && !inside(r, panel.getBoundingClientRect())) bad.push(`outside its panel: ${name(el)}`);
    }
    for (const ring of document.querySelectorAll('.ring')) {
      const seconds = ring.querySelector('.ring-seconds').getBoundingClientRect();
      const circle = ring.querySelector('circle').getBoundingClientRect();
      // Inside the ring's hole: the circle's box less the stroke.
      const hole = { left: circle.left + 4, right: circle.right - 4, top: circle.top + 4, bottom: circle.bottom - 4 };
      if (!inside(seconds, hole)) bad.push('the countdown leaves its ring');
    }
    for (const span of document.querySelectorAll('.ruler .cell span'))
      if (visible(span) && span.getClientRects().length > 1) bad.push(`a ruler word broken: ${name(span)}`);
    const times = [...document.querySelectorAll('.ruler .cell .start')]
      .filter(visible)
      .map((s) => s.getBoundingClientRect());
    for (const marker of document.querySelectorAll('.ruler .marker span')) {
      const m = marker.getBoundingClientRect();
      if (times.some((t) => m.left < t.right && m.right > t.left && m.top < t.bottom && m.bottom > t.top))
        bad.push(`a marker over a step's time: ${name(marker)}`);
    }
    for (const control of document.querySelectorAll('button, input, select'))
      if (
        visible(control) &&
        !(control.labels?.[0]?.textContent.trim() || control.getAttribute('aria-label') || control.textContent.trim())
      )
        bad.push(`a control without a name: ${control.outerHTML.slice(0, 80)}`);
    return bad;
  });
}

async function everyScreen(step) {
  for (const [width, height] of SCREENS) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => scrollTo(0, 0));
    const where = await page.evaluate(() => {
      const box = (sel) => document.querySelector(sel)?.getBoundingClientRect().toJSON() ?? null;
      const controls = [...document.querySelectorAll('.trainer .controls > *')].filter(
        (e) => e.getClientRects().length,
      );
      return {
        site: box('section.site .card'),
        phone: box('section.phone .phone-head'),
        qr: box('canvas.qr'),
        code: box('section.phone .code'),
        lines: new Set(controls.map((e) => Math.round(e.getBoundingClientRect().top))).size,
        trainerHeight: box('section.trainer').height,
      };
    });
    const label = `${step} at ${width}×${height}`;
    assert.ok(where.site.top < height, `${label}: the site starts below the fold`);
    assert.ok(where.phone.bottom <= height, `${label}: the phone's head is below the fold`);
    if (where.qr)
      assert.ok(where.qr.top >= 0 && where.qr.bottom <= height, `${label}: the QR code is cut (${where.qr.bottom})`);
    if (where.code) assert.ok(where.code.bottom <= height, `${label}: the phone's code is below the fold`);
    assert.equal(where.lines, 1, `${label}: the trainer's controls take ${where.lines} lines`);
    assert.deepEqual(await layoutProblems(), [], label);
    await page.screenshot({
      path: new URL(`../../test-results/projector-${step}-${width}x${height}.png`, import.meta.url).pathname,
    });
  }
}

test("outside presentation mode too, no marker is drawn over a step's time", async () => {
  await page.getByRole('button', { name: 'Kivetítés' }).click();
  await page.setViewportSize({ width: 1366, height: 768 });
  const covered = await page.evaluate(() =>
    [...document.querySelectorAll('.ruler .cell .start')].flatMap((start) => {
      const r = start.getBoundingClientRect();
      start.scrollIntoView({ block: 'center' });
      const box = start.getBoundingClientRect();
      // Points across the whole text: a marker's line may cross it anywhere.
      return [0.1, 0.3, 0.5, 0.7, 0.9].flatMap((f) => {
        const hit = document.elementFromPoint(box.left + box.width * f, box.top + box.height / 2);
        return r.width > 0 && !start.contains(hit) ? [`${start.textContent} under ${hit?.className}`] : [];
      });
    }),
  );
  assert.deepEqual(covered, []);
  await page.getByRole('button', { name: 'Kivetítés' }).click();
});

test('the check finds a clipped label', async () => {
  await page.evaluate(() => {
    const label = document.querySelector('section.site label');
    label.id = 'squeezed';
    label.style.cssText = 'display:block;width:20px;overflow:hidden;white-space:nowrap';
  });
  assert.ok((await layoutProblems()).some((line) => line.startsWith('clipped: label')));
  await page.evaluate(() => document.getElementById('squeezed').removeAttribute('style'));
});

test('the first screen, the QR code and the phone with its code fit a projector', async () => {
  await everyScreen('start');
  await registerAndStartSetup(page);
  await everyScreen('qr');
  await scanAndType(page);
  await everyScreen('code');
  assert.deepEqual(demo.browser.problems, []);
});
