// The sign-in pages: every refusal, throttle, lockout, activation delay, fault and password-age rule
// is the provider's, shown in Hungarian by default and in English when asked.
import * as client from 'openid-client';
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES_EN, MESSAGES_HU, generateCode } from '../../src/index.js';
import {
  EMAIL,
  PASSWORD,
  REDIRECT,
  USER,
  UserAgent,
  alerts,
  authorization,
  enroll,
  formAction,
  relyingParty,
  signIn,
  startLab,
  type OidcLab,
  type Seen,
} from './support.js';

let lab: OidcLab;
afterEach(async () => lab?.close());

const GENERIC_HU = MESSAGES_HU['login.refused'];
const GENERIC_EN = MESSAGES_EN['login.refused'];

/** A relying party and a user agent at the password page. */
async function atPasswordPage(extra: Record<string, string> = {}) {
  const config = await relyingParty(lab);
  const request = await authorization(config, extra);
  const agent = new UserAgent();
  const page = await agent.get(request.url);
  return { config, request, agent, page };
}

const submitPassword = (agent: UserAgent, page: Seen, username: string, password: string) =>
  agent.post(page.url, formAction(page, '/password'), { username, password });

/** The page with the interaction's own parts (its uid) taken out, to compare two pages. */
const shape = (page: Seen) => page.html.replace(/\/oidc\/login\/[A-Za-z0-9_-]+/g, '/oidc/login/UID');

describe('the password page', () => {
  it('is a plain Hungarian form with username and password fields, and no script', async () => {
    lab = await startLab();
    const { page } = await atPasswordPage();
    expect(page.status).toBe(200);
    expect(page.url).toMatch(/\/oidc\/login\/[A-Za-z0-9_-]+$/);
    expect(page.html).toContain('<html lang="hu">');
    expect(page.html).toContain('name="username"');
    expect(page.html).toContain('name="password" type="password"');
    expect(page.html).toContain('Bejelentkezés ide: test-app');
    expect(page.html).not.toMatch(/<script/i);
  });

  it('gives a locked account the same generic refusal page as a wrong password or an unknown user', async () => {
    lab = await startLab();
    await enroll(lab);
    await enroll(lab, 'nagy.eva');
    // Five wrong passwords lock the account.
    for (let i = 0; i < 5; i++) await lab.provider.verifyPassword({ username: 'nagy.eva', password: 'wrong' });
    expect((await lab.provider.accountStatus('nagy.eva')).locked).toBe(true);
    const pages: Seen[] = [];
    for (const [username, password] of [
      ['nagy.eva', PASSWORD],
      [USER, 'wrong-password'],
      ['nobody.here', PASSWORD],
    ] as const) {
      const { agent, page } = await atPasswordPage();
      const refused = await submitPassword(agent, page, username, password);
      expect(refused.status).toBe(401);
      expect(alerts(refused)).toEqual([GENERIC_HU]);
      pages.push(refused);
    }
    const [locked, wrong, unknown] = pages.map(shape);
    expect(locked!.replace('nagy.eva', 'NAME')).toBe(wrong!.replace(USER, 'NAME'));
    expect(locked!.replace('nagy.eva', 'NAME')).toBe(unknown!.replace('nobody.here', 'NAME'));
    expect(lab.provider.auditLog().map((e) => e.reason)).toContain('locked');
  });

  it('speaks English when the relying party asks with ui_locales, also for the provider’s refusal', async () => {
    lab = await startLab();
    await enroll(lab);
    const { agent, page } = await atPasswordPage({ ui_locales: 'en-GB hu' });
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toContain('Sign in to test-app');
    const refused = await submitPassword(agent, page, USER, 'wrong');
    expect(alerts(refused)).toEqual([GENERIC_EN]);
  });

  it('switches language with its link, and escapes what it shows back', async () => {
    lab = await startLab();
    const { agent, page } = await atPasswordPage();
    const link = /<a href="([^"]+)" lang="en">English<\/a>/.exec(page.html)![1]!.replaceAll('&amp;', '&');
    const english = await agent.get(new URL(link, page.url));
    expect(english.html).toContain('<html lang="en">');
    const refused = await submitPassword(agent, english, '<script>alert(1)</script>', 'x');
    expect(refused.html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(refused.html).not.toContain('<script>alert(1)');
    // The choice stays for the rest of the sign-in.
    expect(refused.html).toContain('<html lang="en">');
  });

  it('shows a fault of the service (maintenance) instead of checking anything', async () => {
    lab = await startLab();
    await enroll(lab);
    lab.provider.faults.start('maintenance');
    await lab.clock.publishFaults(lab.provider.faults);
    const { agent, page } = await atPasswordPage();
    const refused = await submitPassword(agent, page, USER, PASSWORD);
    expect(refused.status).toBe(503);
    expect(alerts(refused)).toEqual([MESSAGES_HU['fault.maintenanceOpenEnded']]);
    expect((await lab.provider.accountStatus(USER)).passwordFailures).toBe(0);
  });
});

describe('the code page', () => {
  it('refuses a wrong code generically, and after five tries starts again at the password', async () => {
    lab = await startLab();
    await enroll(lab);
    const { agent, page } = await atPasswordPage();
    let current = await submitPassword(agent, page, USER, PASSWORD);
    expect(current.html).toContain('Mobilalkalmazásban kapott azonosító megadása');
    expect(current.html).toContain('autocomplete="one-time-code"');
    for (let i = 0; i < 4; i++) {
      current = await agent.post(current.url, formAction(current, '/code'), { code: '000000' });
      expect(current.status).toBe(401);
      expect(alerts(current)).toEqual([GENERIC_HU]);
      expect(current.html).toContain('name="code"');
    }
    current = await agent.post(current.url, formAction(current, '/code'), { code: '000000' });
    expect(alerts(current)[0]).toBe(GENERIC_HU);
    expect(alerts(current)[1]).toMatch(/kezdje újra a jelszóval/);
    expect(current.html).toContain('name="password"');
    expect(current.html).not.toContain('name="code"');
  });

  it('refuses a code of a phone set up a moment ago, until the activation delay has passed', async () => {
    lab = await startLab({ provider: { profile: 'ugyfelkapu' } });
    const { agent, page } = await atPasswordPage();
    const registered = await lab.provider.register({ username: 'uj.felhasznalo', password: PASSWORD, email: EMAIL });
    expect(registered.ok).toBe(true);
    const started = await lab.provider.startEnrollment({ username: 'uj.felhasznalo', password: PASSWORD });
    if (!started.ok) throw new Error('start');
    const phone = () => generateCode(started.secret, { clock: lab.clock });
    await lab.provider.confirmEnrollment({ enrollmentId: started.enrollmentId, code: phone() });
    await lab.provider.finishEnrollment({ enrollmentId: started.enrollmentId, deletionCodeSaved: true });
    await lab.clock.advanceBy(30_000);
    const codePage = await submitPassword(agent, page, 'uj.felhasznalo', PASSWORD);
    const early = await agent.post(codePage.url, formAction(codePage, '/code'), { code: phone() });
    expect(alerts(early)).toEqual([GENERIC_HU]);
    expect(lab.provider.auditLog().at(-1)?.reason).toBe('activation-pending');
    await lab.clock.advanceBy(90_000);
    const done = await agent.post(early.url, formAction(early, '/code'), { code: phone() });
    expect(done.location).toMatch(/^http:\/\/127\.0\.0\.1:9\/callback\?code=/);
  });

  it('asks for the e-mailed code with a button, shows the session number, and signs in with the mailed code', async () => {
    lab = await startLab();
    const p = lab.provider;
    await p.register({ username: USER, password: PASSWORD, email: EMAIL });
    const setup = await p.startEmailFactor({ username: USER, password: PASSWORD });
    if (!setup.ok) throw new Error('email factor');
    const mailed = () => /(?<!\d)\d{6}(?!\d)/.exec(p.mailbox!.messages(EMAIL).at(-1)!.text)![0];
    await p.confirmEmailFactor({ setupId: setup.setupId, code: mailed() });
    await lab.clock.advanceBy(60 * 60_000);
    const { config, request, agent, page } = await atPasswordPage({ ui_locales: 'en' });
    const codePage = await submitPassword(agent, page, USER, PASSWORD);
    expect(codePage.html).toContain('Code from the e-mail');
    const sent = await agent.post(codePage.url, formAction(codePage, '/email-code'), { send: 'email-code' });
    const status = /<p role="status">([^<]*)<\/p>/.exec(sent.html)![1]!;
    const sessionNumber = /Session number: (\d{3})\./.exec(status)![1]!;
    expect(p.mailbox!.messages(EMAIL).at(-1)!.text).toContain(sessionNumber);
    // Asked again at once: the provider's resend delay, in English.
    const again = await agent.post(sent.url, formAction(sent, '/email-code'), { send: 'email-code' });
    expect(alerts(again)[0]).toMatch(/^A new code can be requested in \d+ seconds\.$/);
    const wrong = await agent.post(again.url, formAction(again, '/code'), { code: '000000' });
    expect(alerts(wrong)).toEqual([MESSAGES_EN['emailCode.wrong']]);
    // The right code at once after a wrong one: the provider's throttle refuses it unchecked.
    const throttled = await agent.post(wrong.url, formAction(wrong, '/code'), { code: mailed() });
    expect(alerts(throttled)).toEqual([GENERIC_EN]);
    expect(p.auditLog().at(-1)?.reason).toBe('throttled');
    await lab.clock.advanceBy(60_000);
    const done = await agent.post(throttled.url, formAction(throttled, '/code'), { code: mailed() });
    const tokens = await client.authorizationCodeGrant(config, new URL(done.location!), {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    expect(tokens.claims()).toMatchObject({ preferred_username: USER, email: EMAIL, amr: ['pwd', 'otp', 'mfa'] });
  });

  it('Mégse (cancel) sends the browser back to the relying party with access_denied', async () => {
    lab = await startLab();
    const { agent, page } = await atPasswordPage();
    const back = await agent.post(page.url, formAction(page, '/abort'), {});
    const url = new URL(back.location!);
    expect(url.origin + url.pathname).toBe(REDIRECT);
    expect(url.searchParams.get('error')).toBe('access_denied');
  });
});

describe('an expired password', () => {
  it('opens only the password change; then the new password signs in', async () => {
    lab = await startLab();
    const code = await enroll(lab);
    await lab.clock.advanceBy(2 * 366 * 86_400_000);
    const { config, request, agent, page } = await atPasswordPage();
    const change = await submitPassword(agent, page, USER, PASSWORD);
    expect(change.status).toBe(200);
    expect(alerts(change)).toEqual([MESSAGES_HU['password.expired']]);
    expect(change.html).toContain('name="new_password"');
    expect(change.html).not.toContain('name="code"');
    const reused = await agent.post(change.url, formAction(change, '/password-change'), {
      password: PASSWORD,
      new_password: PASSWORD,
    });
    expect(alerts(reused)).toEqual([MESSAGES_HU['password.reused']]);
    const changed = await agent.post(reused.url, formAction(reused, '/password-change'), {
      password: PASSWORD,
      new_password: 'Új-Jelszó-2027',
    });
    expect(changed.html).toContain(MESSAGES_HU['password.changed']);
    expect(changed.html).toContain('name="password"');
    const second = await submitPassword(agent, changed, USER, 'Új-Jelszó-2027');
    await lab.clock.advanceBy(30_000);
    const done = await agent.post(second.url, formAction(second, '/code'), { code: code() });
    const tokens = await client.authorizationCodeGrant(config, new URL(done.location!), {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    expect(tokens.claims()!['preferred_username']).toBe(USER);
  });

  it('warns on the code page when the password expires soon', async () => {
    lab = await startLab();
    const code = await enroll(lab);
    await lab.clock.advanceBy(2 * 365 * 86_400_000 - 5 * 86_400_000);
    const { config, request } = await atPasswordPage();
    const agent = new UserAgent();
    const first = await agent.get(request.url);
    const codePage = await submitPassword(agent, first, USER, PASSWORD);
    expect(codePage.html).toMatch(/<p role="status">Jelszava \d+ nap múlva lejár\. Kérjük, változtassa meg\.<\/p>/);
    const done = await signIn(new UserAgent(), (await authorization(config)).url, code);
    expect(done.location).toContain('code=');
  });
});
