// An end-to-end login through a web page with the second factor of the simulated Ügyfélkapu+:
// the account is seeded at start-up (seed.json), and the code comes from the control API on the
// service's own clock, with at least 5 s left, so it cannot expire on its way through the form.
// The page here is totp-lab's own browser demo in room mode; point `lab.url` at your app.
//
// Run: npm run build, then npx vitest run --config examples/playwright/vitest.config.ts
// Needs playwright-core and a Chromium (Debian: apt-get install chromium).
import { expect, test } from './fixtures.js';

test('logs in through the page with a code from the control API', async ({ page, lab }) => {
  await page.goto(lab.url);
  const site = page.locator('section.site');
  const form = site.getByRole('form', { name: 'Belépés' });
  await form.getByLabel('Felhasználónév').fill('kovacs.janos');
  await form.getByLabel('Jelszó').fill('Tölgyfa-Kilenc-42');

  const fresh = await lab.control<{ code: string; step: number }>(
    'GET',
    '/control/accounts/kovacs.janos/code?minRemaining=5',
  );
  await form.getByLabel('Mobilalkalmazásban kapott azonosító').fill(fresh.code);
  await form.getByRole('button', { name: 'Belépés', exact: true }).click();
  await site.getByRole('status').filter({ hasText: 'Sikeres azonosítás.' }).waitFor();

  // The session cookie is the service's, and the service accepted that step.
  const me = await page.evaluate(async () => (await fetch('api/me')).json());
  expect(me.username).toBe('kovacs.janos');
  const guard = await lab.control<{ lastStep: number }>('GET', '/control/accounts/kovacs.janos/last-step');
  expect(guard.lastStep).toBe(fresh.step);
});

test('a replayed code is refused on the page, and works again once the last step is forgotten', async ({
  page,
  lab,
}) => {
  const site = page.locator('section.site');
  const form = site.getByRole('form', { name: 'Belépés' });
  const status = page.locator('section.site > [role=status]');
  const answers = () => status.evaluate((el) => Number((el as HTMLElement).dataset['shown'] ?? 0));
  /** Fills the login form, submits it and returns the page's answer. */
  const login = async (code: string) => {
    await form.getByLabel('Felhasználónév').fill('kovacs.janos');
    await form.getByLabel('Jelszó').fill('Tölgyfa-Kilenc-42');
    await form.getByLabel('Mobilalkalmazásban kapott azonosító').fill(code);
    // The page counts its answers in data-shown: wait for the answer to this click.
    const before = await answers();
    await form.getByRole('button', { name: 'Belépés', exact: true }).click();
    await expect.poll(answers).toBeGreaterThan(before);
    return (await status.textContent()) ?? '';
  };
  const logout = async () => {
    await site.getByRole('button', { name: 'Kijelentkezés' }).click();
    await form.waitFor();
  };

  // The clock stands still, so the step cannot change between the logins.
  await lab.control('POST', '/control/clock/freeze', { frozen: true });
  const { code } = await lab.control<{ code: string }>('GET', '/control/accounts/kovacs.janos/code?minRemaining=5');
  await page.goto(lab.url);
  expect(await login(code)).toContain('Sikeres azonosítás.');
  await logout();
  expect(await login(code)).not.toContain('Sikeres azonosítás.'); // the same step twice (RFC 6238 §5.2)
  await lab.control('DELETE', '/control/accounts/kovacs.janos/last-step');
  expect(await login(code)).toContain('Sikeres azonosítás.');
});
