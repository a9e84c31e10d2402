// The late e-mail code over HTTP: the delivery delay is read and set with the control API, kept in
// the store (every instance on it agrees), and a mail sent with it shows in no mailbox route and in
// no participant's inbox until the service's clock reaches its arrival. Its code still expires ten
// minutes after it was sent. Every answer is checked against the OpenAPI document (api-client.ts).
import { describe, expect, it } from 'vitest';
import { MemoryStore, createProvider, LOW_COST_HASHING_FOR_TESTS } from '../../src/index.js';
import { createProviderHandler, createSharedClock } from '../../src/server/index.js';
import { BASE, PASSWORD, TOKEN, apiLab, checkAnswer, type ApiLab } from './api-client.js';

const EVA = 'eva@example.hu';
const MINUTE = 60_000;

/** Login page one for eva, then her e-mail code: the ticket and when the code was sent. */
async function sendLoginCode(lab: ApiLab): Promise<{ ticket: string; sentAt: number; sessionNumber: string }> {
  const ticket = await lab.call('POST', '/api/login', { username: 'eva', password: PASSWORD });
  expect(ticket.body.secondFactor).toBe('email');
  const sentAt = (await lab.control('GET', '/control/clock')).body.now;
  const sent = await lab.call('POST', '/api/login/email-code', { loginTicket: ticket.body.loginTicket });
  expect(sent.status).toBe(200);
  return { ticket: ticket.body.loginTicket, sentAt, sessionNumber: sent.body.sessionNumber };
}

/** Page one again (a ticket lives five minutes) and page two with `code`: the status. */
async function logInWith(lab: ApiLab, code: string): Promise<number> {
  const ticket = await lab.call('POST', '/api/login', { username: 'eva', password: PASSWORD });
  return (await lab.call('POST', '/api/login/code', { loginTicket: ticket.body.loginTicket, code })).status;
}

async function withEva(lab: ApiLab): Promise<string> {
  const put = { username: 'eva', password: PASSWORD, email: EVA, factor: 'email' };
  expect((await lab.control('POST', '/control/accounts', put)).status).toBe(201);
  const opened = await lab.call('POST', '/api/inbox/open', { username: 'eva', password: PASSWORD });
  return opened.headers.get('set-cookie')!.split(';')[0]!;
}

describe('the mail delivery delay over HTTP', () => {
  it('is kept in the store: set on one instance, read on another; a late mail shows nowhere until it arrives', async () => {
    const store = new MemoryStore();
    const first = apiLab({}, store, { storeMailbox: true });
    const second = apiLab({}, store, { storeMailbox: true });
    const inbox = await withEva(first);
    expect((await second.control('GET', '/control/mailbox/delay')).body).toEqual({ delayMs: 0 });
    expect((await first.control('PUT', '/control/mailbox/delay', { delayMs: 11 * MINUTE })).body).toEqual({
      delayMs: 11 * MINUTE,
    });
    expect((await second.control('GET', '/control/mailbox/delay')).body).toEqual({ delayMs: 11 * MINUTE });

    const { sentAt, sessionNumber } = await sendLoginCode(second);
    await first.control('POST', '/control/clock/advance', { ms: 11 * MINUTE - 1 });
    for (const lab of [first, second]) {
      const latest = await lab.control('GET', `/control/mailbox/latest?to=${EVA}`);
      expect([latest.status, latest.body.error?.code]).toEqual([404, 'NO_MAIL']);
      expect((await lab.control('GET', '/control/mailbox')).body.messages).toEqual([]);
      expect((await lab.call('GET', '/api/inbox', undefined, { cookie: inbox })).body.messages).toEqual([]);
    }

    await second.control('POST', '/control/clock/advance', { ms: 1 });
    for (const lab of [first, second]) {
      const latest = await lab.control('GET', `/control/mailbox/latest?to=${EVA}`);
      expect(latest.status).toBe(200);
      expect(latest.body).toMatchObject({ sessionNumber, sentAt, arrivedAt: sentAt + 11 * MINUTE });
      expect(latest.body.expiresAt).toBe(sentAt + 10 * MINUTE);
      const shown = (await lab.call('GET', '/api/inbox', undefined, { cookie: inbox })).body.messages;
      expect(shown.map((m: { sentAt: number; arrivedAt: number }) => [m.sentAt, m.arrivedAt])).toEqual([
        [sentAt, sentAt + 11 * MINUTE],
      ]);
    }
    // Eleven minutes late, the code is dead on arrival: refused, as the real service refuses it.
    const late = (await first.control('GET', `/control/mailbox/latest?to=${EVA}`)).body.code;
    expect(await logInWith(first, late)).toBe(422);
  });

  it('a code five minutes late still has five minutes to go', async () => {
    const lab = apiLab({}, new MemoryStore(), { storeMailbox: true });
    await withEva(lab);
    await lab.control('PUT', '/control/mailbox/delay', { delayMs: 5 * MINUTE });
    const { sentAt } = await sendLoginCode(lab);
    await lab.control('POST', '/control/clock/advance', { ms: 5 * MINUTE });
    const mail = (await lab.control('GET', `/control/mailbox/latest?to=${EVA}`)).body;
    expect(mail).toMatchObject({ arrivedAt: sentAt + 5 * MINUTE, expiresAt: sentAt + 10 * MINUTE });
    expect(await logInWith(lab, mail.code)).toBe(200);
  });

  it('refuses a bad delay with a stable code and changes nothing', async () => {
    const lab = apiLab({}, new MemoryStore(), { storeMailbox: true });
    await lab.control('PUT', '/control/mailbox/delay', { delayMs: MINUTE });
    for (const delayMs of [-1, 1.5, '10m', 24 * 60 * MINUTE + 1, null, true]) {
      const answer = await lab.control('PUT', '/control/mailbox/delay', { delayMs });
      expect([answer.status, answer.body.error.code]).toEqual([400, 'INVALID_ARGUMENT']);
      expect(answer.body.error.message).toMatch(/^"delayMs" must be a whole number of ms from 0 to 86400000/);
    }
    expect((await lab.control('PUT', '/control/mailbox/delay', {})).body.error.code).toBe('INVALID_ARGUMENT');
    expect((await lab.control('PUT', '/control/mailbox/delay', { delay: 5 })).body.error.code).toBe('UNKNOWN_FIELD');
    expect((await lab.call('PUT', '/control/mailbox/delay', { delayMs: 0 })).status).toBe(401);
    expect((await lab.call('GET', '/control/mailbox/delay')).status).toBe(401);
    expect((await lab.control('GET', '/control/mailbox/delay')).body).toEqual({ delayMs: MINUTE });
    // A reset takes the service back to its start, the delay with it.
    await lab.control('POST', '/control/reset');
    expect((await lab.control('GET', '/control/mailbox/delay')).body).toEqual({ delayMs: 0 });
  });

  it("with the provider's in-memory mailbox, delays this instance's mail only", async () => {
    const store = new MemoryStore();
    const lab = apiLab({}, store);
    const other = apiLab({}, store);
    await withEva(lab);
    await lab.control('PUT', '/control/mailbox/delay', { delayMs: 2 * MINUTE });
    expect((await other.control('GET', '/control/mailbox/delay')).body).toEqual({ delayMs: 0 });
    const { sentAt } = await sendLoginCode(lab);
    expect((await lab.control('GET', `/control/mailbox/latest?to=${EVA}`)).status).toBe(404);
    await lab.control('POST', '/control/clock/advance', { ms: 2 * MINUTE });
    const mail = (await lab.control('GET', `/control/mailbox/latest?to=${EVA}`)).body;
    expect(mail).toMatchObject({ sentAt, arrivedAt: sentAt + 2 * MINUTE, expiresAt: sentAt + 10 * MINUTE });
  });

  it('answers 409 when the mail goes to a mailer of its own (SMTP)', async () => {
    const store = new MemoryStore();
    const clock = createSharedClock(store);
    const provider = createProvider({
      store,
      clock,
      hashing: LOW_COST_HASHING_FOR_TESTS,
      mailer: { send: () => Promise.resolve() },
    });
    const handler = createProviderHandler(provider, { store, clock, controlToken: TOKEN });
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { delayMs: MINUTE }],
    ] as const) {
      const init: RequestInit = {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      };
      const url = `${BASE}/control/mailbox/delay`;
      const answer = await checkAnswer(method, url, await handler(new Request(url, init)));
      expect([answer.status, answer.body.error.code]).toEqual([409, 'INVALID_STATE']);
    }
  });
});
