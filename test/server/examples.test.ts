// The examples in examples/http run against a real `serve --api` process, as a user would run them,
// each twice against the same server: a user runs an example again and again.
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
  // Left undefined by a set-up that did not finish.
  let cli: Awaited<ReturnType<typeof compileCli>> | undefined;
  let instance: Instance | undefined;
  let dir = '';
  // Generous: transpiling the CLI and starting a server took over a minute on a 2-core machine
  // shared with other test runs.
  beforeAll(async () => {
    cli = await compileCli();
    dir = await mkdtemp(join(tmpdir(), 'totp-lab-examples-'));
    instance = await startInstance(cli.bin, join(dir, 'examples.sqlite'));
  }, 240_000);
  afterAll(async () => {
    if (instance !== undefined) await stopInstances([instance]);
    await cli?.remove();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  /** Runs an example twice against the instance; each run must pass as a user of its own. */
  async function twice(command: string, args: string[], env: Record<string, string>, last: string) {
    const users = [];
    for (const _ of [1, 2]) {
      const result = await run(command, args, {
        TOTP_LAB_URL: instance!.url,
        TOTP_LAB_CONTROL_TOKEN: INSTANCE_TOKEN,
        ...env,
      });
      expect(result.out).toContain(last);
      expect(result.out).not.toContain('FAILED');
      expect(result.code).toBe(0);
      users.push(/^ok: registered (\S+)$/m.exec(result.out)?.[1]);
    }
    expect(users[0]).toBeDefined();
    expect(users[1]).not.toBe(users[0]);
  }

  it('login.py (Python standard library) registers, enrolls, logs in and sees a replay refused, twice', async () => {
    await twice('python3', ['examples/http/login.py'], {}, 'ok: a replayed code is refused');
  }, 60_000);

  it('login.sh (curl) does the same, twice', async () => {
    // `totp-lab code` as the script's code source: the CLI transpiled from the sources.
    const wrapper = join(dir, 'totp-lab');
    await writeFile(wrapper, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cli!.bin)} "$@"\n`, {
      mode: 0o755,
    });
    await twice('bash', ['examples/http/login.sh'], { TOTP_LAB: wrapper }, 'ok: a replayed code is refused');
  }, 60_000);

  it('email_login.py chooses the e-mail code and logs in with a code read from the control mailbox, twice', async () => {
    await twice('python3', ['examples/http/email_login.py'], {}, 'ok: a used code is refused');
  }, 60_000);

  it('server.ts mounts the API next to its own routes, and answers the same the second time', async () => {
    const server = await startExampleServer(0);
    try {
      for (const _ of [1, 2]) {
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
      }
    } finally {
      await server.close();
    }
  });
});
