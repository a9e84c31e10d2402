// `totp-lab serve --api` as separate processes, for the tests that run several instances on one
// store. The CLI is transpiled from the sources into node_modules/.cache, so its package imports
// resolve from the repository and the test runs before any build.
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { compileForChild } from './compile-for-child.js';
import { checkAnswer, type Answer } from '../server/api-client.js';

export const INSTANCE_TOKEN = 'instance-control-token-0123456789';

export interface Instance {
  url: string;
  child: ChildProcess;
}

/** Transpiles the CLI once per test file; returns the entry and a clean-up. */
export async function compileCli(): Promise<{ bin: string; remove: () => Promise<void> }> {
  const dir = join(process.cwd(), 'node_modules', '.cache', `totp-lab-cli-${process.pid}-${Date.now()}`);
  const bin = await compileForChild('cli/bin.ts', dir);
  return { bin, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Starts one `serve --api` on `store`, resolves when it prints its address. */
export function startInstance(bin: string, store: string, extra: string[] = []): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        bin,
        'serve',
        '--api',
        '--port',
        '0',
        '--store',
        store,
        '--hash-iterations',
        '1000',
        '--language',
        'en',
        ...extra,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TOTP_LAB_CONTROL_TOKEN: INSTANCE_TOKEN },
      },
    );
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /HTTP API: (http:\/\/[^ ]+?\/)api\//.exec(out);
      if (match) resolve({ url: match[1]!.replace(/\/$/, ''), child });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`serve --api exited with ${code}: ${err.trim()}`)));
  });
}

/** One request to `instance` (JSON in and out, the token on /control/ paths), checked against the OpenAPI document. */
export async function callInstance(instance: Instance, method: string, path: string, body?: unknown): Promise<Answer> {
  const url = instance.url + path;
  const response = await fetch(url, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(path.startsWith('/control/') && { authorization: `Bearer ${INSTANCE_TOKEN}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return checkAnswer(method, url, response);
}

/** Stops instances and waits for them to exit. */
export async function stopInstances(instances: Instance[]): Promise<void> {
  await Promise.all(
    instances.map(
      (i) =>
        new Promise<void>((resolve) => {
          if (i.child.exitCode !== null) return resolve();
          i.child.once('exit', () => resolve());
          i.child.kill('SIGTERM');
        }),
    ),
  );
}
