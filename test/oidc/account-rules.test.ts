// The account rules of the API hold on the sign-in pages too: an expired password opens nothing but
// its change, the change needs the password to have expired, and a password change (on the pages or
// through the API) ends the account's sessions and sign-ins wherever they were opened.
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES_HU } from '../../src/index.js';
import {
  EMAIL,
  PASSWORD,
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

const NEW = 'Új-Jelszó-2027';
const GENERIC_HU = MESSAGES_HU['login.refused'];

/** A JSON call to the lab's API, with a cookie. */
async function api(path: string, body?: unknown, cookie?: string) {
  const response = await fetch(lab.url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(body !== undefined && { 'Content-Type': 'application/json' }), ...(cookie && { Cookie: cookie }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json(), cookie: response.headers.get('set-cookie') };
}

/** A user agent at the password page of a new authorization. */
async function atPasswordPage(): Promise<{ agent: UserAgent; page: Seen }> {
  const config = await relyingParty(lab);
  const agent = new UserAgent();
  return { agent, page: await agent.get((await authorization(config)).url) };
}

const submitPassword = (agent: UserAgent, page: Seen, password = PASSWORD) =>
  agent.post(page.url, formAction(page, '/password'), { username: USER, password });

describe('an expired password on the sign-in pages', () => {
  it('opens neither the code step nor the e-mailed code, only the change', async () => {
    lab = await startLab();
    await lab.provider.register({ username: USER, password: PASSWORD, email: EMAIL });
    const setup = await lab.provider.startEmailFactor({ username: USER, password: PASSWORD });
    if (!setup.ok) throw new Error('email factor');
    const mailed = /(?<!\d)\d{6}(?!\d)/.exec(lab.provider.mailbox!.messages(EMAIL).at(-1)!.text)![0];
    expect(await lab.provider.confirmEmailFactor({ setupId: setup.setupId, code: mailed })).toMatchObject({ ok: true });
    await lab.clock.advanceBy(2 * 366 * 86_400_000);
    const sent = lab.provider.mailbox!.messages(EMAIL).length;
    const { agent, page } = await atPasswordPage();
    const change = await submitPassword(agent, page);
    expect(alerts(change)).toEqual([MESSAGES_HU['password.expired']]);
    // The forms of the code step, posted by hand: the sign-in starts over, and no mail goes.
    const mail = await agent.post(
      change.url,
      formAction(change, '/password-change').replace(/password-change$/, 'email-code'),
      { send: 'email-code' },
    );
    expect(mail.status).toBe(401);
    expect(lab.provider.mailbox!.messages(EMAIL)).toHaveLength(sent);
    const code = await agent.post(
      change.url,
      formAction(change, '/password-change').replace(/password-change$/, 'code'),
      { code: mailed },
    );
    expect(code.status).toBe(401);
    expect(code.location).toBeNull();
  });

  it('is the only way to the change: a right password that has not expired cannot post it', async () => {
    lab = await startLab();
    await enroll(lab);
    const { agent, page } = await atPasswordPage();
    const codePage = await submitPassword(agent, page);
    expect(codePage.html).toContain('name="code"');
    const path = formAction(codePage, '/code').replace(/code$/, 'password-change');
    const refused = await agent.post(codePage.url, path, { password: PASSWORD, new_password: NEW });
    expect(refused.status).toBe(409);
    expect(await lab.provider.verifyPassword({ username: USER, password: PASSWORD })).toMatchObject({ ok: true });
  });
});

describe('a password change ends the account’s other sign-ins', () => {
  it('made on the pages: the API’s sessions and login tickets, and sign-ins waiting for the code', async () => {
    lab = await startLab();
    const code = await enroll(lab);
    const expiresAt = (await lab.provider.accountStatus(USER)).passwordExpiresAt!;
    await lab.clock.advanceBy(expiresAt - lab.clock.now() - 3 * 60_000);
    // Shortly before the password expires: a session and a login ticket of the API, and a browser
    // at the code page.
    const loginTicket = (await api('/api/login', { username: USER, password: PASSWORD })).body.loginTicket;
    const login = await api('/api/login/code', { loginTicket, code: code() });
    const cookie = login.cookie!.split(';')[0]!;
    const ticket = (await api('/api/login', { username: USER, password: PASSWORD })).body.loginTicket;
    const waiting = await atPasswordPage();
    const codePage = await submitPassword(waiting.agent, waiting.page);
    expect(codePage.html).toContain('name="code"');
    await lab.clock.advanceBy(4 * 60_000);
    expect((await api('/api/me', undefined, cookie)).status).toBe(200);

    const { agent, page } = await atPasswordPage();
    const change = await submitPassword(agent, page);
    const changed = await agent.post(change.url, formAction(change, '/password-change'), {
      password: PASSWORD,
      new_password: NEW,
    });
    expect(changed.html).toContain(MESSAGES_HU['password.changed']);

    expect((await api('/api/me', undefined, cookie)).status).toBe(401);
    await lab.clock.advanceBy(30_000);
    expect((await api('/api/login/code', { loginTicket: ticket, code: code() })).body.error.code).toBe(
      'LOGIN_TICKET_INVALID',
    );
    const late = await waiting.agent.post(codePage.url, formAction(codePage, '/code'), { code: code() });
    expect(late.location).toBeNull();
    expect(late.status).toBe(401);
    expect(late.html).toContain('name="password"');
  });

  it('made through the API: a browser signed in through the front is asked for the password again', async () => {
    lab = await startLab();
    const code = await enroll(lab);
    const config = await relyingParty(lab);
    const agent = new UserAgent();
    expect((await signIn(agent, (await authorization(config)).url, code)).location).toContain('code=');
    // Signed in: the next authorization goes straight back to the app.
    await lab.clock.advanceBy(30_000);
    expect((await agent.get((await authorization(config)).url)).location).toContain('code=');

    await lab.clock.advanceBy(30_000);
    const changed = await api('/api/password', { username: USER, password: PASSWORD, newPassword: NEW, code: code() });
    expect(changed.status).toBe(200);
    const again = await agent.get((await authorization(config)).url);
    expect(again.location).toBeNull();
    expect(again.html).toContain('name="password"');
    const old = await submitPassword(agent, again);
    expect(alerts(old)).toEqual([GENERIC_HU]);
  });
});

describe('a browser session of the front', () => {
  it('ends 12 hours after the sign-in on the simulated clock, however often it is used', async () => {
    lab = await startLab();
    const code = await enroll(lab);
    const config = await relyingParty(lab);
    const agent = new UserAgent();
    expect((await signIn(agent, (await authorization(config)).url, code)).location).toContain('code=');
    for (let i = 0; i < 24; i++) {
      await lab.clock.advanceBy(29 * 60_000);
      expect((await agent.get((await authorization(config)).url)).location).toContain('code=');
    }
    await lab.clock.advanceBy(25 * 60_000);
    const silent = await agent.get((await authorization(config, { prompt: 'none' })).url);
    expect(new URL(silent.location!).searchParams.get('error')).toBe('login_required');
    const again = await agent.get((await authorization(config)).url);
    expect(again.location).toBeNull();
    expect(again.html).toContain('name="password"');
  });
});
