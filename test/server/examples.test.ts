// The examples in examples/http run against a real `serve --api` process, as a user would run them.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExampleServer } from '../../examples/http/server.js';
import { INSTANCE_TOKEN, compileCli, startInstance, stopInstances, type Instance } from '../support/api-instances.js';

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('examples/http', () => {
  let cli: Awaited<ReturnType<typeof compileCli>>;
  let instance: Instance;
  let dir: string;
  beforeAll(async () => {
    cli = await compileCli();
    dir = await mkdtemp(join(tmpdir(), 'totp-lab-examples-'));
    instance = await startInstance(cli.bin, join(dir, 'examples.sqlite'));
  }, 60_000);
  afterAll(async () => {
    await stopInstances([instance]);
    await cli.remove();
    await rm(dir, { recursive: true, force: true });
  });

  it('login.py (Python standard library) registers, enrolls, logs in and sees a replay refused', async () => {
    const result = await run('python3', ['examples/http/login.py'], {
      TOTP_LAB_URL: instance.url,
      TOTP_LAB_CONTROL_TOKEN: INSTANCE_TOKEN,
    });
    expect(result.out).toContain('ok: a replayed code is refused');
    expect(result.code).toBe(0);
  }, 30_000);

  it('login.sh (curl) does the same', async () => {
    // `totp-lab code` as the script's code source: the CLI transpiled from the sources.
    const wrapper = join(dir, 'totp-lab');
    await writeFile(wrapper, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cli.bin)} "$@"\n`, {
      mode: 0o755,
    });
    const result = await run('bash', ['examples/http/login.sh'], {
      TOTP_LAB_URL: instance.url,
      TOTP_LAB_CONTROL_TOKEN: INSTANCE_TOKEN,
      TOTP_LAB: wrapper,
    });
    expect(result.out).toContain('ok: a replayed code is refused');
    expect(result.code).toBe(0);
  }, 30_000);

  it('email_login.py chooses the e-mail code and logs in with a code read from the control mailbox', async () => {
    const result = await run('python3', ['examples/http/email_login.py'], {
      TOTP_LAB_URL: instance.url,
      TOTP_LAB_CONTROL_TOKEN: INSTANCE_TOKEN,
    });
    expect(result.out).toContain('ok: logged in with the e-mailed code');
    expect(result.out).toContain('ok: a used code is refused');
    expect(result.code).toBe(0);
  }, 30_000);

  it('server.ts mounts the API next to its own routes', async () => {
    const server = await startExampleServer(0);
    try {
      expect(await (await fetch(server.url)).text()).toContain('My app');
      const doc = await (await fetch(`${server.url}openapi.json`)).json();
      expect(doc.openapi).toBe('3.1.0');
      const refused = await fetch(`${server.url}api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"username":"nobody","password":"x"}',
      });
      expect(refused.status).toBe(401);
      expect((await fetch(`${server.url}nothing`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
