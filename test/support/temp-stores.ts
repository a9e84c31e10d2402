// Temporary store files for the FileStore tests, and child processes that use them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { compileForChild } from './compile-for-child.js';

const WORKER = fileURLToPath(new URL('./store-worker.mjs', import.meta.url));

export interface TempStores {
  /** A fresh store file path in its own (not yet created) directory. */
  storePath(): string;
  /** Runs store-worker.mjs on `path` with the given mode and arguments. */
  runWorker(path: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Registers the hooks that create and remove a temporary directory for one test file. */
export function useTempStores(): TempStores {
  let root: string;
  let compiled: string;
  let count = 0;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'totp-lab-file-store-'));
    compiled = await compileForChild('node/file-store.ts', join(root, 'compiled'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  return {
    storePath: () => join(root, `case-${++count}`, 'state.json'),
    runWorker: (path, ...args) =>
      new Promise((resolveRun, reject) => {
        const child = spawn(process.execPath, [WORKER, compiled, path, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolveRun({ code, stdout, stderr }));
      }),
  };
}

/** The pid of a process that has already exited, so it is certainly not running. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** A process that keeps running until `stop` is called, standing in for another lock holder. */
export function liveProcess(): { pid: number; stop: () => void } {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => child.kill() };
}
