// The whole path of an e-mailed code: the HTTP API → the provider → the SMTP mailer → a real SMTP
// server, with the mail parsed by an independent MIME parser and its code used to log in.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOW_COST_HASHING_FOR_TESTS, MemoryStore, createProvider, manualClock } from '../../src/index.js';
import { createSmtpMailer, type SmtpMailer } from '../../src/node/index.js';
import { createProviderHandler, createSharedClock } from '../../src/server/index.js';
import { BASE, PASSWORD, TOKEN, checkAnswer, T0 } from '../server/api-client.js';
import { startMailCatcher, type MailCatcher } from './smtp-catcher.js';

let catcher: MailCatcher;
let mailer: SmtpMailer;
beforeAll(async () => {
  catcher = await startMailCatcher({ login: { user: 'lab', pass: 'Catcher-Pass-42' } });
  // A catcher that wants a login but has no TLS: the credentials may go in clear only when said so.
  mailer = await createSmtpMailer({
    url: `smtp://lab:Catcher-Pass-42@127.0.0.1:${catcher.port}`,
    allowInsecureAuth: true,
  });
});
afterAll(async () => {
  await mailer.close();
  await catcher.close();
});

function lab() {
  const store = new MemoryStore();
  const clock = createSharedClock(store, manualClock(T0));
  const provider = createProvider({ store, clock, mailer, hashing: LOW_COST_HASHING_FOR_TESTS, language: 'hu' });
  const handler = createProviderHandler(provider, { store, clock, controlToken: TOKEN });
  return async (method: string, path: string, body?: unknown, control = false) => {
    const init: RequestInit = {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(control && { authorization: `Bearer ${TOKEN}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    };
    return checkAnswer(method, BASE + path, await handler(new Request(BASE + path, init)));
  };
}

/** The newest mail the SMTP server received, parsed, and its code. */
async function newestMail() {
  const parsed = await simpleParser(catcher.caught.at(-1)!.raw);
  const code = /\b(\d{6})\b/.exec(parsed.text ?? '')?.[1];
  expect(code).toBeDefined();
  return { parsed, code: code! };
}

describe('e-mailed codes through SMTP', () => {
  it('sends the setup and login codes to the SMTP server, and they log the user in', async () => {
    const call = lab();
    await call('POST', '/api/register', { username: 'nagy.eva', password: PASSWORD, email: 'nagy.eva@example.hu' });
    const before = catcher.caught.length;
    const started = await call('POST', '/api/email-factor', { username: 'nagy.eva', password: PASSWORD });
    expect(started.status).toBe(200);
    expect(catcher.caught).toHaveLength(before + 1);
    expect(catcher.caught.at(-1)!.rcptTo).toEqual(['nagy.eva@example.hu']);
    const setup = await newestMail();
    expect(setup.parsed.text).toContain(started.body.sessionNumber);
    expect(setup.parsed.date?.getTime()).toBe(T0);
    expect(
      (await call('POST', '/api/email-factor/confirm', { setupId: started.body.setupId, code: setup.code })).status,
    ).toBe(200);
    // One code a minute at most.
    await call('POST', '/control/clock/advance', { ms: 61_000 }, true);

    const ticket = await call('POST', '/api/login', { username: 'nagy.eva', password: PASSWORD });
    expect(ticket.body.secondFactor).toBe('email');
    const sent = await call('POST', '/api/login/email-code', { loginTicket: ticket.body.loginTicket });
    expect(sent.status).toBe(200);
    const login = await newestMail();
    expect(login.parsed.subject).toMatch(/\S/);
    expect(login.parsed.text).toContain(sent.body.sessionNumber);
    const done = await call('POST', '/api/login/code', { loginTicket: ticket.body.loginTicket, code: login.code });
    expect(done.status).toBe(200);
    expect(done.body.messageKey).toBe('login.ok');
  });

  it('answers 502 when the SMTP server refuses the mail, and the control mailbox says mail is not kept', async () => {
    const refusing = await startMailCatcher({ refuse: () => true });
    try {
      const store = new MemoryStore();
      const clock = createSharedClock(store, manualClock(T0));
      const refusingMailer = await createSmtpMailer({ host: '127.0.0.1', port: refusing.port });
      const provider = createProvider({ store, clock, mailer: refusingMailer, hashing: LOW_COST_HASHING_FOR_TESTS });
      const handler = createProviderHandler(provider, { store, clock, controlToken: TOKEN });
      const send = async (method: string, path: string, body?: unknown) =>
        checkAnswer(
          method,
          BASE + path,
          await handler(
            new Request(BASE + path, {
              method,
              headers: {
                authorization: `Bearer ${TOKEN}`,
                ...(body !== undefined && { 'content-type': 'application/json' }),
              },
              ...(body !== undefined && { body: JSON.stringify(body) }),
            }),
          ),
        );
      await send('POST', '/api/register', { username: 'kiss.anna', password: PASSWORD, email: 'nobody@refused.test' });
      const started = await send('POST', '/api/email-factor', { username: 'kiss.anna', password: PASSWORD });
      expect(started.status).toBe(502);
      expect(started.body.messageKey).toBe('emailCode.notSent');
      expect(JSON.stringify(started.body)).not.toContain('refused.test');
      const box = await send('GET', '/control/mailbox');
      expect(box.status).toBe(409);
      expect(box.body.error.code).toBe('INVALID_STATE');
      await refusingMailer.close();
    } finally {
      await refusing.close();
    }
  });
});
