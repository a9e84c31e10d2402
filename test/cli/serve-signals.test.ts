// `totp-lab serve` runs its server in the process that was started, with Node's defaults: no child
// process, and Ctrl+C or a supervisor's SIGTERM closes the server (exit 0, the port released).
// Processes are read from /proc: Linux only.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCli } from '../support/api-instances.js';

let cli: Awaited<ReturnType<typeof compileCli>>;
beforeAll(async () => {
  cli = await compileCli();
});
afterAll(() => cli.remove());

/**
 * Starts `totp-lab serve --api` in a process group of its own, as a shell starts a job; resolves
 * once it prints its address. NODE_OPTIONS is cleared: the test is of Node's defaults.
 */
function serve(): Promise<{ server: ChildProcess; url: string; port: number }> {
  const server = spawn(
    process.execPath,
    [cli.bin, 'serve', '--api', '--port', '0', '--hash-iterations', '1000', '--no-control'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' }, detached: true },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /HTTP API: (http:\/\/\S+?:(\d+)\/)api\//.exec(out);
      if (match) resolve({ server, url: match[1]!, port: Number(match[2]) });
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

/** The processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

const exited = (p: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    p.exitCode !== null ? resolve(p.exitCode) : p.once('exit', (code) => resolve(code)),
  );

/** True when a new server can listen on `port` of the loopback address: the old one let it go. */
const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

describe.runIf(process.platform === 'linux')('totp-lab serve in one process', () => {
  it('serves from the process that was started, with no child process and Node’s default options', async () => {
    const { server, url } = await serve();
    try {
      expect((await fetch(`${url}api/clock`)).status).toBe(200);
      expect(childrenOf(server.pid!)).toEqual([]);
      const cmdline = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0');
      expect(cmdline.some((arg) => arg.includes('semi-space'))).toBe(false);
    } finally {
      server.kill('SIGKILL');
      await exited(server);
    }
  });

  it('closes on SIGTERM with exit 0 and lets the port go', async () => {
    const { server, url, port } = await serve();
    expect((await fetch(`${url}api/clock`)).status).toBe(200);
    server.kill('SIGTERM');
    expect(await exited(server)).toBe(0);
    await expect(fetch(`${url}api/clock`)).rejects.toThrow();
    expect(await portIsFree(port)).toBe(true);
  });

  it('closes on Ctrl+C sent to its process group, as a terminal sends it, with exit 0', async () => {
    for (let i = 0; i < 2; i++) {
      const { server, url, port } = await serve();
      process.kill(-server.pid!, 'SIGINT');
      expect(await exited(server)).toBe(0);
      await expect(fetch(`${url}api/clock`)).rejects.toThrow();
      expect(await portIsFree(port)).toBe(true);
    }
  });

  it('refuses a bad argument with exit 2 and one line, no stack trace', async () => {
    const server = spawn(process.execPath, [cli.bin, 'serve', '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    server.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    expect(await exited(server)).toBe(2);
    expect(err).toContain('--port');
    expect(err).not.toMatch(/\n\s+at /);
  });
});
