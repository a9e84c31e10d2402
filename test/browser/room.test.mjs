// Room mode: `totp-lab serve --api` serves the page beside the simulated service. Two browser
// contexts on one server: a participant registers, sets up a phone and logs in through the API;
// the trainer's context (a one-time link in the address's fragment, traded for a control cookie)
// moves the clock and starts an outage, and the participant's page follows. A context without the
// link, with a spent one or with a forged one, has no trainer controls, and the control API
// refuses it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchRoomBrowser, openRoomPerson, screenshot, startServer } from './support.mjs';
import { answer, phone, scanAndType, site, statusOf } from './flows.mjs';

const TOKEN = 'room-trainer-token-0123456789';
let server;
let browser;
const problems = [];
const foreign = [];

before(async () => {
  server = await startServer(['--api', '--control-token', TOKEN, '--hash-iterations', '1']);
  browser = await launchRoomBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** One person's browser in the room; a 401 or 503 the page expects is not a problem. */
const person = (path = '') =>
  openRoomPerson(browser, server.url + path, {
    problems,
    foreign,
    consoleErrors: true,
    expectedConsole: /Failed to load resource: the server responded with a status of (401|503)/,
  });

const controls = ['Idő megállítása', '+30 mp', '+2 perc', 'Fiók feloldása', 'Minden alaphelyzetbe'];
const control = (method, path, body, token = TOKEN) =>
  fetch(new URL(path, server.url), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
    ...(body && { body: JSON.stringify(body) }),
  });

let trainer;
let participant;

/** The server's start-up lines, once all are out. */
async function startUp(running) {
  for (let i = 0; i < 100 && !running.output().includes('Press Ctrl+C'); i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return running.output();
}

/** The one-time trainer link the server printed. */
const trainerLink = (output) =>
  /^Trainer \(one-time link, keep to yourself\): \S+#trainer=([0-9a-f]{64})$/m.exec(output)?.[1];

test('serve --api prints the room address and a one-time trainer link; the token only on its own line', async () => {
  const given = await startUp(server);
  assert.match(given, new RegExp(`^Room \\(participants\\): ${server.url}$`, 'm'));
  assert.match(given, new RegExp(`^Control API: ${server.url}control/ \\(bearer token: <the token you gave>\\)$`, 'm'));
  assert.ok(trainerLink(given), given);
  assert.doesNotMatch(given, new RegExp(TOKEN));
  const generated = await startServer(['--api', '--hash-iterations', '1']);
  try {
    const out = await startUp(generated);
    const token = /\(bearer token: ([a-z2-7]{32})\)$/m.exec(out)?.[1];
    assert.ok(token, out);
    assert.equal(out.split(token).length, 2, 'the generated token is printed once');
    assert.doesNotMatch(out, /#control=/);
  } finally {
    await generated.stop();
  }
});

/** Runs the trainer's `action` on the clock and waits until `page` (a participant) shows the same time. */
async function followTrainer(page, action) {
  const before = await trainer.page.locator('.sim-time').textContent();
  await action();
  // The trainer's page shows the new time once the server has moved its clock.
  await trainer.page.waitForFunction((t) => document.querySelector('.sim-time')?.textContent !== t, before);
  const time = (await trainer.page.locator('.sim-time').textContent()).split(' ')[0];
  // A participant's page reads the server's clock every other second.
  await page.waitForFunction((t) => document.querySelector('.sim-time')?.textContent?.startsWith(t), time, {
    timeout: 10_000,
  });
}

test('the trainer link works once, leaves nothing reusable in the address or history, and gives the controls', async () => {
  const link = trainerLink(server.output());
  trainer = await person(`#trainer=${link}`);
  const { page } = trainer;
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.equal(await page.evaluate(() => location.href), server.url);
  // Nothing the page can read holds a secret: the control cookie is HttpOnly.
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.equal(
    await page
      .evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }))
      .then((s) => s.includes(link)),
    false,
  );
  const cookies = await trainer.context.cookies();
  const cookie = cookies.find((c) => c.name === 'totp_lab_control');
  assert.ok(cookie?.httpOnly && cookie.sameSite === 'Strict' && cookie.path === '/control', JSON.stringify(cookies));
  for (const name of controls) assert.equal(await page.getByRole('button', { name }).count(), 1, name);
  assert.equal(await page.getByLabel('Leállás').count(), 1);
  await page.getByRole('button', { name: 'Idő megállítása' }).click();
  await page.getByRole('button', { name: 'Idő indítása' }).waitFor();
  const clock = await (await fetch(new URL('api/clock', server.url))).json();
  assert.equal(clock.frozen, true, 'the pause reached the server');
  // A reload keeps the controls (the cookie), still with nothing in the address.
  await page.reload();
  await page.getByRole('button', { name: 'Idő indítása' }).waitFor();
  // The same link again, in another browser (what a copy of the history would give): refused.
  const again = await person(`#trainer=${link}`);
  await again.page.locator('section.trainer').getByText('elutasította az oktatói').waitFor();
  for (const name of controls) assert.equal(await again.page.getByRole('button', { name }).count(), 0, name);
  assert.equal((await again.context.cookies()).length, 0);
  await again.context.close();
});

test('a participant has no trainer controls, and the room page may fetch only from its own server', async () => {
  participant = await person();
  const { page } = participant;
  await page.locator('.sim-time').waitFor();
  for (const name of controls) assert.equal(await page.getByRole('button', { name }).count(), 0, name);
  assert.equal(await page.getByLabel('Leállás').count(), 0);
  assert.equal(await page.getByLabel('Második telefon').count(), 1, 'the own phones stay the participant’s');
  const headers = (await page.request.get(server.url)).headers();
  assert.match(headers['content-security-policy'], /connect-src 'self'/);
  assert.match(await page.content(), /connect-src 'self'/);
  assert.doesNotMatch(await page.content(), /connect-src 'none'/);
  // Outside room mode the page still may not connect anywhere.
  const plain = await startServer();
  try {
    const response = await page.request.get(plain.url);
    assert.match(response.headers()['content-security-policy'], /connect-src 'none'/);
    assert.doesNotMatch(await response.text(), /totp-lab-room|connect-src 'self'/);
  } finally {
    await plain.stop();
  }
});

test('the participant sets up a phone through the API; the state lives on the server', async () => {
  const { page } = participant;
  assert.match(
    await answer(
      page,
      site(page).getByRole('form', { name: 'Regisztráció' }).getByRole('button', { name: 'Regisztráció' }),
    ),
    /Sikeres regisztráció/,
  );
  await site(page)
    .getByRole('form', { name: 'Belépés' })
    .getByRole('button', { name: 'Ügyfélkapu+ beállítása' })
    .click();
  await site(page).getByRole('img', { name: 'Beállító QR-kód' }).waitFor();
  await scanAndType(page);
  await site(page).getByRole('button', { name: 'Tovább' }).click();
  await site(page).getByTestId('deletion-code').waitFor();
  await site(page).getByLabel('Törlőkód mentéséről gondoskodtam').check();
  assert.match(await answer(page, site(page).getByRole('button', { name: 'Befejezés' })), /sikeresen befejeződött/);
  const status = await (await control('GET', 'control/accounts/kovacs.janos')).json();
  assert.equal(status.exists, true);
  assert.match(status.secondFactor, /active/);
  await screenshot(page, 'room-participant-setup-done');
});

test("the trainer's clock reaches the participant's phone, and the participant logs in", async () => {
  const { page } = participant;
  const before = await page.locator('.sim-time').textContent();
  await followTrainer(page, () => trainer.page.getByRole('button', { name: '+2 perc' }).click());
  assert.notEqual(await page.locator('.sim-time').textContent(), before);
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  assert.match(
    await answer(
      page,
      site(page).getByRole('form', { name: 'Belépés' }).getByRole('button', { name: 'Belépés', exact: true }),
    ),
    /Sikeres azonosítás/,
  );
  await site(page).getByRole('region', { name: 'Ügyfélkapu beállítások' }).waitFor();
  const me = await page.evaluate(async () => (await fetch('api/me')).json());
  assert.equal(me.username, 'kovacs.janos', 'the session cookie is the server’s');
  await screenshot(page, 'room-participant-signed-in');
});

test("the trainer's outage reaches the participant: a banner, and the login is refused for the fault", async () => {
  const { page } = participant;
  await site(page).getByRole('button', { name: 'Kijelentkezés' }).click();
  await site(page).getByRole('form', { name: 'Belépés' }).waitFor();
  await trainer.page.getByLabel('Leállás').check();
  await page.locator('.fault-banner').filter({ hasText: 'Leállás' }).waitFor({ timeout: 10_000 });
  await followTrainer(page, () => trainer.page.getByRole('button', { name: '+30 mp' }).click());
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  const text = await answer(
    page,
    site(page).getByRole('form', { name: 'Belépés' }).getByRole('button', { name: 'Belépés', exact: true }),
  );
  assert.match(text, /átmenetileg nem érhető el/);
  assert.equal(
    await statusOf(page)
      .getAttribute('class')
      .then((c) => /ok/.test(c ?? '')),
    false,
  );
  await screenshot(page, 'room-participant-outage');
  await trainer.page.getByLabel('Leállás').uncheck();
  await page.locator('.fault-banner').waitFor({ state: 'hidden', timeout: 10_000 });
  await screenshot(trainer.page, 'room-trainer');
});

test("a participant's page in English shows the service's answers in English", async () => {
  const { page } = participant;
  await page.getByLabel('Nyelv:').selectOption('en');
  const login = site(page).getByRole('form', { name: 'Log in' });
  await login.getByLabel('Password').fill('not-the-password');
  assert.match(
    await answer(page, login.getByRole('button', { name: 'Log in', exact: true })),
    /The username or the password is incorrect/,
  );
  await page.getByLabel('Language:').selectOption('hu');
});

test('a forged link gets no controls, and the control API refuses a forged token', async () => {
  const forged = await person(`#trainer=${'0'.repeat(64)}`);
  const { page } = forged;
  assert.equal(await page.evaluate(() => location.hash), '');
  await page.locator('section.trainer').getByText('elutasította az oktatói').waitFor();
  for (const name of controls) assert.equal(await page.getByRole('button', { name }).count(), 0, name);
  const before = await (await fetch(new URL('api/clock', server.url))).json();
  const refused = await page.evaluate(
    async () =>
      (
        await fetch('control/clock/advance', {
          method: 'POST',
          headers: { authorization: 'Bearer forged-token-forged-token-0000', 'content-type': 'application/json' },
          body: JSON.stringify({ ms: 3_600_000 }),
        })
      ).status,
  );
  assert.equal(refused, 401);
  assert.equal((await (await fetch(new URL('api/clock', server.url))).json()).now, before.now);
  await forged.context.close();
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
});
