// Steps several browser tests share: the site's answer to a click, registering, setting up a phone.
import assert from 'node:assert/strict';

export const site = (page) => page.locator('section.site');
export const phone = (page, name, word = 'Telefon') =>
  page.getByRole('region', { name: `${word} ${name}`, exact: true });
export const statusOf = (page) => page.locator('section.site > [role=status]');

/** Clicks `button` and waits for the site's next answer; returns its text. */
export async function answer(page, button) {
  const before = await statusOf(page).evaluate((el) => Number(el.dataset.shown ?? 0));
  await button.click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('section.site > [role=status]')?.dataset.shown ?? 0) > n,
    before,
  );
  return statusOf(page).textContent();
}

/** Pauses the simulated time (Hungarian page), so codes stay put. */
export async function pause(page) {
  await page.getByRole('button', { name: 'Idő megállítása' }).click();
}

/** Registers the default user and opens the setup with its QR code. */
export async function registerAndStartSetup(page) {
  const text = await answer(
    page,
    site(page).getByRole('form', { name: 'Regisztráció' }).getByRole('button', { name: 'Regisztráció' }),
  );
  assert.match(text, /Sikeres regisztráció/);
  await site(page)
    .getByRole('form', { name: 'Belépés' })
    .getByRole('button', { name: 'Ügyfélkapu+ beállítása' })
    .click();
  await site(page).getByRole('img', { name: 'Beállító QR-kód' }).waitFor();
}

/** Phone A scans the site's QR code and types its code into the site. */
export async function scanAndType(page, name = 'A') {
  await phone(page, name).getByRole('button', { name: 'Kamera: a weboldal QR-kódja' }).click();
  await phone(page, name).getByRole('button', { name: 'Beírás az oldalra' }).last().click();
}

/** Tovább, the box, Befejezés: returns the törlőkód. */
export async function finishSetup(page) {
  await site(page).getByRole('button', { name: 'Tovább' }).click();
  const code = (await site(page).getByTestId('deletion-code').textContent()).trim();
  await site(page).getByLabel('Törlőkód mentéséről gondoskodtam').check();
  assert.match(await answer(page, site(page).getByRole('button', { name: 'Befejezés' })), /sikeresen befejeződött/);
  return code;
}

/** Kijelentkezés on the signed-in page; waits for the login form. */
export async function logout(page, button = 'Kijelentkezés', form = 'Belépés') {
  await site(page).getByRole('button', { name: button }).click();
  await site(page).getByRole('form', { name: form }).waitFor();
}
