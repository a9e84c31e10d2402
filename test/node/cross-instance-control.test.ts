// The control API for test suites across `totp-lab serve --api` processes on one store, over real
// HTTP: an account seeded at one instance's start-up gets its code from the other and logs in on the
// first; a mail sent by one is read on the other; forgetting the last step on one lets a same-step
// login on the other succeed once. Every answer is checked against the OpenAPI document.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onSharedStores } from '../support/shared-stores.js';
import {
  callInstance as call,
  compileCli,
  startInstance,
  stopInstances,
  type Instance,
} from '../support/api-instances.js';

const PASSWORD = 'Tölgyfa-Kilenc-42';
const T0 = Date.UTC(2025, 0, 16, 8, 0, 5);

/** Both login pages on `instance`; the status of page two. */
async function logIn(instance: Instance, username: string, code: string): Promise<number> {
  const ticket = await call(instance, 'POST', '/api/login', { username, password: PASSWORD });
  expect(ticket.status).toBe(200);
  return (await call(instance, 'POST', '/api/login/code', { loginTicket: ticket.body.loginTicket, code })).status;
}

let compiled: ReturnType<typeof compileCli> | undefined;
const dirs: string[] = [];
afterAll(async () => {
  await (await compiled)?.remove();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

function suite(name: string, storeFor: () => Promise<string>): void {
  describe(`two serve --api instances on one ${name}`, () => {
    let a: Instance;
    let b: Instance;
    beforeAll(async () => {
      compiled ??= compileCli();
      const { bin } = await compiled;
      const dir = await mkdtemp(join(tmpdir(), 'totp-lab-cross-control-'));
      dirs.push(dir);
      const seed = join(dir, 'seed.json');
      await writeFile(
        seed,
        JSON.stringify({
          accounts: [
            { username: 'anna', password: PASSWORD },
            { username: 'eva', password: PASSWORD, email: 'eva@example.hu', factor: 'email' },
          ],
        }),
      );
      const store = await storeFor();
      a = await startInstance(bin, store, ['--seed', seed]);
      b = await startInstance(bin, store);
    }, 60_000);
    afterAll(async () => {
      await stopInstances([a, b].filter(Boolean));
    });

    it('seeded on one, code from the other, logged in on the first; replay guard forgotten across them', async () => {
      // A frozen clock: the steps below must not straddle a step change on a busy machine.
      await call(b, 'POST', '/control/clock/freeze', { frozen: true });
      await call(a, 'PUT', '/control/clock', { time: '2025-01-16T08:00:05Z' });
      expect((await call(b, 'GET', '/control/clock')).body.now).toBe(T0);
      const fresh = await call(b, 'GET', '/control/accounts/anna/code?minRemaining=10');
      expect(fresh.status).toBe(200);
      expect(fresh.body).toMatchObject({ step: Math.floor(T0 / 30_000), spent: false });
      expect(await logIn(a, 'anna', fresh.body.code)).toBe(200);
      expect((await call(b, 'GET', '/control/accounts/anna/last-step')).body.lastStep).toBe(fresh.body.step);
      expect(await logIn(b, 'anna', fresh.body.code)).toBe(401);

      expect((await call(b, 'DELETE', '/control/accounts/anna/last-step')).body.lastStep).toBe(-1);
      expect(await logIn(a, 'anna', fresh.body.code)).toBe(200);
      expect(await logIn(a, 'anna', fresh.body.code)).toBe(401);
      expect((await call(a, 'GET', '/control/accounts/anna/code')).body.spent).toBe(true);
    }, 60_000);

    it('a mail sent by one instance is read on the other, and its code logs in', async () => {
      const ticket = await call(a, 'POST', '/api/login', { username: 'eva', password: PASSWORD });
      expect(ticket.body.secondFactor).toBe('email');
      const sent = await call(a, 'POST', '/api/login/email-code', { loginTicket: ticket.body.loginTicket });
      expect(sent.status).toBe(200);
      const mail = await call(b, 'GET', '/control/mailbox/latest?to=eva@example.hu');
      expect(mail.status).toBe(200);
      expect(mail.body).toMatchObject({ purpose: 'login', sessionNumber: sent.body.sessionNumber });
      const login = await call(b, 'POST', '/api/login/code', {
        loginTicket: ticket.body.loginTicket,
        code: mail.body.code,
      });
      expect(login.status).toBe(200);
      expect((await call(a, 'GET', '/control/mailbox?to=eva@example.hu')).body.messages).toHaveLength(1);
    }, 60_000);

    it('an account removed on one instance is gone on the other, with its sessions and mail', async () => {
      const { body: put } = await call(b, 'POST', '/control/accounts', { username: 'cecil', password: PASSWORD });
      expect(put).toMatchObject({ username: 'cecil', replaced: false });
      const code = (await call(a, 'GET', '/control/accounts/cecil/code')).body.code;
      expect(await logIn(b, 'cecil', code)).toBe(200);
      const removed = await call(a, 'DELETE', '/control/accounts/eva');
      expect(removed.body).toMatchObject({ ok: true, username: 'eva', messages: 1 });
      expect((await call(b, 'GET', '/control/mailbox/latest?to=eva@example.hu')).status).toBe(404);
      expect((await call(b, 'GET', '/control/accounts/eva/code')).status).toBe(404);
      expect((await call(b, 'DELETE', '/control/mailbox')).status).toBe(200);
    }, 60_000);
  });
}

onSharedStores('The control API across two instances', 'totp_lab_control', suite);
