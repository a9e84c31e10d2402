// `totp-lab serve --api --mail-delay` across real processes on one store: the delay the first
// instance was started with is the one every instance reads and delays its mail by, a change on one
// reaches the other, and an instance started later without the flag leaves the store's delay alone.
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

let compiled: ReturnType<typeof compileCli> | undefined;
const dirs: string[] = [];
afterAll(async () => {
  await (await compiled)?.remove();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

function suite(name: string, storeFor: () => Promise<string>): void {
  describe(`serve --api --mail-delay on one ${name}`, () => {
    const instances: Instance[] = [];
    let store: string;
    let bin: string;
    beforeAll(async () => {
      compiled ??= compileCli();
      bin = (await compiled).bin;
      const dir = await mkdtemp(join(tmpdir(), 'totp-lab-mail-delay-'));
      dirs.push(dir);
      const seed = join(dir, 'seed.json');
      const eva = { username: 'eva', password: PASSWORD, email: 'eva@example.hu', factor: 'email' };
      await writeFile(seed, JSON.stringify({ accounts: [eva] }));
      store = await storeFor();
      instances.push(await startInstance(bin, store, ['--seed', seed, '--mail-delay', '90s']));
      instances.push(await startInstance(bin, store));
    }, 60_000);
    afterAll(async () => {
      await stopInstances(instances);
    });

    it('delays the mail of every instance by the delay the first was started with', async () => {
      const [a, b] = instances as [Instance, Instance];
      expect((await call(b, 'GET', '/control/mailbox/delay')).body).toEqual({ delayMs: 90_000 });
      await call(a, 'POST', '/control/clock/freeze', { frozen: true });
      const ticket = await call(b, 'POST', '/api/login', { username: 'eva', password: PASSWORD });
      const sent = await call(b, 'POST', '/api/login/email-code', { loginTicket: ticket.body.loginTicket });
      expect(sent.status).toBe(200);
      expect((await call(a, 'GET', '/control/mailbox/latest?to=eva@example.hu')).status).toBe(404);
      await call(b, 'POST', '/control/clock/advance', { ms: 90_000 });
      const mail = await call(a, 'GET', '/control/mailbox/latest?to=eva@example.hu');
      expect(mail.status).toBe(200);
      expect(mail.body.arrivedAt - mail.body.sentAt).toBe(90_000);
      expect(mail.body.sessionNumber).toBe(sent.body.sessionNumber);
    }, 60_000);

    it('takes a change on one instance to the other, and keeps it when one starts without the flag', async () => {
      const [a, b] = instances as [Instance, Instance];
      expect((await call(b, 'PUT', '/control/mailbox/delay', { delayMs: 600_000 })).status).toBe(200);
      expect((await call(a, 'GET', '/control/mailbox/delay')).body).toEqual({ delayMs: 600_000 });
      const c = await startInstance(bin, store);
      instances.push(c);
      expect((await call(c, 'GET', '/control/mailbox/delay')).body).toEqual({ delayMs: 600_000 });
      const d = await startInstance(bin, store, ['--mail-delay', '0']);
      instances.push(d);
      expect((await call(a, 'GET', '/control/mailbox/delay')).body).toEqual({ delayMs: 0 });
    }, 60_000);
  });
}

onSharedStores('serve --mail-delay across two instances', 'totp_lab_mail_delay', suite);
