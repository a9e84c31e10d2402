// Hungarian throughout in Hungarian, English throughout in English: the visible text of every
// screen, its error messages and the scenario log are read and checked for the other language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { leftovers } from './leftovers.mjs';
import { openDemo } from './support.mjs';

/** Labels the driver clicks, per language. */
const L = {
  hu: {
    pause: 'Idő megállítása',
    register: 'Regisztráció',
    login: 'Belépés',
    enroll: 'Ügyfélkapu+ beállítása',
    cantScan: 'Nem tudom beolvasni a kódot',
    scan: 'Kamera: a weboldal QR-kódja',
    type: 'Beírás az oldalra',
    next: 'Tovább',
    saved: 'Törlőkód mentéséről gondoskodtam',
    finish: 'Befejezés',
    phone: 'Telefon',
    manual: 'Kulcs kézi megadása',
    key: 'Kulcs',
    add: 'Hozzáadás',
    upload: 'Kép feltöltése',
    webcam: 'Webkamera',
    second: 'Második telefon',
    rename: 'Átnevezés',
    remove: 'Törlés',
    scenario: 'Forgatókönyv:',
    nextStep: 'Következő lépés',
    username: 'Felhasználónév',
  },
  en: {
    pause: 'Pause time',
    register: 'Register',
    login: 'Log in',
    enroll: 'Set up Ügyfélkapu+',
    cantScan: "I can't scan the code",
    scan: "Camera: the site's QR code",
    type: 'Type on the site',
    next: 'Next',
    saved: 'I have saved the deletion code',
    finish: 'Finish',
    phone: 'Phone',
    manual: 'Enter a setup key',
    key: 'Key',
    add: 'Add',
    upload: 'Upload an image',
    webcam: 'Webcam',
    second: 'Second phone',
    rename: 'Rename',
    remove: 'Remove',
    scenario: 'Scenario:',
    nextStep: 'Next step',
    username: 'Username',
  },
};

let demo;
before(async () => {
  demo = await openDemo({ timeout: 8000 });
});
after(async () => {
  await demo?.close();
});

/** Visits every screen in `lang` and returns { screen: leftovers[] } for the screens with any. */
async function visitScreens(page, lang) {
  const l = L[lang];
  const found = {};
  const look = async (screen) => {
    const words = leftovers(await page.evaluate(() => document.body.innerText), lang);
    if (words.length) found[screen] = [...new Set(words)];
  };
  const site = page.locator('section.site');
  const phoneA = page.getByRole('region', { name: `${l.phone} A`, exact: true });
  const answered = async (locator, button) => {
    const before = await locator.evaluate((el) => Number(el.dataset.shown ?? 0));
    await button.click();
    await page.waitForFunction(([el, n]) => Number(el.dataset.shown ?? 0) > n, [await locator.elementHandle(), before]);
  };
  const siteStatus = site.locator(':scope > [role=status]');
  const phoneStatus = phoneA.getByRole('status');
  await page.getByRole('button', { name: l.pause }).click();
  await look('start');
  // Library errors: an empty username, a key that is not base32, a file that is not a picture, no camera.
  await site.getByRole('form', { name: l.register }).getByLabel(l.username).fill('');
  await answered(siteStatus, site.getByRole('form', { name: l.register }).getByRole('button', { name: l.register }));
  await look('register-empty-username');
  await site.getByRole('form', { name: l.register }).getByLabel(l.username).fill('kovacs.janos');
  await phoneA.getByText(l.manual).click();
  await phoneA.getByLabel(l.key, { exact: true }).fill('not base32 at all 1890');
  await answered(phoneStatus, phoneA.getByRole('button', { name: l.add }));
  await look('manual-bad-key');
  await phoneA
    .getByLabel(l.upload)
    .setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: Buffer.from('this is no picture') });
  await page.waitForFunction((el) => el.textContent.length > 0, await phoneStatus.elementHandle());
  await look('upload-not-a-picture');
  await answered(phoneStatus, phoneA.getByRole('button', { name: l.webcam }));
  await look('webcam-missing');
  // The setup, the törlőkód and the signed-in page.
  await answered(siteStatus, site.getByRole('form', { name: l.register }).getByRole('button', { name: l.register }));
  await site.getByRole('form', { name: l.login }).getByRole('button', { name: l.enroll }).click();
  await site.getByRole('button', { name: l.cantScan }).click();
  await phoneA.getByRole('button', { name: l.scan }).click();
  await look('setup-qr');
  await phoneA.getByRole('button', { name: l.type }).click();
  await site.getByRole('button', { name: l.next }).click();
  await site.getByTestId('deletion-code').waitFor();
  await look('deletion-code');
  await site.getByLabel(l.saved).check();
  await answered(siteStatus, site.getByRole('button', { name: l.finish }));
  await look('finished');
  await page.getByLabel(l.second).check();
  await phoneA.getByRole('button', { name: l.rename }).click();
  await look('rename');
  await page.keyboard.press('Escape');
  await page.reload();
  await phoneA.getByRole('button', { name: l.remove }).click();
  await look('remove-confirm');
  return found;
}

/** Plays every scenario to the end and returns { scenario: leftovers[] } for the logs with any. */
async function visitScenarios(page, lang) {
  const l = L[lang];
  const found = {};
  const look = async (screen) => {
    const words = leftovers(await page.locator('section.scenarios').innerText(), lang);
    if (words.length) found[screen] = [...new Set(words)];
  };
  const ids = await page
    .getByLabel(l.scenario)
    .locator('option')
    .evaluateAll((options) => options.map((o) => o.value));
  for (const id of ids) {
    await page.getByLabel(l.scenario).selectOption(id);
    for (let i = 0; i < 40 && (await page.locator('[data-result]').count()) === 0; i++) {
      await page.getByRole('button', { name: l.nextStep }).click();
      await page.waitForFunction(
        () => document.querySelector('[data-result]') || !document.querySelector('.scenarios button.primary').disabled,
      );
    }
    await look(`scenario ${id}`);
  }
  return found;
}

test('the heuristics catch what they are meant to', () => {
  assert.deepEqual(leftovers('"username" must be 1 to 128 printable characters, got ""', 'hu').length > 3, true);
  assert.deepEqual(leftovers('TELEFON old phone · 12 s', 'hu'), ['old', 'phone', '2 s']);
  assert.deepEqual(leftovers('Adjon meg egy felhasználónevet. Ügyfélkapu+ · 12 mp', 'hu'), []);
  assert.deepEqual(leftovers('Log in: the deletion code (törlőkód) · 12 s', 'en'), []);
  assert.deepEqual(leftovers('A kód lejárt', 'en'), ['kód', 'lejárt']);
  assert.deepEqual(leftovers('Kovács János logs in to Ügyfélkapu with “Tovább”', 'en'), []);
});

let english;
test('the Hungarian page shows no English on any screen', async () => {
  assert.deepEqual(await visitScreens(demo.page, 'hu'), {});
});

test('the Hungarian scenario log shows no English', async () => {
  assert.deepEqual(await visitScenarios(demo.page, 'hu'), {});
});

test('the English page shows no Hungarian on any screen', async () => {
  english = await demo.browser.page();
  english.setDefaultTimeout(8000);
  await english.goto(demo.server.url);
  await english.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('totp-lab:demo', JSON.stringify({ lang: 'en' }));
  });
  await english.reload();
  assert.deepEqual(await visitScreens(english, 'en'), {});
});

test('the English scenario log shows no Hungarian', async () => {
  assert.deepEqual(await visitScenarios(english, 'en'), {});
});
