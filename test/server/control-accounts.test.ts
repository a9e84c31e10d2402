// The control API for test suites: accounts in a stated state, codes on the service's clock, the
// replay guard, removal, the mailbox kept in the store, and the clock set by an ISO 8601 time.
// Every answer is checked against the OpenAPI document (api-client.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore, generateCode } from '../../src/index.js';
import { PASSWORD, T0, TOKEN, apiLab, type ApiLab } from './api-client.js';

const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** Page one and page two of the login; the answer of page two (with the cookie). */
async function logIn(lab: ApiLab, username: string, code: string) {
  const ticket = await lab.call('POST', '/api/login', { username, password: PASSWORD });
  expect(ticket.status).toBe(200);
  return lab.call('POST', '/api/login/code', { loginTicket: ticket.body.loginTicket, code });
}

describe('POST /control/accounts', () => {
  it('puts an account in a stated state: 201 with its status, secret, key URI and törlőkód', async () => {
    const lab = apiLab();
    const put = await lab.control('POST', '/control/accounts', {
      username: 'anna',
      password: PASSWORD,
      email: 'anna@example.hu',
      secret: RFC_SECRET,
      deletionCode: '1234 5678 9012 3456 7890',
    });
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({
      exists: true,
      locked: false,
      secondFactor: 'active',
      factor: 'app',
      password: 'ok',
      username: 'anna',
      email: 'anna@example.hu',
      replaced: false,
      secret: RFC_SECRET,
      deletionCode: '1234 5678 9012 3456 7890',
    });
    expect(put.body.keyUri).toMatch(/^otpauth:\/\/totp\/.*secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ/);
    const status = await lab.control('GET', '/control/accounts/anna');
    const { username: _u, email: _e, replaced: _r, secret: _s, keyUri: _k, deletionCode: _d, ...shown } = put.body;
    expect(shown).toEqual(status.body);
    const again = await lab.control('POST', '/control/accounts', {
      username: 'anna',
      password: PASSWORD,
      email: 'anna@example.hu',
      secret: RFC_SECRET,
      deletionCode: '1234 5678 9012 3456 7890',
    });
    expect(again.status).toBe(201);
    expect({ ...again.body, replaced: false }).toEqual(put.body);
  });

  it('needs the token, and is absent when the control API is off', async () => {
    const lab = apiLab();
    await lab.control('POST', '/control/accounts', { username: 'anna', password: PASSWORD });
    const off = apiLab({ controlToken: undefined as never });
    for (const [method, path] of [
      ['POST', '/control/accounts'],
      ['DELETE', '/control/accounts/anna'],
      ['GET', '/control/accounts/anna/code'],
      ['GET', '/control/accounts/anna/last-step'],
      ['DELETE', '/control/accounts/anna/last-step'],
      ['GET', '/control/mailbox/latest?to=a@b.hu'],
      ['DELETE', '/control/mailbox'],
    ] as const) {
      const body = method === 'POST' ? { username: 'x', password: PASSWORD } : undefined;
      const refused = await lab.call(method, path, body);
      expect(refused.status, path).toBe(401);
      expect(refused.body.error.code).toBe('UNAUTHORIZED');
      expect((await off.call(method, path, body, { authorization: `Bearer ${TOKEN}` })).status, path).toBe(404);
    }
    expect((await lab.control('GET', '/control/accounts/anna')).body.exists).toBe(true);
  });

  it('refuses bad input with a stable code, and nothing stored changes', async () => {
    const store = new MemoryStore();
    const lab = apiLab({}, store);
    await lab.control('POST', '/control/accounts', { username: 'anna', password: PASSWORD, secret: RFC_SECRET });
    const before = store.snapshot();
    const bad: [unknown, number, string][] = [
      [{ username: 'anna', password: PASSWORD, secret: 'not base32!' }, 400, 'INVALID_SECRET'],
      [{ username: 'anna', password: PASSWORD, passwordAgeDays: -3 }, 400, 'INVALID_ARGUMENT'],
      [{ username: 'anna', password: PASSWORD, sms: true }, 400, 'UNKNOWN_FIELD'],
      [{ username: 'anna', password: PASSWORD, factor: 'email' }, 400, 'INVALID_ARGUMENT'],
      [{ username: 'anna' }, 400, 'INVALID_ARGUMENT'],
      [[1, 2], 400, 'BAD_JSON'],
    ];
    for (const [body, status, code] of bad) {
      const answer = await lab.control('POST', '/control/accounts', body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.error.code, JSON.stringify(body)).toBe(code);
      expect(JSON.stringify(answer.body)).not.toContain('not base32!');
    }
    for (const [method, path] of [
      ['GET', '/control/accounts/nobody/code'],
      ['GET', '/control/accounts/nobody/last-step'],
      ['DELETE', '/control/accounts/nobody/last-step'],
      ['DELETE', '/control/accounts/nobody'],
    ] as const) {
      const answer = await lab.control(method, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.error.code, path).toBe('UNKNOWN_ACCOUNT');
    }
    expect((await lab.control('GET', '/control/accounts/anna/code?minRemaining=30')).body.error.code).toBe(
      'INVALID_ARGUMENT',
    );
    expect((await lab.control('GET', '/control/accounts/anna/code?minRemaining=-1')).status).toBe(400);
    expect(store.snapshot()).toEqual(before);
  });
});

describe('codes and the replay guard over HTTP', () => {
  it('a fresh code logs in; its replay is refused; forgetting the last step lets it log in once more', async () => {
    const lab = apiLab();
    await lab.control('POST', '/control/accounts', { username: 'anna', password: PASSWORD });
    const fresh = await lab.control('GET', '/control/accounts/anna/code?minRemaining=5');
    expect(fresh.status).toBe(200);
    expect(fresh.body.spent).toBe(false);
    expect((await logIn(lab, 'anna', fresh.body.code)).status).toBe(200);
    const guard = await lab.control('GET', '/control/accounts/anna/last-step');
    expect(guard.body).toMatchObject({ username: 'anna', lastStep: fresh.body.step, period: 30 });
    expect((await lab.control('GET', '/control/accounts/anna/code?minRemaining=5')).body.spent).toBe(true);
    const replay = await logIn(lab, 'anna', fresh.body.code);
    expect(replay.status).toBe(401);
    expect(replay.body.messageKey).toBe('login.refused');
    expect((await lab.control('DELETE', '/control/accounts/anna/last-step')).body.lastStep).toBe(-1);
    expect((await logIn(lab, 'anna', fresh.body.code)).status).toBe(200);
    expect((await logIn(lab, 'anna', fresh.body.code)).status).toBe(401);
  });

  it('answers 409 for an account without an app binding', async () => {
    const lab = apiLab();
    await lab.control('POST', '/control/accounts', {
      username: 'eva',
      password: PASSWORD,
      email: 'eva@example.hu',
      factor: 'email',
    });
    const answer = await lab.control('GET', '/control/accounts/eva/code');
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('INVALID_STATE');
  });

  it('property: a code from minRemaining=S logs in at any moment up to S seconds later on a running clock', async () => {
    const lab = apiLab();
    const { body: seeded } = await lab.control('POST', '/control/accounts', { username: 'anna', password: PASSWORD });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 29 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (offset, minRemaining, fraction) => {
          lab.clock.advance(offset); // the clock runs on by itself, unfrozen
          await lab.control('DELETE', '/control/accounts/anna/last-step');
          const fresh = await lab.control('GET', `/control/accounts/anna/code?minRemaining=${minRemaining}`);
          const now = (await lab.control('GET', '/control/clock')).body.now;
          expect(fresh.body.validUntil - now).toBeGreaterThanOrEqual(minRemaining * 1000);
          expect(fresh.body.code).toBe(generateCode(seeded.secret, { time: fresh.body.validFrom }));
          lab.clock.advance(Math.floor(fraction * minRemaining * 1000));
          const login = await logIn(lab, 'anna', fresh.body.code);
          expect(login.status, `S=${minRemaining}, ${fraction * minRemaining} s later`).toBe(200);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('DELETE /control/accounts/{username}', () => {
  it('removes the account with its tickets, sessions and mail', async () => {
    const lab = apiLab({}, new MemoryStore(), { storeMailbox: true });
    const { body } = await lab.control('POST', '/control/accounts', { username: 'anna', password: PASSWORD });
    const code = generateCode(body.secret, { clock: { now: () => T0 + 5_000 } });
    const cookie = (await logIn(lab, 'anna', code)).headers.get('set-cookie')!.split(';')[0]!;
    const open = await lab.call('POST', '/api/login', { username: 'anna', password: PASSWORD });
    await lab.control('POST', '/control/accounts', {
      username: 'eva',
      password: PASSWORD,
      email: 'eva@example.hu',
      factor: 'email',
    });
    const eva = await lab.call('POST', '/api/login', { username: 'eva', password: PASSWORD });
    await lab.call('POST', '/api/login/email-code', { loginTicket: eva.body.loginTicket });

    const removed = await lab.control('DELETE', '/control/accounts/anna');
    expect(removed.body).toEqual({ ok: true, username: 'anna', tickets: 1, sessions: 1, messages: 0 });
    expect((await lab.call('GET', '/api/me', undefined, { cookie })).status).toBe(401);
    const late = await lab.call('POST', '/api/login/code', { loginTicket: open.body.loginTicket, code });
    expect(late.body.error.code).toBe('LOGIN_TICKET_INVALID');
    expect((await lab.control('GET', '/control/accounts/anna')).body.exists).toBe(false);

    expect((await lab.control('GET', '/control/mailbox/latest?to=eva@example.hu')).status).toBe(200);
    // Eva's ticket (her code page is open) goes with her.
    expect((await lab.control('DELETE', '/control/accounts/eva')).body).toMatchObject({ tickets: 1, messages: 1 });
    expect((await lab.control('GET', '/control/mailbox/latest?to=eva@example.hu')).body.error.code).toBe('NO_MAIL');
    expect((await lab.control('DELETE', '/control/accounts/anna')).status).toBe(404);
  });

  it('replacing an account ends its sessions too', async () => {
    const lab = apiLab();
    const { body } = await lab.control('POST', '/control/accounts', { username: 'anna', password: PASSWORD });
    const code = generateCode(body.secret, { clock: { now: () => T0 + 5_000 } });
    const cookie = (await logIn(lab, 'anna', code)).headers.get('set-cookie')!.split(';')[0]!;
    expect((await lab.call('GET', '/api/me', undefined, { cookie })).status).toBe(200);
    const replaced = await lab.control('POST', '/control/accounts', { username: 'anna', password: 'Új-Jelszó-1' });
    expect(replaced.body.replaced).toBe(true);
    expect((await lab.call('GET', '/api/me', undefined, { cookie })).status).toBe(401);
  });
});

describe('the mailbox in the store', () => {
  it('shows the newest mail with its code, session number, purpose and expiry; the code logs in', async () => {
    const store = new MemoryStore();
    const a = apiLab({}, store, { storeMailbox: true });
    const b = apiLab({}, store, { storeMailbox: true });
    await a.control('POST', '/control/accounts', {
      username: 'eva',
      password: PASSWORD,
      email: 'eva@example.hu',
      factor: 'email',
    });
    const ticket = await a.call('POST', '/api/login', { username: 'eva', password: PASSWORD });
    const sent = await a.call('POST', '/api/login/email-code', { loginTicket: ticket.body.loginTicket });
    const latest = await b.control('GET', '/control/mailbox/latest?to=EVA@example.hu');
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({
      to: 'eva@example.hu',
      purpose: 'login',
      sessionNumber: sent.body.sessionNumber,
      expiresAt: sent.body.expiresAt,
    });
    const login = await b.call('POST', '/api/login/code', {
      loginTicket: ticket.body.loginTicket,
      code: latest.body.code,
    });
    expect(login.status).toBe(200);
    expect((await b.control('GET', '/control/mailbox')).body.messages).toHaveLength(1);
    expect((await a.control('DELETE', '/control/mailbox')).body).toEqual({ ok: true, removedMessages: 1 });
    const none = await b.control('GET', '/control/mailbox/latest?to=eva@example.hu');
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('NO_MAIL');
    expect((await b.control('GET', '/control/mailbox/latest')).body.error.code).toBe('INVALID_ARGUMENT');
  });

  it("marks a setup code's purpose", async () => {
    const lab = apiLab({}, new MemoryStore(), { storeMailbox: true });
    await lab.control('POST', '/control/accounts', {
      username: 'bela',
      password: PASSWORD,
      email: 'bela@example.hu',
      factor: 'none',
    });
    const started = await lab.call('POST', '/api/email-factor', { username: 'bela', password: PASSWORD });
    const mail = await lab.control('GET', '/control/mailbox/latest?to=bela@example.hu');
    expect(mail.body).toMatchObject({ purpose: 'factor-setup', sessionNumber: started.body.sessionNumber });
    const confirmed = await lab.call('POST', '/api/email-factor/confirm', {
      setupId: started.body.setupId,
      code: mail.body.code,
    });
    expect(confirmed.status).toBe(200);
  });
});

describe('PUT /control/clock', () => {
  it('takes an ISO 8601 time with its zone, and refuses one without', async () => {
    const lab = apiLab();
    expect((await lab.control('PUT', '/control/clock', { time: '2025-01-16T09:00:00+01:00' })).body.now).toBe(T0);
    expect((await lab.control('PUT', '/control/clock', { time: '2025-01-16T08:00:30Z' })).body.now).toBe(T0 + 30_000);
    for (const time of ['2025-01-16T08:00:00', '2025-01-16', '1737014400', 'soon', true]) {
      const answer = await lab.control('PUT', '/control/clock', { time });
      expect(answer.status, String(time)).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_ARGUMENT');
    }
    expect((await lab.control('GET', '/control/clock')).body.now).toBe(T0 + 30_000);
  });
});
