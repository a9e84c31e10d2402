// Only a SHA-256 of each session token's bytes is kept in the Store, checked against WebCrypto's SHA-256.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/index.js';
import { SESSION_COOKIE } from '../../src/server/index.js';
import { PASSWORD, apiLab, enrolled } from './api-client.js';

/** The SHA-256 of the 32 bytes a 64-digit hex token stands for, by WebCrypto. */
async function sha256Hex(token: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', Buffer.from(token, 'hex')));
  return [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('session and ticket keys', () => {
  it('stores the session under the SHA-256 of its token, and never the token itself', async () => {
    const store = new MemoryStore();
    const lab = apiLab({}, store);
    const { secret } = await enrolled(lab);
    const ticket = (await lab.call('POST', '/api/login', { username: 'kovacs.janos', password: PASSWORD })).body
      .loginTicket as string;
    expect(await store.get(`server:ticket:${await sha256Hex(ticket)}`)).toMatchObject({ username: 'kovacs.janos' });
    const login = await lab.call('POST', '/api/login/code', { loginTicket: ticket, code: await lab.codeAt(secret) });
    expect(login.status).toBe(200);
    const token = /totp_lab_session=([0-9a-f]{64})/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    expect(token).toBeDefined();
    expect(SESSION_COOKIE).toBe('totp_lab_session');
    expect(await store.get(`server:session:${await sha256Hex(token!)}`)).toMatchObject({ username: 'kovacs.janos' });
    expect(await store.get(`server:ticket:${await sha256Hex(ticket)}`)).toBeUndefined();
    const dump = JSON.stringify(store.snapshot());
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(ticket);
  });
});
