// Several `totp-lab serve --api` processes on one store behave as one service: a code is accepted
// once across all of them, wrong passwords count across them, and the clock is shared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCode } from '../../src/index.js';
import { onSharedStores } from '../support/shared-stores.js';
import { INSTANCE_TOKEN, compileCli, startInstance, stopInstances, type Instance } from '../support/api-instances.js';

const T0 = Date.UTC(2025, 0, 16, 8, 0, 5);
const PASSWORD = 'Tölgyfa-Kilenc-42';

async function call(
  instance: Instance,
  method: string,
  path: string,
  body?: unknown,
  control = false,
): Promise<{ status: number; body: any }> {
  const response = await fetch(instance.url + path, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(control && { authorization: `Bearer ${INSTANCE_TOKEN}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

// Transpiled once for the file, shared by both suites.
let compiled: ReturnType<typeof compileCli> | undefined;
afterAll(async () => {
  await (await compiled)?.remove();
});

function crossInstanceSuite(name: string, storeFor: () => Promise<string>): void {
  describe(`three serve --api instances on one ${name}`, () => {
    let instances: Instance[] = [];
    let bin: { bin: string; remove: () => Promise<void> };
    beforeAll(async () => {
      compiled ??= compileCli();
      bin = await compiled;
      const store = await storeFor();
      // The first one creates the schema; the others join it.
      instances = [await startInstance(bin.bin, store)];
      instances.push(...(await Promise.all([startInstance(bin.bin, store), startInstance(bin.bin, store)])));
    }, 60_000);
    afterAll(async () => {
      await stopInstances(instances);
    });

    it('accept one of 20 concurrent logins with the same code, count wrong passwords across instances, and share the clock', async () => {
      const [a, b, c] = instances as [Instance, Instance, Instance];
      await call(a, 'POST', '/control/reset', undefined, true);
      await call(b, 'POST', '/control/clock/freeze', { frozen: true }, true);
      await call(a, 'PUT', '/control/clock', { time: T0 }, true);
      const at = (t: number) => ({ now: () => t });

      expect(
        (await call(c, 'POST', '/api/register', { username: 'anna', password: PASSWORD, email: 'anna@example.hu' }))
          .status,
      ).toBe(201);
      const started = await call(a, 'POST', '/api/enrollment', { username: 'anna', password: PASSWORD });
      expect(started.status).toBe(200);
      expect(started.body.qr.svg).toContain('<svg');
      const confirmed = await call(b, 'POST', '/api/enrollment/confirm', {
        enrollmentId: started.body.enrollmentId,
        code: generateCode(started.body.secret, { clock: at(T0) }),
      });
      expect(confirmed.status).toBe(200);
      expect(
        (
          await call(c, 'POST', '/api/enrollment/finish', {
            enrollmentId: started.body.enrollmentId,
            deletionCodeSaved: true,
          })
        ).status,
      ).toBe(200);

      // A clock change on one instance is seen by the others.
      const moved = await call(c, 'POST', '/control/clock/advance', { ms: 30_000 }, true);
      expect(moved.body).toMatchObject({ now: T0 + 30_000, frozen: true });
      for (const i of [a, b])
        expect((await call(i, 'GET', '/control/clock', undefined, true)).body.now).toBe(T0 + 30_000);

      // Page one one after another (parallel right passwords are the provider's own concern); page two all at once.
      const tickets = [];
      for (let n = 0; n < 20; n++)
        tickets.push(await call(instances[n % 3]!, 'POST', '/api/login', { username: 'anna', password: PASSWORD }));
      expect(tickets.map((t) => t.status)).toEqual(Array(20).fill(200));
      const code = generateCode(started.body.secret, { clock: at(T0 + 30_000) });
      const logins = await Promise.all(
        tickets.map((t, n) =>
          call(instances[(n + 1) % 3]!, 'POST', '/api/login/code', { loginTicket: t.body.loginTicket, code }),
        ),
      );
      expect(logins.filter((l) => l.status === 200)).toHaveLength(1);
      expect(logins.filter((l) => l.status === 401 && l.body.messageKey === 'login.refused')).toHaveLength(19);

      expect(
        (await call(a, 'POST', '/api/register', { username: 'bela', password: PASSWORD, email: 'bela@example.hu' }))
          .status,
      ).toBe(201);
      for (let n = 0; n < 5; n++)
        expect(
          (await call(instances[n % 3]!, 'POST', '/api/login', { username: 'bela', password: `wrong-${n}` })).status,
        ).toBe(401);
      expect((await call(b, 'GET', '/control/accounts/bela', undefined, true)).body).toMatchObject({
        locked: true,
        passwordFailures: 5,
      });
      expect((await call(c, 'POST', '/api/login', { username: 'bela', password: PASSWORD })).status).toBe(401);
    }, 60_000);
  });
}

onSharedStores('Three serve --api instances', 'totp_lab_cross', crossInstanceSuite);
