import { describe, expect, it } from 'vitest';
import { generateCode, parseKeyUri } from '../../src/index.js';
import { PASSWORD, apiLab, enrolled } from './api-client.js';

const USER = 'kovacs.janos';

async function loginTicket(lab: ReturnType<typeof apiLab>, password = PASSWORD) {
  return lab.call('POST', '/api/login', { username: USER, password });
}

describe('the site flows over HTTP', () => {
  it('registers, enrolls with a QR code, logs in in two steps, shows me, and logs out', async () => {
    const lab = apiLab({
      qr: (text) => ({ svg: `<svg>${text.length}</svg>`, png: new Uint8Array([137, 80, 78, 71]) }),
    });
    expect(
      (await lab.call('POST', '/api/register', { username: USER, password: PASSWORD, email: 'janos@example.hu' })).body
        .messageKey,
    ).toBe('register.ok');
    const started = await lab.call('POST', '/api/enrollment', { username: USER, password: PASSWORD });
    expect(parseKeyUri(started.body.keyUri).secret).toBeDefined();
    expect(started.body.qr.png).toBe('iVBORw==');
    const confirmed = await lab.call('POST', '/api/enrollment/confirm', {
      enrollmentId: started.body.enrollmentId,
      code: await lab.codeAt(started.body.secret),
    });
    expect(confirmed.body.deletionCode).toMatch(/^\d{4}( \d{4}){4}$|^[\d-]+$|^\d{20}$/);
    const unsaved = await lab.call('POST', '/api/enrollment/finish', {
      enrollmentId: started.body.enrollmentId,
      deletionCodeSaved: false,
    });
    expect(unsaved.status).toBe(422);
    expect(
      (
        await lab.call('POST', '/api/enrollment/finish', {
          enrollmentId: started.body.enrollmentId,
          deletionCodeSaved: true,
        })
      ).status,
    ).toBe(200);
    await lab.control('POST', '/control/clock/advance', { ms: 30_000 });

    const ticket = await loginTicket(lab);
    expect(ticket.status).toBe(200);
    const code = await lab.codeAt(started.body.secret);
    const login = await lab.call('POST', '/api/login/code', { loginTicket: ticket.body.loginTicket, code });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^totp_lab_session=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Strict$/);
    const session = cookie.split(';')[0]!;
    const me = await lab.call('GET', '/api/me', undefined, { cookie: session });
    expect(me.body).toMatchObject({ username: USER, account: { exists: true, secondFactor: 'active' } });
    expect((await lab.call('POST', '/api/logout', undefined, { cookie: session })).status).toBe(204);
    expect((await lab.call('GET', '/api/me', undefined, { cookie: session })).status).toBe(401);
  });

  it('refuses a replayed code, and every refusal is the same generic one; the reason is in the audit log', async () => {
    const lab = apiLab();
    const { secret } = await enrolled(lab);
    const code = await lab.codeAt(secret);
    const first = await lab.call('POST', '/api/login/code', {
      loginTicket: (await loginTicket(lab)).body.loginTicket,
      code,
    });
    expect(first.status).toBe(200);
    const replay = await lab.call('POST', '/api/login/code', {
      loginTicket: (await loginTicket(lab)).body.loginTicket,
      code,
    });
    const wrongPassword = await loginTicket(lab, 'not the password');
    const unknown = await lab.call('POST', '/api/login', { username: 'nobody', password: PASSWORD });
    for (const refused of [replay, wrongPassword, unknown]) {
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({ ok: false, messageKey: 'login.refused', message: replay.body.message });
    }
    const reasons = (await lab.control('GET', '/control/audit')).body.events
      .map((e: { reason?: string }) => e.reason)
      .filter(Boolean);
    expect(reasons).toEqual(expect.arrayContaining(['replayed-code', 'wrong-password', 'unknown-user']));
  });

  it('a login ticket is single-use, bounded in tries and refused after it expires', async () => {
    const lab = apiLab();
    const { secret } = await enrolled(lab);
    const ticket = (await loginTicket(lab)).body.loginTicket;
    for (let i = 0; i < 5; i++)
      expect((await lab.call('POST', '/api/login/code', { loginTicket: ticket, code: '000000' })).status).toBe(401);
    const spent = await lab.call('POST', '/api/login/code', { loginTicket: ticket, code: await lab.codeAt(secret) });
    expect(spent.body.error.code).toBe('LOGIN_TICKET_INVALID');
    const late = (await loginTicket(lab)).body.loginTicket;
    await lab.control('POST', '/control/clock/advance', { ms: 6 * 60_000 });
    expect(
      (await lab.call('POST', '/api/login/code', { loginTicket: late, code: await lab.codeAt(secret) })).body.error
        .code,
    ).toBe('LOGIN_TICKET_INVALID');
    const good = (await loginTicket(lab)).body.loginTicket;
    expect(
      (await lab.call('POST', '/api/login/code', { loginTicket: good, code: await lab.codeAt(secret) })).status,
    ).toBe(200);
    expect(
      (await lab.call('POST', '/api/login/code', { loginTicket: good, code: await lab.codeAt(secret) })).body.error
        .code,
    ).toBe('LOGIN_TICKET_INVALID');
  });

  it('changes the device with password and code, and redeems the törlőkód once', async () => {
    const lab = apiLab();
    const { secret, deletionCode } = await enrolled(lab);
    const change = await lab.call('POST', '/api/device-change', {
      username: USER,
      password: PASSWORD,
      code: await lab.codeAt(secret),
    });
    expect(change.body).toMatchObject({ ok: true, kind: 'device-change' });
    expect((await lab.call('POST', '/api/enrollment/abandon', { enrollmentId: change.body.enrollmentId })).status).toBe(
      200,
    );
    const redeemed = await lab.call('POST', '/api/deletion-code', { username: USER, password: PASSWORD, deletionCode });
    expect(redeemed.body.messageKey).toBe('deletionCode.redeemed');
    const again = await lab.call('POST', '/api/deletion-code', { username: USER, password: PASSWORD, deletionCode });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect((await lab.control('GET', `/control/accounts/${USER}`)).body.secondFactor).toBe('none');
  });

  it('marks the cookie Secure when the request was not made to a loopback host', async () => {
    const lab = apiLab();
    const { secret } = await enrolled(lab);
    const ticket = (await loginTicket(lab)).body.loginTicket;
    const response = await lab.handler(
      new Request('https://lab.example/api/login/code', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          loginTicket: ticket,
          code: generateCode(secret, { clock: { now: () => lab.clock.now() + 30_000 } }),
        }),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
  });
});
