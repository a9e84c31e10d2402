// The e-mail second factor and password age over HTTP: every answer is checked against the
// OpenAPI document (api-client.ts), and the mail is read through the control mailbox, as a test
// suite in another language would.
import { describe, expect, it } from 'vitest';
import { PASSWORD, apiLab, enrolled, type ApiLab } from './api-client.js';

const USER = 'kovacs.janos';
const ADDRESS = 'janos@example.hu';
const DAY = 86_400_000;

async function mailbox(lab: ApiLab, to = ADDRESS) {
  const answer = await lab.control('GET', `/control/mailbox?to=${encodeURIComponent(to)}`);
  expect(answer.status).toBe(200);
  return answer.body.messages as { to: string; from: string; subject: string; text: string; sentAt: number }[];
}

/** The code of the newest mail, and that mail. */
async function newestCode(lab: ApiLab) {
  const mail = (await mailbox(lab)).at(-1)!;
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  expect(code, mail.text).toBeDefined();
  return { code: code!, mail };
}

/** Registers USER and makes e-mail their factor through the HTTP API. */
async function emailAccount(lab: ApiLab) {
  expect((await lab.call('POST', '/api/register', { username: USER, password: PASSWORD, email: ADDRESS })).status).toBe(
    201,
  );
  const started = await lab.call('POST', '/api/email-factor', { username: USER, password: PASSWORD });
  expect(started.status).toBe(200);
  expect(started.body.sessionNumber).toMatch(/^\d{3}$/);
  const { code, mail } = await newestCode(lab);
  expect(mail.text).toContain(started.body.sessionNumber);
  const confirmed = await lab.call('POST', '/api/email-factor/confirm', { setupId: started.body.setupId, code });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body.messageKey).toBe('emailFactor.confirmed');
  // One code a minute at most: the next may be asked for a minute later.
  await lab.control('POST', '/control/clock/advance', { ms: 61_000 });
}

describe('the e-mail second factor over HTTP', () => {
  it('chooses e-mail, then logs in with a mailed code that matches the session number and works once', async () => {
    const lab = apiLab();
    await emailAccount(lab);
    expect((await lab.control('GET', `/control/accounts/${USER}`)).body).toMatchObject({ factor: 'email' });
    const ticket = await lab.call('POST', '/api/login', { username: USER, password: PASSWORD });
    expect(ticket.body).toMatchObject({ ok: true, secondFactor: 'email' });
    const sent = await lab.call('POST', '/api/login/email-code', { loginTicket: ticket.body.loginTicket });
    expect(sent.status).toBe(200);
    expect(sent.body.messageKey).toBe('emailCode.sent');
    const { code, mail } = await newestCode(lab);
    expect(mail.to).toBe(ADDRESS);
    expect(mail.text).toContain(sent.body.sessionNumber);
    expect(JSON.stringify(sent.body)).not.toContain(code);

    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await lab.call('POST', '/api/login/code', { loginTicket: ticket.body.loginTicket, code: wrong });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ ok: false, messageKey: 'emailCode.wrong' });
    expect(JSON.stringify(refused.body)).not.toContain(wrong);
    // A wrong code delays the next try (1, 2, 4, 8 s …), as for app codes.
    await lab.control('POST', '/control/clock/advance', { ms: 10_000 });
    const login = await lab.call('POST', '/api/login/code', { loginTicket: ticket.body.loginTicket, code });
    expect(login.status).toBe(200);
    const session = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = await lab.call('GET', '/api/me', undefined, { cookie: session });
    expect(me.body.account).toMatchObject({ factor: 'email', secondFactor: 'active', password: 'ok' });

    // The same code again, on a new ticket: refused once and for all.
    const again = await lab.call('POST', '/api/login', { username: USER, password: PASSWORD });
    const replay = await lab.call('POST', '/api/login/code', { loginTicket: again.body.loginTicket, code });
    expect(replay.body.messageKey).toBe('emailCode.wrong');
  });

  it('throttles a resend, and a code that is ten minutes old no longer works', async () => {
    const lab = apiLab();
    await emailAccount(lab);
    const ticket = await lab.call('POST', '/api/login', { username: USER, password: PASSWORD });
    await lab.call('POST', '/api/login/email-code', { loginTicket: ticket.body.loginTicket });
    const resend = await lab.call('POST', '/api/login/email-code', { loginTicket: ticket.body.loginTicket });
    expect(resend.status).toBe(422);
    expect(resend.body.messageKey).toBe('emailCode.throttled');
    expect(resend.body.retryAt).toBeGreaterThan(0);
    const { code } = await newestCode(lab);
    await lab.control('POST', '/control/clock/advance', { ms: 10 * 60_000 + 1_000 });
    const late = await lab.call('POST', '/api/login', { username: USER, password: PASSWORD });
    const expired = await lab.call('POST', '/api/login/code', { loginTicket: late.body.loginTicket, code });
    expect(expired.body.messageKey).toBe('emailCode.wrong');
    const audit = await lab.control('GET', '/control/audit');
    expect(JSON.stringify(audit.body)).not.toContain(code);
  });

  it('moves an app account to e-mail with its app code, and back to the app with a mailed code', async () => {
    const lab = apiLab();
    const { secret } = await enrolled(lab);
    const ticket = await lab.call('POST', '/api/login', { username: USER, password: PASSWORD });
    expect(ticket.body.secondFactor).toBe('app');
    const appOnly = await lab.call('POST', '/api/login/email-code', { loginTicket: ticket.body.loginTicket });
    expect(appOnly.status).toBe(401);
    expect(appOnly.body.messageKey).toBe('login.refused');

    const noProof = await lab.call('POST', '/api/email-factor', { username: USER, password: PASSWORD });
    expect(noProof.status).toBe(401);
    // The missing code counted as a wrong one: the next try waits out the delay.
    await lab.control('POST', '/control/clock/advance', { ms: 30_000 });
    const started = await lab.call('POST', '/api/email-factor', {
      username: USER,
      password: PASSWORD,
      code: await lab.codeAt(secret),
    });
    expect(started.status).toBe(200);
    const { code } = await newestCode(lab);
    expect((await lab.call('POST', '/api/email-factor/confirm', { setupId: started.body.setupId, code })).status).toBe(
      200,
    );
    await lab.control('POST', '/control/clock/advance', { ms: 61_000 });

    const login = await lab.call('POST', '/api/login', { username: USER, password: PASSWORD });
    await lab.call('POST', '/api/login/email-code', { loginTicket: login.body.loginTicket });
    const mailed = await newestCode(lab);
    const back = await lab.call('POST', '/api/enrollment', { username: USER, password: PASSWORD, code: mailed.code });
    expect(back.status).toBe(200);
    expect(back.body.messageKey).toBe('enrollment.started');
  });

  it('moves to e-mail with the törlőkód after the phone is lost', async () => {
    const lab = apiLab();
    const { deletionCode } = await enrolled(lab);
    const started = await lab.call('POST', '/api/email-factor', { username: USER, password: PASSWORD, deletionCode });
    expect(started.status).toBe(200);
    const { code } = await newestCode(lab);
    await lab.call('POST', '/api/email-factor/confirm', { setupId: started.body.setupId, code });
    expect((await lab.control('GET', `/control/accounts/${USER}`)).body.factor).toBe('email');
  });
});

describe('password age over HTTP', () => {
  it('warns before expiry, requires a change at expiry, and locks long after it until the in-person unlock', async () => {
    const lab = apiLab();
    await enrolled(lab);
    await lab.control('POST', '/control/clock/advance', { ms: 720 * DAY });
    const warned = await lab.call('POST', '/api/login', { username: USER, password: PASSWORD });
    expect(warned.status).toBe(200);
    expect(warned.body.passwordWarning).toMatchObject({ messageKey: 'password.expiring' });
    expect(warned.body.passwordWarning.daysLeft).toBeGreaterThan(0);

    await lab.control('POST', '/control/clock/advance', { ms: 11 * DAY });
    const expired = await lab.call('POST', '/api/login', { username: USER, password: PASSWORD });
    expect(expired.status).toBe(403);
    expect(expired.body).toMatchObject({ ok: false, messageKey: 'password.expired' });
    // Only after the right password: a wrong one gets the generic refusal.
    const wrong = await lab.call('POST', '/api/login', { username: USER, password: 'not-it' });
    expect(wrong.status).toBe(401);

    await lab.control('POST', '/control/clock/advance', { ms: 61 * DAY });
    const locked = await lab.call('POST', '/api/login', { username: USER, password: PASSWORD });
    expect(locked.status).toBe(401);
    expect((await lab.control('GET', `/control/accounts/${USER}`)).body.password).toBe('expired-locked');
    expect((await lab.control('POST', '/control/unlock', { username: USER })).status).toBe(200);
    expect((await lab.call('POST', '/api/login', { username: USER, password: PASSWORD })).status).toBe(403);

    const NEW = 'Nyári-Zápor-2027';
    const reused = await lab.call('POST', '/api/password', {
      username: USER,
      password: PASSWORD,
      newPassword: PASSWORD,
    });
    expect(reused.body.messageKey).toBe('password.reused');
    const changed = await lab.call('POST', '/api/password', { username: USER, password: PASSWORD, newPassword: NEW });
    expect(changed.status).toBe(200);
    expect(changed.body.passwordExpiresAt).toBeGreaterThan(0);
    expect(JSON.stringify(changed.body)).not.toContain(NEW);
    const after = await lab.call('POST', '/api/login', { username: USER, password: NEW });
    expect(after.status).toBe(200);
    expect(after.body.passwordWarning).toBeUndefined();
  });
});

describe('the control mailbox', () => {
  it('is behind the control token, and checks "to"', async () => {
    const lab = apiLab();
    expect((await lab.call('GET', '/control/mailbox')).status).toBe(401);
    expect((await lab.control('GET', '/control/mailbox')).body).toEqual({ messages: [] });
    const long = await lab.control('GET', `/control/mailbox?to=${'a'.repeat(400)}`);
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('INVALID_ARGUMENT');
  });
});
