// Who may change a password over HTTP, what a password change or the törlőkód ends, how long a
// session lives at most, and how many login tickets an account may hold.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/index.js';
import { PASSWORD, apiLab, enrolled, type ApiLab } from './api-client.js';

const USER = 'kovacs.janos';
const NEW = 'Új-Jelszó-2027';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function ticket(lab: ApiLab, username = USER, password = PASSWORD): Promise<string> {
  const answer = await lab.call('POST', '/api/login', { username, password });
  expect(answer.status).toBe(200);
  return answer.body.loginTicket;
}

/** A session cookie after a full login; the clock moves to the next step first, so the code is fresh. */
async function session(lab: ApiLab, secret: string, password = PASSWORD): Promise<string> {
  await lab.control('POST', '/control/clock/advance', { ms: 30_000 });
  const loginTicket = await ticket(lab, USER, password);
  const login = await lab.call('POST', '/api/login/code', { loginTicket, code: await lab.codeAt(secret) });
  expect(login.status).toBe(200);
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

/** POST /api/password with the app's current code, on the next time step (so the code is fresh). */
async function changeWithCode(lab: ApiLab, secret: string) {
  await lab.control('POST', '/control/clock/advance', { ms: 30_000 });
  return lab.call('POST', '/api/password', {
    username: USER,
    password: PASSWORD,
    newPassword: NEW,
    code: await lab.codeAt(secret),
  });
}

const me = async (lab: ApiLab, cookie: string) => (await lab.call('GET', '/api/me', undefined, { cookie })).status;
const passwordWorks = async (lab: ApiLab, password: string) =>
  (await lab.call('POST', '/api/login', { username: USER, password })).status === 200;

describe('POST /api/password with an active second factor', () => {
  it('refuses the password alone: someone who knows only the password cannot lock the owner out', async () => {
    const lab = apiLab();
    await enrolled(lab);
    const refused = await lab.call('POST', '/api/password', { username: USER, password: PASSWORD, newPassword: NEW });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ ok: false, messageKey: 'login.refused' });
    expect(await passwordWorks(lab, PASSWORD)).toBe(true);
  });

  it('changes it with the current code of the second factor', async () => {
    const lab = apiLab();
    const { secret } = await enrolled(lab);
    const wrong = await lab.call('POST', '/api/password', {
      username: USER,
      password: PASSWORD,
      newPassword: NEW,
      code: '000000',
    });
    expect(wrong.status).toBe(401);
    expect((await changeWithCode(lab, secret)).status).toBe(200);
    expect(await passwordWorks(lab, NEW)).toBe(true);
  });

  it("changes it in a session that passed the second factor, but not in another user's session", async () => {
    const lab = apiLab();
    const { secret } = await enrolled(lab);
    const cookie = await session(lab, secret);
    const theirs = await apiLabUser(lab, 'nagy.eva');
    const foreign = await lab.call(
      'POST',
      '/api/password',
      { username: USER, password: PASSWORD, newPassword: NEW },
      { cookie: theirs },
    );
    expect(foreign.status).toBe(401);
    const changed = await lab.call(
      'POST',
      '/api/password',
      { username: USER, password: PASSWORD, newPassword: NEW },
      { cookie },
    );
    expect(changed.status).toBe(200);
  });

  it('opens the change alone with the password once it has expired, and nothing else', async () => {
    const lab = apiLab();
    const { secret, deletionCode } = await enrolled(lab);
    const account = (await lab.control('GET', `/control/accounts/${USER}`)).body;
    await lab.control('PUT', '/control/clock', { time: account.passwordExpiresAt + 1000 });
    const login = await lab.call('POST', '/api/login', { username: USER, password: PASSWORD });
    expect(login.status).toBe(403);
    const redeem = await lab.call('POST', '/api/deletion-code', { username: USER, password: PASSWORD, deletionCode });
    expect(redeem.status).toBe(403);
    expect(redeem.body).toMatchObject({ ok: false, messageKey: 'password.expired' });
    const byDeletion = await lab.call('POST', '/api/email-factor', {
      username: USER,
      password: PASSWORD,
      deletionCode,
    });
    expect(byDeletion.status).toBe(403);
    const changed = await lab.call('POST', '/api/password', { username: USER, password: PASSWORD, newPassword: NEW });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('set-cookie')).toBeNull();
    expect(await me(lab, await session(lab, secret, NEW))).toBe(200);
  });

  it('needs only the password for an account without a second factor', async () => {
    const lab = apiLab();
    await lab.call('POST', '/api/register', { username: USER, password: PASSWORD, email: 'janos@example.hu' });
    expect(
      (await lab.call('POST', '/api/password', { username: USER, password: PASSWORD, newPassword: NEW })).status,
    ).toBe(200);
  });
});

/** Registers and enrolls another user on the same lab and returns their session cookie. */
async function apiLabUser(lab: ApiLab, username: string): Promise<string> {
  const { secret } = await enrolled(lab, username);
  await lab.control('POST', '/control/clock/advance', { ms: 30_000 });
  const t = await ticket(lab, username);
  const login = await lab.call('POST', '/api/login/code', { loginTicket: t, code: await lab.codeAt(secret) });
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

describe('what a password change and the törlőkód end', () => {
  it("a password change ends the account's other sessions and open login tickets, not the one it came from", async () => {
    const lab = apiLab();
    const { secret } = await enrolled(lab);
    const here = await session(lab, secret);
    const elsewhere = await session(lab, secret);
    const open = await ticket(lab);
    const bystander = await apiLabUser(lab, 'nagy.eva');
    const changed = await lab.call(
      'POST',
      '/api/password',
      { username: USER, password: PASSWORD, newPassword: NEW },
      { cookie: here },
    );
    expect(changed.status).toBe(200);
    expect(await me(lab, here)).toBe(200);
    expect(await me(lab, elsewhere)).toBe(401);
    expect(await me(lab, bystander)).toBe(200);
    const spent = await lab.call('POST', '/api/login/code', { loginTicket: open, code: await lab.codeAt(secret) });
    expect(spent.body.error.code).toBe('LOGIN_TICKET_INVALID');
  });

  it('a change with the code ends every session of the account', async () => {
    const lab = apiLab();
    const { secret } = await enrolled(lab);
    const cookie = await session(lab, secret);
    expect((await changeWithCode(lab, secret)).status).toBe(200);
    expect(await me(lab, cookie)).toBe(401);
  });

  it('the törlőkód ends every session and open ticket of the account', async () => {
    const lab = apiLab();
    const { secret, deletionCode } = await enrolled(lab);
    const cookie = await session(lab, secret);
    const open = await ticket(lab);
    const redeemed = await lab.call('POST', '/api/deletion-code', { username: USER, password: PASSWORD, deletionCode });
    expect(redeemed.status).toBe(200);
    expect(await me(lab, cookie)).toBe(401);
    const spent = await lab.call('POST', '/api/login/email-code', { loginTicket: open });
    expect(spent.body.error.code).toBe('LOGIN_TICKET_INVALID');
  });

  it('the törlőkód given to choose e-mail ends them too', async () => {
    const lab = apiLab();
    const { secret, deletionCode } = await enrolled(lab);
    const cookie = await session(lab, secret);
    const started = await lab.call('POST', '/api/email-factor', { username: USER, password: PASSWORD, deletionCode });
    expect(started.status).toBe(200);
    expect(await me(lab, cookie)).toBe(401);
  });

  it('a wrong törlőkód ends nothing', async () => {
    const lab = apiLab();
    const { secret } = await enrolled(lab);
    const cookie = await session(lab, secret);
    const wrong = '0000 0000 0000 0000 0000';
    expect(
      (await lab.call('POST', '/api/deletion-code', { username: USER, password: PASSWORD, deletionCode: wrong }))
        .status,
    ).toBe(422);
    expect(await me(lab, cookie)).toBe(200);
  });

  it('sessions ended stay ended after the sweep of expired tickets', async () => {
    const lab = apiLab();
    const { secret, deletionCode } = await enrolled(lab);
    const cookie = await session(lab, secret);
    await lab.call('POST', '/api/deletion-code', { username: USER, password: PASSWORD, deletionCode });
    await lab.control('POST', '/control/clock/advance', { ms: 6 * MINUTE });
    await ticket(lab);
    expect(await lab.store.keys('server:account:')).toEqual([`server:account:${USER}`]);
    expect(await me(lab, cookie)).toBe(401);
  });
});

describe('the life of a session', () => {
  it('ends 12 hours after login on the simulated clock, however often it is used', async () => {
    const lab = apiLab();
    const { secret } = await enrolled(lab);
    const cookie = await session(lab, secret);
    for (let i = 0; i < 24; i++) {
      await lab.control('POST', '/control/clock/advance', { ms: 29 * MINUTE });
      expect(await me(lab, cookie)).toBe(200);
    }
    await lab.control('POST', '/control/clock/advance', { ms: 25 * MINUTE });
    expect(await me(lab, cookie)).toBe(401);
  });

  it('takes its longest life from sessionLifetimeMs', async () => {
    const lab = apiLab({ sessionLifetimeMs: HOUR });
    const { secret } = await enrolled(lab);
    const cookie = await session(lab, secret);
    for (const ms of [29 * MINUTE, 29 * MINUTE, 2 * MINUTE - 1000]) {
      await lab.control('POST', '/control/clock/advance', { ms });
      expect(await me(lab, cookie)).toBe(200);
    }
    await lab.control('POST', '/control/clock/advance', { ms: 1000 });
    expect(await me(lab, cookie)).toBe(401);
  });

  it('refuses a lifetime that is not a whole number of ms from a minute to 30 days', async () => {
    expect(() => apiLab({ sessionLifetimeMs: 0 })).toThrow(
      /"sessionLifetimeMs" must be a whole number of ms from 60000 to 2592000000, got 0/,
    );
  });
});

describe('login tickets', () => {
  it('keeps at most 8 open tickets per account: a ninth ends the oldest', async () => {
    const lab = apiLab();
    await enrolled(lab);
    const tickets = [];
    for (let i = 0; i < 9; i++) tickets.push(await ticket(lab));
    const first = await lab.call('POST', '/api/login/email-code', { loginTicket: tickets[0] });
    expect(first.body.error.code).toBe('LOGIN_TICKET_INVALID');
    const second = await lab.call('POST', '/api/login/email-code', { loginTicket: tickets[1] });
    expect(second.status).toBe(401);
    expect(second.body.messageKey).toBe('login.refused');
    expect((await lab.store.keys('server:ticket:')).length).toBe(8);
  });

  it('sweeps expired tickets away, also those of accounts that never come back', async () => {
    const store = new MemoryStore();
    const lab = apiLab({}, store);
    await enrolled(lab);
    await enrolled(lab, 'nagy.eva');
    for (let i = 0; i < 3; i++) await ticket(lab);
    expect((await store.keys('server:ticket:')).length).toBe(3);
    await lab.control('POST', '/control/clock/advance', { ms: 6 * MINUTE });
    await ticket(lab, 'nagy.eva');
    expect((await store.keys('server:ticket:')).length).toBe(1);
    // The record that listed them goes too; one whose epoch moved on stays (it ends old sessions).
    expect(await store.keys('server:account:')).toEqual(['server:account:nagy.eva']);
  });
});

describe('an account removed or replaced through the control API', () => {
  it('takes its tickets, sessions and their record with it, so nothing of it stays in the store', async () => {
    const store = new MemoryStore();
    const lab = apiLab({}, store);
    const { secret } = await enrolled(lab);
    const cookie = await session(lab, secret);
    await ticket(lab);
    expect(await store.keys('server:account:')).toEqual([`server:account:${USER}`]);
    expect((await lab.control('DELETE', `/control/accounts/${USER}`)).status).toBe(200);
    for (const prefix of ['server:ticket:', 'server:session:', 'server:account:'])
      expect(await store.keys(prefix)).toEqual([]);
    expect(await me(lab, cookie)).toBe(401);
  });

  it('ends the sessions of the account it replaces', async () => {
    const lab = apiLab();
    const { secret } = await enrolled(lab);
    const cookie = await session(lab, secret);
    const put = await lab.control('POST', '/control/accounts', { username: USER, password: PASSWORD, secret });
    expect(put.body.replaced).toBe(true);
    expect(await me(lab, cookie)).toBe(401);
    // The new account's own login works.
    expect(await me(lab, await session(lab, secret))).toBe(200);
  });
});
