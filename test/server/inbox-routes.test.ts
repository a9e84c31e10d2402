// A participant's inbox over HTTP: opened with the password (never with the control token), it holds
// only that account's mail; with the mailbox kept in the store, a participant whose browser reaches
// another instance of the service reads the mail the first one sent, and so does the trainer's room
// view ("show that participant's mail", GET /control/mailbox).
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/index.js';
import { PASSWORD, apiLab, type ApiLab } from './api-client.js';

/** Opens `username`'s inbox on `lab` and answers the cookie that keeps it open. */
async function openInbox(lab: ApiLab, username: string): Promise<string> {
  const opened = await lab.call('POST', '/api/inbox/open', { username, password: PASSWORD });
  expect(opened.status).toBe(200);
  const cookie = opened.headers.get('set-cookie')!;
  expect(cookie).toMatch(/; Path=\/api\/inbox; HttpOnly; SameSite=Strict$/);
  return cookie.split(';')[0]!;
}

async function registerWithEmailCode(lab: ApiLab, names: string[]): Promise<void> {
  for (const name of names)
    await lab.call('POST', '/api/register', { username: name, password: PASSWORD, email: `${name}@example.hu` });
  for (const name of names)
    expect((await lab.call('POST', '/api/email-factor', { username: name, password: PASSWORD })).status).toBe(200);
}

describe("a participant's inbox", () => {
  it('opens with the password and shows only the mail to that account', async () => {
    const lab = apiLab();
    await registerWithEmailCode(lab, ['anna', 'bela']);
    expect((await lab.call('GET', '/api/inbox')).status).toBe(401);
    expect((await lab.call('POST', '/api/inbox/open', { username: 'anna', password: 'wrong' })).status).toBe(401);
    const cookie = await openInbox(lab, 'anna');
    const inbox = await lab.call('GET', '/api/inbox', undefined, { cookie });
    expect(inbox.body.username).toBe('anna');
    expect(inbox.body.messages.length).toBe(1);
    expect(inbox.body.messages.every((m: { to: string }) => m.to === 'anna@example.hu')).toBe(true);
    // The control token is no key to a participant's inbox.
    expect((await lab.control('GET', '/api/inbox')).status).toBe(401);
  });

  it('with the mailbox in the store, reads on one instance the mail another one sent', async () => {
    const store = new MemoryStore();
    const first = apiLab({}, store, { storeMailbox: true });
    const second = apiLab({}, store, { storeMailbox: true });
    await registerWithEmailCode(first, ['anna', 'bela']);
    // The inbox opened on the second instance, its cookie used on the first and the second alike.
    const cookie = await openInbox(second, 'anna');
    for (const lab of [second, first]) {
      const inbox = await lab.call('GET', '/api/inbox', undefined, { cookie });
      expect(inbox.body.messages.map((m: { to: string }) => m.to)).toEqual(['anna@example.hu']);
      // A mail client's view: the code is in the text, not read out for the participant.
      expect(Object.keys(inbox.body.messages[0]).sort()).toEqual([
        'arrivedAt',
        'from',
        'sentAt',
        'subject',
        'text',
        'to',
      ]);
    }
    // A second code, sent by the second instance once the resend wait is over, shows on the first.
    await second.control('POST', '/control/clock/advance', { ms: 120_000 });
    expect((await second.call('POST', '/api/email-factor', { username: 'anna', password: PASSWORD })).status).toBe(200);
    expect((await first.call('GET', '/api/inbox', undefined, { cookie })).body.messages.length).toBe(2);
    // The trainer's "show that participant's mail" on the second instance: the same two messages.
    const trainer = await second.control('GET', '/control/mailbox?to=bela%40example.hu');
    expect(trainer.body.messages.map((m: { to: string }) => m.to)).toEqual(['bela@example.hu']);
    expect((await second.control('GET', '/control/mailbox?to=anna%40example.hu')).body.messages.length).toBe(2);
  });

  it('with each instance keeping its own mail in memory, the other instance has none to show', async () => {
    // Why the service keeps its mail in the store: the in-memory mailbox is one instance's only.
    const store = new MemoryStore();
    const first = apiLab({}, store);
    const second = apiLab({}, store);
    await registerWithEmailCode(first, ['anna']);
    const cookie = await openInbox(second, 'anna');
    expect((await first.call('GET', '/api/inbox', undefined, { cookie })).body.messages.length).toBe(1);
    expect((await second.call('GET', '/api/inbox', undefined, { cookie })).body.messages).toEqual([]);
  });
});
