// The trainer's room view: a trainer and two participants in three browser contexts on one service
// (with the real site's activation wait). The trainer sees both participants' stages and, after a
// refusal, its hidden reason and what to tell the participant, within two polls of the room;
// the participants get only the generic refusal. Each participant's inbox holds only their own mail.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchRoomBrowser, openRoomPerson, screenshot, startServer } from './support.mjs';
import { answer, phone, scanAndType, site } from './flows.mjs';

let server;
let browser;
const problems = [];
let trainer;
let anna;
let bela;

before(async () => {
  server = await startServer([
    '--api',
    '--profile',
    'ugyfelkapu',
    '--control-token',
    'room-view-token-0123456789',
    '--hash-iterations',
    '1',
  ]);
  browser = await launchRoomBrowser();
  for (let i = 0; i < 100 && !/#trainer=/.test(server.output()); i++) await new Promise((r) => setTimeout(r, 50));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** One person's browser in the room. */
const person = (path = '') => openRoomPerson(browser, server.url + path, { problems }, { timeout: 15_000 });

/** Registers `name` with an address of their own. */
async function register(page, name) {
  const form = site(page).getByRole('form', { name: 'Regisztráció' });
  await form.getByLabel('Felhasználónév').fill(name);
  await form.getByLabel('E-mail-cím').fill(`${name}@example.hu`);
  assert.match(await answer(page, form.getByRole('button', { name: 'Regisztráció' })), /Sikeres regisztráció/);
}

const row = (name) => trainer.page.locator(`section.room-view tr[data-account="${name}"]`);

test('the trainer sees both participants as they register', async () => {
  const link = /#trainer=([0-9a-f]{64})$/m.exec(server.output())?.[1];
  trainer = await person(`#trainer=${link}`);
  await trainer.page.locator('section.room-view').waitFor();
  anna = await person();
  bela = await person();
  await register(anna.page, 'anna');
  await register(bela.page, 'bela');
  await row('anna').and(trainer.page.locator('[data-stage=registered]')).waitFor();
  await row('bela').and(trainer.page.locator('[data-stage=registered]')).waitFor();
  assert.equal(await anna.page.locator('section.room-view').count(), 0, 'participants have no room view');
});

test('each participant reads only their own mail; the trainer opens either with one click', async () => {
  for (const [who, name] of [
    [anna, 'anna'],
    [bela, 'bela'],
  ]) {
    const login = site(who.page).getByRole('form', { name: 'Belépés' });
    await login.getByLabel('Felhasználónév').fill(name);
    assert.match(await answer(who.page, login.getByRole('button', { name: 'E-mailes kód választása' })), /e-mail/i);
    await who.page.locator('section.inbox li.mail').first().waitFor();
  }
  for (const [who, name] of [
    [anna, 'anna'],
    [bela, 'bela'],
  ]) {
    const to = await who.page.locator('section.inbox .mail-to').allTextContents();
    assert.deepEqual([...new Set(to)], [`${name}@example.hu`], `${name} sees ${to}`);
  }
  // The control cookie is no key to a participant's inbox.
  assert.equal((await trainer.page.request.get(new URL('api/inbox', server.url).href)).status(), 401);
  await row('bela').getByRole('button', { name: 'Levelek: bela' }).click();
  const mail = trainer.page.getByRole('region', { name: 'Levelei: bela' });
  await mail.locator('li.mail').first().waitFor();
  assert.deepEqual([...new Set(await mail.locator('.mail-to').allTextContents())], ['bela@example.hu']);
  // Back to the first page for both: the e-mail setups are left unconfirmed.
  for (const who of [anna, bela]) {
    await site(who.page).getByRole('button', { name: 'Mégse' }).click();
    await site(who.page).getByRole('form', { name: 'Belépés' }).waitFor();
  }
});

test('a refusal: the participant sees the generic refusal, the trainer the hidden reason and the advice', async () => {
  const { page } = anna;
  await site(page)
    .getByRole('form', { name: 'Belépés' })
    .getByRole('button', { name: 'Ügyfélkapu+ beállítása' })
    .click();
  await site(page).getByRole('img', { name: 'Beállító QR-kód' }).waitFor();
  await row('anna').and(trainer.page.locator('[data-stage=qr-shown]')).waitFor();
  await scanAndType(page);
  await site(page).getByRole('button', { name: 'Tovább' }).click();
  await site(page).getByTestId('deletion-code').waitFor();
  await row('anna').and(trainer.page.locator('[data-stage=confirmed]')).waitFor();
  await site(page).getByLabel('Törlőkód mentéséről gondoskodtam').check();
  assert.match(await answer(page, site(page).getByRole('button', { name: 'Befejezés' })), /sikeresen befejeződött/);
  await row('anna').and(trainer.page.locator('[data-stage=deletion-code-saved]')).waitFor();
  // Straight away, within the activation wait: refused, with the one generic text.
  await phone(page, 'A').getByRole('button', { name: 'Beírás az oldalra' }).click();
  const login = site(page).getByRole('form', { name: 'Belépés' });
  const refused = await answer(page, login.getByRole('button', { name: 'Belépés', exact: true }));
  const at = Date.now();
  assert.doesNotMatch(refused, /aktív|Várjon|activation/i);
  const why = row('anna').locator('td.why li[data-reason=activation-pending]');
  await why.first().waitFor();
  console.log(`# the trainer saw the reason ${Date.now() - at} ms after the refusal`);
  assert.match(await row('anna').locator('td.advice').textContent(), /Várjon még \d+/);
  const hidden = (await why.first().textContent()).replace(/^\S+ /, '');
  for (const who of [anna, bela]) {
    assert.equal(await who.page.getByText(hidden).count(), 0, 'the hidden reason stays with the trainer');
    assert.equal(await who.page.getByTestId('why-refused').count(), 0);
  }
  // The participant's steps count the wait down; there is no clock button for them.
  assert.match(await page.locator('.guide li').last().textContent(), /Várjon még \d+ mp-et|aktív/);
  assert.equal(await page.getByRole('button', { name: '+2 perc' }).count(), 0);
  await screenshot(trainer.page, 'room-view-trainer');
  await screenshot(page, 'room-view-participant');
});

test('five wrong passwords lock; one click unlocks', async () => {
  const login = site(bela.page).getByRole('form', { name: 'Belépés' });
  await login.getByLabel('Jelszó').fill('rossz-jelszo');
  for (let i = 0; i < 6; i++) await answer(bela.page, login.getByRole('button', { name: 'Belépés', exact: true }));
  await row('bela').and(trainer.page.locator('[data-stage=locked]')).waitFor();
  await row('bela').getByRole('button', { name: 'Feloldás: bela' }).click();
  await row('bela').and(trainer.page.locator('[data-stage=registered]')).waitFor();
  assert.deepEqual(problems, []);
});
