// The e-mail second factor and password age in the page: choosing e-mail codes, the inbox with
// the session number the site shows, a login with an e-mailed code that works once (in Hungarian);
// the password warning, the forced change and the lock of a long-expired password (in English).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { leftovers } from './leftovers.mjs';
import { openDemo, screenshot } from './support.mjs';
import { answer, logout, pause, site, statusOf } from './flows.mjs';

let demo;
let page;

before(async () => {
  demo = await openDemo({ timeout: 8000 });
  page = demo.page;
  await pause(page);
});

after(async () => {
  await demo?.close();
});

const inbox = () => page.getByRole('region', { name: /^(Postafiók|Inbox)$/ });
const newestMail = () => inbox().locator('li.mail').first();
const loginForm = (name = 'Belépés') => site(page).getByRole('form', { name });
const sessionOnPage = async (scope) =>
  (await scope.getByTestId('session-number').locator('strong').textContent()).trim();

test('choosing e-mail codes: the mail arrives with the session number the site shows', async () => {
  assert.equal(await inbox().count(), 0, 'no inbox before the first mail');
  assert.match(
    await answer(
      page,
      site(page).getByRole('form', { name: 'Regisztráció' }).getByRole('button', { name: 'Regisztráció' }),
    ),
    /Sikeres regisztráció/,
  );
  await answer(page, loginForm().getByRole('button', { name: 'E-mailes kód választása' }));
  const card = site(page).getByRole('form', { name: 'Ügyfélkapu+ e-mailes kóddal' });
  await card.waitFor();
  const session = await sessionOnPage(card);
  assert.match(session, /^\d{3}$/);
  await inbox().waitFor();
  assert.match(await newestMail().textContent(), new RegExp(`Munkamenet-azonosító: ${session}`));
  assert.match(await newestMail().textContent(), /megerősítő kód/);
  await newestMail().getByRole('button', { name: 'Kód beírása az oldalra' }).click();
  assert.match(await card.getByLabel('E-mailben kapott kód').inputValue(), /^\d{6}$/);
  assert.match(await answer(page, card.getByRole('button', { name: 'Megerősítés' })), /e-mailes kóddal sikeresen/);
  await screenshot(page, 'email-factor-chosen');
});

test('a login with an e-mailed code: the session numbers match, and the code works once', async () => {
  // One code a minute at most.
  await page.getByRole('button', { name: '+2 perc' }).click();
  assert.match(
    await answer(page, loginForm().getByRole('button', { name: 'Kód küldése e-mailben' })),
    /elküldtük e-mailben/,
  );
  const session = await sessionOnPage(loginForm());
  assert.match(await newestMail().textContent(), new RegExp(`Munkamenet-azonosító: ${session}`));
  assert.match(await newestMail().textContent(), /hitelesítő kód/);
  await newestMail().getByRole('button', { name: 'Kód beírása az oldalra' }).click();
  const code = await loginForm().getByLabel('Mobilalkalmazásban kapott azonosító').inputValue();
  assert.match(
    await answer(page, loginForm().getByRole('button', { name: 'Belépés', exact: true })),
    /Sikeres azonosítás/,
  );
  const settings = site(page).getByRole('region', { name: 'Ügyfélkapu beállítások' });
  assert.match(await settings.textContent(), /e-mailben kapott kód/);
  await screenshot(page, 'email-signed-in');
  // The inbox fits a phone-sized screen too.
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling at 390 px');
  await screenshot(page, 'email-inbox-390x844');
  await page.setViewportSize({ width: 1400, height: 1000 });
  const text = await page.evaluate(() => document.body.innerText);
  assert.deepEqual(leftovers(text, 'hu'), []);
  await logout(page);
  await loginForm().getByLabel('Mobilalkalmazásban kapott azonosító').fill(code);
  assert.match(
    await answer(page, loginForm().getByRole('button', { name: 'Belépés', exact: true })),
    /A felhasználónév vagy a jelszó helytelen/,
  );
  assert.match(await page.getByTestId('why-refused').textContent(), /már felhasznált e-mailes kód/);
});

test('the trainer’s late e-mail: the code arrives 5 minutes later on the simulated clock', async () => {
  await page.getByLabel('Késő e-mail (+5 perc)').check();
  await page.getByRole('button', { name: '+2 perc' }).click();
  const before = await inbox().locator('li.mail').count();
  await answer(page, loginForm().getByRole('button', { name: 'Kód küldése e-mailben' }));
  await inbox().getByText('A levél még úton van.').waitFor();
  assert.equal(await inbox().locator('li.mail').count(), before);
  await page.getByRole('button', { name: '+2 perc' }).click();
  await page.getByRole('button', { name: '+2 perc' }).click();
  assert.equal(await inbox().locator('li.mail').count(), before);
  await page.getByRole('button', { name: '+2 perc' }).click();
  await inbox().locator('li.mail').nth(before).waitFor();
  assert.match(
    await newestMail().textContent(),
    new RegExp(`Munkamenet-azonosító: ${await sessionOnPage(loginForm())}`),
  );
  await page.getByLabel('Késő e-mail (+5 perc)').uncheck();
});

test('in English: the warning before expiry, the forced change at expiry, the lock 60 days after', async () => {
  await page.getByLabel('Nyelv:').selectOption('en');
  const form = () => loginForm('Log in');
  const send = () => answer(page, form().getByRole('button', { name: 'E-mail me a code' }));
  // Two years less five days after registration: the warning.
  await page.getByRole('button', { name: '+1 year' }).click();
  for (let i = 0; i < 12; i++) await page.getByRole('button', { name: '+30 days' }).click();
  assert.match(await send(), /We have e-mailed you a verification code/);
  assert.match(await site(page).locator('.password-warning').textContent(), /Your password expires in \d+ days/);
  await screenshot(page, 'email-password-warning');
  // Past two years: the change is forced.
  await page.getByRole('button', { name: '+30 days' }).click();
  assert.match(await send(), /Your password has expired/);
  const change = site(page).getByRole('form', { name: 'Change of password' });
  await change.waitFor();
  // The site in English (the inbox keeps the mails sent in Hungarian earlier, as a real one would).
  assert.deepEqual(leftovers(await site(page).innerText(), 'en'), []);
  await change.getByRole('button', { name: 'Cancel' }).click();
  // More than 60 days past expiry: locked, and only the generic answer.
  await page.getByRole('button', { name: '+30 days' }).click();
  await page.getByRole('button', { name: '+30 days' }).click();
  assert.match(await send(), /The username or the password is incorrect/);
  assert.equal(await change.count(), 0);
  await page.getByRole('button', { name: 'Unlock account' }).click();
  await page.locator('section.trainer').getByRole('status').filter({ hasText: 'Unlocked: kovacs.janos' }).waitFor();
  assert.match(await send(), /Your password has expired/);
  await change.getByLabel('New password').fill('Nyári-Eső-2027');
  assert.match(await answer(page, change.getByRole('button', { name: 'Change the password' })), /has been changed/);
  assert.match(await send(), /We have e-mailed you a verification code/);
  await newestMail().getByRole('button', { name: 'Type the code on the site' }).click();
  assert.match(await answer(page, form().getByRole('button', { name: 'Log in', exact: true })), /Signed in\./);
  assert.doesNotMatch(await statusOf(page).getAttribute('class'), /bad/);
  await screenshot(page, 'email-password-changed-en');
  assert.deepEqual(demo.browser.problems, []);
});

test('in English too: a second account chooses e-mail codes and logs in with one', async () => {
  await logout(page, 'Log out', 'Log in');
  const register = site(page).getByRole('form', { name: 'Register' });
  await register.getByLabel('Username').fill('nagy.anna');
  await register.getByLabel('E-mail address').fill('nagy.anna@example.hu');
  assert.match(await answer(page, register.getByRole('button', { name: 'Register' })), /Registered\./);
  await answer(page, loginForm('Log in').getByRole('button', { name: 'Choose e-mail codes' }));
  const card = site(page).getByRole('form', { name: 'Ügyfélkapu+ with e-mail codes' });
  assert.match(await newestMail().textContent(), new RegExp(`Session number: ${await sessionOnPage(card)}`));
  await newestMail().getByRole('button', { name: 'Type the code on the site' }).click();
  assert.match(await answer(page, card.getByRole('button', { name: 'Confirm' })), /set up with e-mail codes/);
  await page.getByRole('button', { name: '+2 min' }).click();
  assert.match(
    await answer(page, loginForm('Log in').getByRole('button', { name: 'E-mail me a code' })),
    /We have e-mailed you/,
  );
  const session = await sessionOnPage(loginForm('Log in'));
  assert.match(await newestMail().locator('.mail-to').textContent(), /^nagy\.anna@example\.hu$/);
  assert.match(await newestMail().textContent(), new RegExp(`Session number: ${session}`));
  assert.deepEqual(leftovers(await newestMail().innerText(), 'en'), []);
  await newestMail().getByRole('button', { name: 'Type the code on the site' }).click();
  assert.match(
    await answer(page, loginForm('Log in').getByRole('button', { name: 'Log in', exact: true })),
    /Signed in\./,
  );
  assert.match(await site(page).getByRole('region', { name: 'Ügyfélkapu settings' }).textContent(), /a code by e-mail/);
  assert.deepEqual(leftovers(await site(page).innerText(), 'en'), []);
});

test('in Hungarian too: the warning before expiry and the forced change', async () => {
  await logout(page, 'Log out', 'Log in');
  await page.getByLabel('Language:').selectOption('hu');
  // nagy.anna was registered with the password typed last.
  await loginForm().getByLabel('Jelszó').fill('Nyári-Eső-2027');
  const send = () => answer(page, loginForm().getByRole('button', { name: 'Kód küldése e-mailben' }));
  await page.getByRole('button', { name: '+1 év' }).click();
  for (let i = 0; i < 12; i++) await page.getByRole('button', { name: '+30 nap' }).click();
  assert.match(await send(), /elküldtük e-mailben/);
  assert.match(await site(page).locator('.password-warning').textContent(), /Jelszava \d+ nap múlva lejár/);
  await page.getByRole('button', { name: '+30 nap' }).click();
  assert.match(await send(), /Jelszava lejárt/);
  await site(page).getByRole('form', { name: 'Jelszócsere' }).waitFor();
  assert.deepEqual(leftovers(await site(page).innerText(), 'hu'), []);
  await screenshot(page, 'email-password-expired-hu');
  assert.deepEqual(demo.browser.problems, []);
});
