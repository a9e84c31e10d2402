// The example relying party (examples/oidc-app, openid-client) signing in through the built
// `totp-lab serve --api --oidc` in Chromium: its pages, the password, the app code, back at the
// app with the claims, and out again; in Hungarian and in English.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { generateCode } from '../../dist/index.js';
import { launchBrowser, screenshot } from './support.mjs';

const TOKEN = 'browser-oidc-control-token-0123456789';
const USER = 'kovacs.janos';
const PASSWORD = 'Tölgyfa-Kilenc-42';
const children = [];

/** Starts a process and resolves with the first match of `pattern` in its output. */
function start(args, env, pattern) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${out}`)));
  });
}

let provider;
let app;
let secret;

async function call(method, path, body) {
  const response = await fetch(provider + path, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return response.json();
}

/** The phone's code on the next step of the frozen simulated clock. */
async function nextCode() {
  const { now } = await call('POST', '/control/clock/advance', { ms: 30_000 });
  return generateCode(secret, { time: now });
}

before(async () => {
  const cli = new URL('../../dist/cli.js', import.meta.url).pathname;
  provider = await start(
    [cli, 'serve', '--api', '--oidc', '--port', '0', '--hash-iterations', '1000'],
    { TOTP_LAB_CONTROL_TOKEN: TOKEN },
    /OpenID Connect: (http:\/\/127\.0\.0\.1:\d+)\/\.well-known\/openid-configuration/,
  );
  await call('POST', '/control/clock/freeze', { frozen: true });
  await call('POST', '/api/register', { username: USER, password: PASSWORD, email: 'janos@example.hu' });
  const started = await call('POST', '/api/enrollment', { username: USER, password: PASSWORD });
  secret = started.secret;
  await call('POST', '/api/enrollment/confirm', { enrollmentId: started.enrollmentId, code: await nextCode() });
  await call('POST', '/api/enrollment/finish', { enrollmentId: started.enrollmentId, deletionCodeSaved: true });
  const server = new URL('../../examples/oidc-app/server.mjs', import.meta.url).pathname;
  app = await start(
    [server],
    { OIDC_ISSUER: provider, OIDC_CLIENT_ID: 'oidc-app', PORT: '0' },
    /oidc-app: (http:\/\/127\.0\.0\.1:\d+)\//,
  );
  const registered = await call('POST', '/control/oidc/clients', {
    client_id: 'oidc-app',
    client_name: 'Mintaalkalmazás',
    redirect_uris: [`${app}/callback`],
    post_logout_redirect_uris: [`${app}/`],
  });
  assert.equal(registered.client_id, 'oidc-app');
});

after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
});

const LANGUAGES = [
  {
    lang: 'hu',
    start: 'Bejelentkezés Ügyfélkapu+-szal',
    signInTo: 'Bejelentkezés ide: Mintaalkalmazás',
    signIn: 'Belépés',
    codeLabel: 'Mobilalkalmazásban kapott azonosító megadása',
    next: 'Tovább',
    refused: 'A felhasználónév vagy a jelszó helytelen',
    signedIn: 'Bejelentkezve',
    signOut: 'Kijelentkezés',
    confirmSignOut: 'Igen, kijelentkezem',
  },
  {
    lang: 'en',
    start: 'Sign in with Ügyfélkapu+',
    signInTo: 'Sign in to Mintaalkalmazás',
    signIn: 'Sign in',
    codeLabel: 'Enter the code from your authenticator app',
    next: 'Continue',
    refused: 'The username or the password is incorrect',
    signedIn: 'Signed in',
    signOut: 'Sign out',
    confirmSignOut: 'Yes, sign me out',
  },
];

for (const t of LANGUAGES) {
  test(`the example app signs in through the simulated Ügyfélkapu+ pages (${t.lang})`, async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.page();
      page.setDefaultTimeout(15_000);
      await page.goto(app);
      await page.getByRole('link', { name: t.start }).click();
      await page.waitForURL(/\/oidc\/login\//);
      assert.equal(await page.getAttribute('html', 'lang'), t.lang);
      assert.ok((await page.textContent('main')).includes(t.signInTo));
      // A wrong password first: the provider's generic refusal, on the same page.
      await page.getByLabel(t.lang === 'hu' ? 'Felhasználónév' : 'Username').fill(USER);
      await page.locator('#password').fill('not-the-password');
      await page.getByRole('button', { name: t.signIn }).click();
      assert.ok((await page.getByRole('alert').textContent()).startsWith(t.refused));
      await page.locator('#password').fill(PASSWORD);
      await page.getByRole('button', { name: t.signIn }).click();
      await page.getByLabel(t.codeLabel).fill(await nextCode());
      await screenshot(page, `oidc-code-page-${t.lang}`);
      await page.getByRole('button', { name: t.next }).click();
      await page.waitForURL(`${app}/`);
      assert.equal(await page.textContent('#user'), USER);
      assert.equal(await page.textContent('#claim-amr'), 'pwd otp mfa');
      assert.equal(await page.textContent('#claim-acr'), 'urn:totp-lab:ugyfelkapu-plus');
      assert.ok((await page.textContent('body')).includes(t.signedIn));
      await screenshot(page, `oidc-app-signed-in-${t.lang}`);
      await page.getByRole('link', { name: t.signOut }).click();
      await page.getByRole('button', { name: t.confirmSignOut }).click();
      await page.waitForURL(`${app}/`);
      assert.equal(await page.locator('#user').count(), 0);
      assert.deepEqual(browser.foreign, []);
      // Chromium logs the refusal page's 401 (the wrong password above); nothing else went wrong.
      assert.deepEqual(
        browser.problems.filter((p) => !p.includes('status of 401')),
        [],
      );
    } finally {
      await browser.close();
    }
  });
}
