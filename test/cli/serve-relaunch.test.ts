// `totp-lab serve` runs its server in a child Node process started with SERVER_NODE_OPTIONS, and
// the process that was started stands in for it: signals pass to the child, its exit code comes
// back, and a child left without its parent shuts down. Processes are read from /proc: Linux only.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_NODE_OPTIONS } from '../../src/node/index.js';
import { needsServerNodeOptions, nodeOptionsOf } from '../../src/node/server-heap.js';
import { shouldRelaunch } from '../../src/cli/relaunch.js';
import { compileCli } from '../support/api-instances.js';

describe('needsServerNodeOptions', () => {
  it('keeps a young generation size given on the command line or in NODE_OPTIONS', () => {
    const needs = (execArgv: string[], env: string | undefined) => needsServerNodeOptions(nodeOptionsOf(execArgv, env));
    expect(needs([], undefined)).toBe(true);
    expect(needs(['--inspect'], '--enable-source-maps')).toBe(true);
    expect(needs(['--max-semi-space-size=16'], undefined)).toBe(false);
    expect(needs([], '--enable-source-maps --max_semi_space_size=8')).toBe(false);
    expect(nodeOptionsOf(['--a'], '  --b   --c ')).toEqual(['--a', '--b', '--c']);
  });
});

describe('shouldRelaunch', () => {
  it('starts a child for the server only, and not under a debugger', () => {
    expect(shouldRelaunch(['serve', '--api'], [], undefined)).toBe(true);
    expect(shouldRelaunch(['serve', '--help'], [], undefined)).toBe(false);
    expect(shouldRelaunch(['code', 'JBSWY3DPEHPK3PXP'], [], undefined)).toBe(false);
    expect(shouldRelaunch(['serve'], ['--inspect-brk'], undefined)).toBe(false);
    expect(shouldRelaunch(['serve'], [], '--inspect=127.0.0.1:0')).toBe(false);
    expect(shouldRelaunch(['serve'], [], '--max-semi-space-size=32')).toBe(false);
  });
});

let cli: Awaited<ReturnType<typeof compileCli>>;
beforeAll(async () => {
  cli = await compileCli();
});
afterAll(() => cli.remove());

/** Starts `totp-lab serve --api` in a process group of its own; resolves once it prints its address. */
function serve(env: NodeJS.ProcessEnv = {}): Promise<{ parent: ChildProcess; url: string }> {
  const parent = spawn(
    process.execPath,
    [cli.bin, 'serve', '--api', '--port', '0', '--hash-iterations', '1000', '--no-control'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, detached: true },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    parent.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /HTTP API: (http:\/\/\S+?\/)api\//.exec(out);
      if (match) resolve({ parent, url: match[1]! });
    });
    parent.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

/** The processes whose parent is `pid`, with their command lines. */
function childrenOf(pid: number): Array<{ pid: number; args: string[] }> {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) continue;
      out.push({ pid: Number(name), args: readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0') });
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** True while `pid` runs (a zombie has ended). */
function running(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const exited = (p: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    p.exitCode !== null ? resolve(p.exitCode) : p.once('exit', (code) => resolve(code)),
  );

async function until(condition: () => boolean, ms = 5000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe.runIf(process.platform === 'linux')('totp-lab serve in a child process', () => {
  it('serves from a child started with the server Node options, and passes SIGTERM on', async () => {
    const { parent, url } = await serve();
    const [child] = childrenOf(parent.pid!);
    expect(child?.args).toEqual(expect.arrayContaining([...SERVER_NODE_OPTIONS, cli.bin, 'serve']));
    expect((await fetch(`${url}api/clock`)).status).toBe(200);
    parent.kill('SIGTERM');
    expect(await exited(parent)).toBe(0);
    expect(await until(() => !running(child!.pid))).toBe(true);
  });

  it('stops cleanly on Ctrl+C sent to its process group, as a terminal sends it', async () => {
    for (let i = 0; i < 3; i++) {
      const { parent } = await serve();
      const [child] = childrenOf(parent.pid!);
      process.kill(-parent.pid!, 'SIGINT');
      expect(await exited(parent)).toBe(0);
      expect(await until(() => !running(child!.pid))).toBe(true);
    }
  });

  it('stops the server when its parent is killed outright', async () => {
    const { parent, url } = await serve();
    const [child] = childrenOf(parent.pid!);
    parent.kill('SIGKILL');
    await exited(parent);
    expect(await until(() => !running(child!.pid))).toBe(true);
    await expect(fetch(`${url}api/clock`)).rejects.toThrow();
  });

  it('serves in the process itself when NODE_OPTIONS gives a young generation size', async () => {
    const { parent, url } = await serve({ NODE_OPTIONS: '--max-semi-space-size=32' });
    expect(childrenOf(parent.pid!)).toEqual([]);
    expect((await fetch(`${url}api/clock`)).status).toBe(200);
    parent.kill('SIGTERM');
    expect(await exited(parent)).toBe(0);
  });

  it('passes a refused argument’s exit code back', async () => {
    const parent = spawn(process.execPath, [cli.bin, 'serve', '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    parent.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    expect(await exited(parent)).toBe(2);
    expect(err).toContain('--port');
    expect(err).not.toMatch(/\n\s+at /);
  });
});
