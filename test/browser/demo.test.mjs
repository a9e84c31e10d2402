// The browser demo in a real Chromium: enroll by scanning the site's canvas, log in, replay,
// move to another phone, redeem the törlőkód, switch language, reload, and play a scenario.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDemo, screenshot } from './support.mjs';
import { logout } from './flows.mjs';

let demo;
let page;

before(async () => {
  // Generous: the first scan compiles the QR reader, seconds on a busy machine.
  demo = await openDemo({ timeout: 15_000 });
  page = demo.page;
});

after(async () => {
  await demo?.close();
});

const site = () => page.locator('section.site');
const phone = (name) => page.getByRole('region', { name: `Telefon ${name}`, exact: true });
/** The code phone `name` shows for its only (or first) account, without the space. */
const codeOn = async (name) => (await phone(name).locator('.code').first().textContent()).replace(/\s/g, '');
const loginForm = () => site().getByRole('form', { name: 'Belépés' });

/**
 * Clicks `button` and waits for the site's answer to it: the status line counts its answers, so a
 * message equal to the previous one is not mistaken for the new answer.
 */
async function submit(button, expected) {
  const line = page.locator('section.site > [role=status]');
  const before = await line.evaluate((el) => Number(el.dataset.shown ?? 0));
  await button.click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('section.site > [role=status]')?.dataset.shown ?? 0) > n,
    before,
  );
  const text = await line.textContent();
  if (expected instanceof RegExp) assert.match(text, expected);
  else assert.ok(text.includes(expected), `expected "${expected}", got "${text}"`);
}

async function finishSetup() {
  await site().getByRole('button', { name: 'Tovább' }).click();
  const deletionCode = (await site().getByTestId('deletion-code').textContent()).trim();
  assert.match(deletionCode, /^\d{20}$|^(\d{4} ){4}\d{4}$/);
  await site().getByLabel('Törlőkód mentéséről gondoskodtam').check();
  await submit(site().getByRole('button', { name: 'Befejezés' }), 'sikeresen befejeződött');
  return deletionCode;
}

test('the page loads with its strict CSP and nothing but loopback traffic', async () => {
  const response = await page.request.get(demo.server.url);
  assert.match(response.headers()['content-security-policy'], /default-src 'none'/);
  await page.getByRole('heading', { name: 'Ügyfélkapu+ szimulátor' }).waitFor();
  // Codes must not change under the test's feet: stop the simulated time.
  await page.getByRole('button', { name: 'Idő megállítása' }).click();
  await screenshot(page, '01-start');
});

test('every control has a label, and the keyboard focus is visible', async () => {
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea, button, canvas')]
      .filter(
        (el) =>
          !(el.labels?.length || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent.trim())),
      )
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unlabelled, []);
  assert.equal(await page.locator('div[onclick], span[onclick], [role=button]').count(), 0, 'actions are buttons');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.ok(['BUTTON', 'INPUT', 'SELECT'].includes(focus.tag), focus.tag);
    assert.notEqual(focus.outline, 'none');
    assert.ok(focus.width >= 2);
  }
  // The first control the keyboard reaches is the time control; Enter works it.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Idő indítása');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Idő megállítása' }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Idő indítása' }).waitFor();
});

let firstDeletionCode;
test('register, then enroll phone A by scanning the QR code on the canvas', async () => {
  await submit(
    site().getByRole('form', { name: 'Regisztráció' }).getByRole('button', { name: 'Regisztráció' }),
    'Sikeres regisztráció.',
  );
  await loginForm().getByRole('button', { name: 'Ügyfélkapu+ beállítása' }).click();
  await site().getByRole('img', { name: 'Beállító QR-kód' }).waitFor();
  await site().getByRole('button', { name: 'Nem tudom beolvasni a kódot' }).click();
  assert.match(await site().getByTestId('secret-key').textContent(), /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  await phone('A').getByRole('button', { name: 'Kamera: a weboldal QR-kódja' }).click();
  await phone('A').getByRole('status').filter({ hasText: 'Fiók hozzáadva.' }).waitFor();
  assert.match(await codeOn('A'), /^\d{6}$/);
  await screenshot(page, '02-enroll-qr-scanned');
  await phone('A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  assert.match(await site().getByLabel('Az alkalmazásban megjelenő azonosító').inputValue(), /^\d{6}$/);
  await site().getByRole('button', { name: 'Tovább' }).click();
  await site().getByTestId('deletion-code').waitFor();
  await screenshot(page, '03-deletion-code');
  firstDeletionCode = (await site().getByTestId('deletion-code').textContent()).trim();
  // "Törlőkód mentése" saves it as a text file, made in the page.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    site().getByRole('button', { name: 'Törlőkód mentése' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'torlokod.txt');
  const saved = [];
  for await (const chunk of await download.createReadStream()) saved.push(chunk);
  assert.equal(Buffer.concat(saved).toString('utf8').trim(), firstDeletionCode);
  // Befejezés waits for the acknowledgement.
  assert.equal(await site().getByRole('button', { name: 'Befejezés' }).isDisabled(), true);
  await site().getByLabel('Törlőkód mentéséről gondoskodtam').check();
  await submit(site().getByRole('button', { name: 'Befejezés' }), 'sikeresen befejeződött');
});

let loginCode;
test('log in with the next code, and see the same code refused a second time', async () => {
  // The factor works 90 s after Befejezés (the activation wait), and the setup used this step's code.
  await page.getByRole('button', { name: '+2 perc' }).click();
  loginCode = await codeOn('A');
  await phone('A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  await submit(loginForm().getByRole('button', { name: 'Belépés', exact: true }), 'Sikeres azonosítás.');
  await site().getByText('Bejelentkezve:').waitFor();
  assert.match(await page.getByTestId('typed-step').textContent(), /lépés 0 — elfogadva/);
  await screenshot(page, '04-signed-in');
  await logout(page);
  await loginForm().getByLabel('Mobilalkalmazásban kapott azonosító').fill(loginCode);
  await submit(
    loginForm().getByRole('button', { name: 'Belépés', exact: true }),
    'A felhasználónév vagy a jelszó helytelen',
  );
  assert.match(await page.getByTestId('typed-step').textContent(), /lépés 0 — elutasítva/);
  assert.ok(
    (await page.locator('.ruler .cell.current.used').count()) === 1,
    'the ruler marks the current step as used',
  );
  await screenshot(page, '05-replay-refused');
});

let secondDeletionCode;
test('set up another device (phone B, from an uploaded picture) and see the old phone fail', async () => {
  await page.getByRole('button', { name: '+30 mp' }).click();
  await page.getByLabel('Második telefon').check();
  await phone('B').waitFor();
  await phone('A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  await loginForm().getByRole('button', { name: 'Beállítás másik eszközre' }).click();
  const qr = site().getByRole('img', { name: 'Beállító QR-kód' });
  await qr.waitFor();
  // A photo of the screen: the canvas as a PNG file, uploaded to phone B and decoded there.
  const picture = await qr.screenshot();
  await phone('B')
    .getByLabel('Kép feltöltése')
    .setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: picture });
  await phone('B').getByRole('status').filter({ hasText: 'Fiók hozzáadva.' }).waitFor();
  await phone('B').getByRole('button', { name: 'Beírás az oldalra' }).click();
  secondDeletionCode = await finishSetup();
  assert.notEqual(secondDeletionCode, firstDeletionCode);

  await page.getByRole('button', { name: '+30 mp' }).click();
  await phone('A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  await submit(
    loginForm().getByRole('button', { name: 'Belépés', exact: true }),
    'A felhasználónév vagy a jelszó helytelen',
  );
  assert.match(await page.getByTestId('typed-step').textContent(), /egyik közeli lépéshez sem tartozik/);
  await screenshot(page, '06-old-phone-refused');
  await page.getByRole('button', { name: '+2 perc' }).click();
  await phone('B').getByRole('button', { name: 'Beírás az oldalra' }).click();
  await submit(loginForm().getByRole('button', { name: 'Belépés', exact: true }), 'Sikeres azonosítás.');
});

test('swipe left removes the stale entry from phone A; swipe right renames on phone B', async () => {
  const swipe = async (row, dx) => {
    await row.scrollIntoViewIfNeeded();
    const box = await row.boundingBox();
    const y = box.y + 14;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + dx / 2, y, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + dx, y, { steps: 4 });
    await page.mouse.up();
  };
  await swipe(phone('A').locator('li.account').first(), -140);
  await phone('A').getByRole('button', { name: 'Végleges törlés' }).click();
  await phone('A').getByText('Még nincs fiók.').waitFor();
  await swipe(phone('B').locator('li.account').first(), 140);
  await phone('B').locator('li.account').getByLabel('Fiók neve').fill('janos (új telefon)');
  await phone('B').getByRole('button', { name: 'Mentés' }).click();
  await phone('B').getByText('Ügyfélkapu+: janos (új telefon)').waitFor();
});

test('a reload keeps the accounts, the phones, the time and the replay guard', async () => {
  const before = { b: await codeOn('B'), time: await page.locator('.sim-time').textContent() };
  await page.reload();
  await phone('B').getByText('Ügyfélkapu+: janos (új telefon)').waitFor();
  assert.equal(await codeOn('B'), before.b);
  assert.equal(await page.locator('.sim-time').textContent(), before.time);
  await site().getByText('Bejelentkezve:').waitFor();
  await phone('A').getByText('Még nincs fiók.').waitFor();
  await logout(page);
  // The code just used is still refused after the reload: the replay guard was saved too.
  await loginForm().getByLabel('Mobilalkalmazásban kapott azonosító').fill(before.b);
  await submit(
    loginForm().getByRole('button', { name: 'Belépés', exact: true }),
    'A felhasználónév vagy a jelszó helytelen',
  );
});

test('a phone whose clock is 90 s behind shows a code the service no longer accepts', async () => {
  await page.getByRole('button', { name: '+30 mp' }).click();
  await phone('B').getByLabel('Óraeltérés (másodperc)').fill('-90');
  await phone('B').getByLabel('Óraeltérés (másodperc)').blur();
  await page.locator('.ruler-summary').filter({ hasText: 'Telefon B: lépés -3' }).waitFor();
  await phone('B').getByRole('button', { name: 'Beírás az oldalra' }).click();
  await submit(
    loginForm().getByRole('button', { name: 'Belépés', exact: true }),
    'A felhasználónév vagy a jelszó helytelen',
  );
  assert.match(await page.getByTestId('typed-step').textContent(), /lépés -3 — elutasítva/);
  assert.match(await page.locator('.ruler-summary').textContent(), /Telefon B: lépés -3/);
  await screenshot(page, '07-drift-refused');
  await phone('B').getByLabel('Óraeltérés (másodperc)').fill('0');
  await phone('B').getByLabel('Óraeltérés (másodperc)').blur();
});

test('redeem the törlőkód: the binding goes, the account stays, the code is spent', async () => {
  const form = site().getByRole('form', { name: 'Elveszett telefon: törlőkód' });
  await form.getByLabel('Törlőkód').fill(firstDeletionCode);
  // The törlőkód of the replaced phone stopped working with it.
  await submit(
    form.getByRole('button', { name: 'Kapcsolat törlése törlőkóddal' }),
    'A felhasználónév, a jelszó vagy a megadott törlőkód nem megfelelő.',
  );
  // A wrong törlőkód slows the next try down (1 s, doubling): let it pass.
  await page.getByRole('button', { name: '+30 mp' }).click();
  await form.getByLabel('Törlőkód').fill(secondDeletionCode);
  await submit(
    form.getByRole('button', { name: 'Kapcsolat törlése törlőkóddal' }),
    'A telefonos azonosító kapcsolat törlődött',
  );
  await screenshot(page, '08-deletion-code-redeemed');
  await page.getByRole('button', { name: '+2 perc' }).click();
  await form.getByLabel('Törlőkód').fill(secondDeletionCode);
  await submit(
    form.getByRole('button', { name: 'Kapcsolat törlése törlőkóddal' }),
    /megadott törlőkód nem megfelelő|A felhasználónév vagy a jelszó helytelen/,
  );
  // Set up again from scratch works: the account itself remains.
  await loginForm().getByRole('button', { name: 'Ügyfélkapu+ beállítása' }).click();
  await site().getByRole('img', { name: 'Beállító QR-kód' }).waitFor();
  await site().getByRole('button', { name: 'Mégse' }).click();
});

test('switch to English: the page and the service answer in English, and it sticks', async () => {
  await page.getByLabel('Nyelv:').selectOption('en');
  await page.getByRole('heading', { name: 'Ügyfélkapu+ simulator' }).waitFor();
  await submit(
    page.getByRole('form', { name: 'Log in' }).getByRole('button', { name: 'Log in', exact: true }),
    'The username or the password is incorrect',
  );
  await page.getByLabel('Maintenance').check();
  await submit(
    page.getByRole('form', { name: 'Log in' }).getByRole('button', { name: 'Log in', exact: true }),
    'down for maintenance',
  );
  await screenshot(page, '09-english-maintenance');
  await page.getByLabel('Maintenance').uncheck();
  // A time-out: the request hangs for the service's 30 s of simulated time, then fails.
  await page.getByLabel('Time-out').check();
  const before = await page.locator('.sim-time').textContent();
  await submit(
    page.getByRole('form', { name: 'Log in' }).getByRole('button', { name: 'Log in', exact: true }),
    'The request timed out.',
  );
  await page.waitForFunction((old) => document.querySelector('.sim-time').textContent !== old, before);
  assert.match(await page.locator('.sim-time').textContent(), /\(paused\)/);
  await page.getByLabel('Time-out').uncheck();
  await page.reload();
  await page.getByRole('heading', { name: 'Ügyfélkapu+ simulator' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
});

test('play the replay scenario to the end', async () => {
  await page.getByLabel('Scenario:').selectOption('replay');
  const next = page.getByRole('button', { name: 'Next step' });
  const settled = () =>
    page.waitForFunction(
      () => document.querySelector('[data-result]') || !document.querySelector('.scenarios button.primary').disabled,
    );
  for (let i = 0; i < 20 && (await page.locator('[data-result]').count()) === 0; i++) {
    await next.click();
    await settled();
  }
  assert.equal(await page.locator('[data-result]').getAttribute('data-result'), 'passed');
  assert.equal(await page.locator('[data-check=failed]').count(), 0);
  assert.ok((await page.locator('[data-check=passed]').count()) >= 5);
  await screenshot(page, '10-scenario-replay');
});

test('reset clears everything', async () => {
  await page.getByRole('button', { name: 'Reset everything' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  // Back to the first start: Hungarian, one empty phone, real time, no saved accounts.
  await page.getByRole('heading', { name: 'Ügyfélkapu+ szimulátor' }).waitFor();
  await phone('A').getByText('Még nincs fiók.').waitFor();
  assert.equal(await phone('B').count(), 0);
  await page.reload();
  await phone('A').getByText('Még nincs fiók.').waitFor();
  await submit(
    loginForm().getByRole('button', { name: 'Belépés', exact: true }),
    'A felhasználónév vagy a jelszó helytelen',
  );
  await page.getByRole('button', { name: 'Idő megállítása' }).waitFor();
  assert.deepEqual(demo.browser.foreign, []);
  assert.deepEqual(demo.browser.problems, []);
});
