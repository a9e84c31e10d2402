import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, TotpLabError } from '../../src/core/errors.js';
import { FileStore, STORE_FORMAT, StoreError } from '../../src/node/index.js';
import { compileForChild } from '../support/compile-for-child.js';

const WORKER = fileURLToPath(new URL('../support/store-worker.mjs', import.meta.url));
let root: string;
let compiled: string;
let dirCount = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'totp-lab-file-store-'));
  compiled = await compileForChild('node/file-store.ts', join(root, 'compiled'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh store file path in its own directory. */
function storePath(): string {
  return join(root, `case-${++dirCount}`, 'state.json');
}

/** The pid of a process that has already exited, so it is certainly not running. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function runWorker(path: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [WORKER, compiled, path, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

describe('FileStore on disk', () => {
  it('a missing file is an empty store, created with the versioned envelope on first write', async () => {
    const path = storePath();
    const store = new FileStore(path);
    expect(await store.get('x')).toBeUndefined();
    expect(existsSync(path)).toBe(false);
    await store.update('x', () => ({ a: [1, 'two', null] }));
    const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
    expect(raw).toEqual({ format: STORE_FORMAT, version: 1, data: { x: { a: [1, 'two', null] } } });
    // Nothing is left beside it: no lock, no temporary file.
    expect(await readdir(join(path, '..'))).toEqual(['state.json']);
    // It may hold TOTP secrets, so only its owner may read it.
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('sees what another FileStore instance (another process, in effect) committed', async () => {
    const path = storePath();
    const a = new FileStore(path);
    const b = new FileStore(path);
    await a.update('n', () => 1);
    expect(await b.get('n')).toBe(1);
    await b.update<number>('n', (n) => n! + 1);
    expect(await a.get('n')).toBe(2);
    expect(await a.snapshot()).toEqual({ n: 2 });
    // A rewrite that keeps the size (and perhaps the mtime) is still seen.
    await b.update('n', () => 3);
    expect(await a.get('n')).toBe(3);
    await a.update('__proto__', () => ({ x: [1] }));
    const snapshot = await b.snapshot();
    expect(Object.keys(snapshot)).toEqual(['__proto__', 'n']);
    (snapshot['__proto__'] as { x: number[] }).x.push(2);
    expect(await b.get('__proto__')).toEqual({ x: [1] });
  });

  it.each([
    ['empty', '', /is empty/],
    ['truncated', '{"format":"totp-lab-store","version":1,"data":{"k":"SECRETVALUE', /is not valid JSON at position \d+/],
    ['not JSON', 'format = totp-lab-store', /is not valid JSON/],
    ['an array', '[1, 2, 3]', /expected a JSON object, got an array of 3/],
    ['another format', '{"format":"something-else","version":1,"data":{}}', /"format" must be "totp-lab-store", got "something-else"/],
    ['no envelope', '{"k": 1}', /"format" must be "totp-lab-store", got nothing/],
    ['a newer version', '{"format":"totp-lab-store","version":2,"data":{}}', /has "version" 2; this totp-lab reads version 1/],
    ['data not an object', '{"format":"totp-lab-store","version":1,"data":[]}', /"data" must be an object, got an array of 0/],
  ])('refuses a file that is %s, naming it, and leaves it as it was', async (_, contents, message) => {
    const path = storePath();
    await new FileStore(path).update('seed', () => 1); // creates the directory
    await writeFile(path, contents);
    const store = new FileStore(path);
    for (const attempt of [() => store.get('k'), () => store.keys(), () => store.update('k', () => 1), () => store.snapshot()]) {
      const error: unknown = await attempt().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toBeInstanceOf(TotpLabError);
      expect((error as StoreError).code).toBe('STORE_ERROR');
      expect((error as StoreError).path).toBe(path);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toContain(JSON.stringify(path));
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message).not.toContain('SECRETVALUE');
    }
    expect(await readFile(path, 'utf8')).toBe(contents);
  });

  it('reads a hand-edited file that is still a valid store', async () => {
    const path = storePath();
    await new FileStore(path).update('seed', () => 1);
    await writeFile(path, '\uFEFF{ "version": 1, "data": { "b": true, "a": [] }, "format": "totp-lab-store" }');
    const store = new FileStore(path);
    expect(await store.keys()).toEqual(['a', 'b']);
    await store.update('c', () => 'new');
    expect(await store.snapshot()).toEqual({ a: [], b: true, c: 'new' });
  });

  it('refuses values that JSON would silently change, naming the key and the place', async () => {
    const store = new FileStore(storePath());
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: [unknown, RegExp][] = [
      [Number.NaN, /got NaN at the top/],
      [{ a: [1, Infinity] }, /got Infinity at \.a\[1\]/],
      [{ when: new Date(0) }, /got an object of type Date at \.when/],
      [{ f: () => 1 }, /got a value of type function at \.f/],
      [{ u: undefined }, /got undefined at \.u/],
      [[1, , 3], /got a hole at \[1\]/],
      [cyclic, /got a cycle at \.self/],
      [10n, /got 10n at the top/],
    ];
    for (const [value, message] of cases) {
      const error: unknown = await store.update('bad', () => value as never).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(/^the value for key "bad" must be JSON data/);
      expect((error as Error).message).toMatch(message);
    }
    await expect(store.update('p', (() => Promise.resolve(1)) as never)).rejects.toThrow(/must return the new value synchronously/);
    expect(await store.keys()).toEqual([]);
  });

  it('refuses bad arguments with typed errors', async () => {
    expect(() => new FileStore('')).toThrow('"path" must be a non-empty file path, got ""');
    expect(() => new FileStore(42 as never)).toThrow(InvalidArgumentError);
    expect(() => new FileStore('x.json', { lockTimeoutMs: -1 })).toThrow('"lockTimeoutMs" must be a finite number of milliseconds, at least 0, got -1');
    expect(() => new FileStore('x.json', { staleLockMs: Number.NaN })).toThrow(InvalidArgumentError);
    const store = new FileStore(storePath());
    await expect(store.get(7 as never)).rejects.toThrow('"key" must be a string, got 7');
    await expect(store.update('k', 'nope' as never)).rejects.toThrow('"fn" must be a function, got "nope"');
    await expect(store.keys(null as never)).rejects.toThrow(InvalidArgumentError);
  });

  it('removes temporary files a crashed writer left behind, and ignores unrelated files', async () => {
    const path = storePath();
    const store = new FileStore(path);
    await store.update('a', () => 1);
    const dir = join(path, '..');
    await writeFile(join(dir, '.state.json.99999.0badc0de.tmp'), '{"format":"totp-lab-store","vers');
    await writeFile(join(dir, 'notes.tmp'), 'mine');
    expect(await new FileStore(path).get('a')).toBe(1);
    await new FileStore(path).update('b', () => 2);
    expect((await readdir(dir)).sort()).toEqual(['notes.tmp', 'state.json']);
  });
});

describe('FileStore locking', () => {
  async function writeLock(path: string, pid: number, ageMs = 0): Promise<string> {
    const lockPath = `${path}.lock`;
    await writeFile(lockPath, JSON.stringify({ pid, hostname: hostname(), acquiredAt: new Date().toISOString(), token: 'theirs' }));
    if (ageMs > 0) {
      const then = new Date(Date.now() - ageMs);
      await utimes(lockPath, then, then);
    }
    return lockPath;
  }

  it('recovers a lock left by a process that no longer runs', async () => {
    const path = storePath();
    await new FileStore(path).update('n', () => 1);
    const lockPath = await writeLock(path, deadPid());
    await new FileStore(path, { lockTimeoutMs: 5_000 }).update<number>('n', (n) => n! + 1);
    expect(await new FileStore(path).get('n')).toBe(2);
    expect(existsSync(lockPath)).toBe(false);
    expect(existsSync(`${lockPath}.break`)).toBe(false);
  });

  it('recovers a lock older than staleLockMs even if its pid is running', async () => {
    const path = storePath();
    await new FileStore(path).update('n', () => 1);
    await writeLock(path, process.pid, 60_000);
    await new FileStore(path, { staleLockMs: 30_000, lockTimeoutMs: 5_000 }).update<number>('n', (n) => n! + 1);
    expect(await new FileStore(path).get('n')).toBe(2);
  });

  it('waits for a live lock and fails with a clear error when the wait runs out', async () => {
    const path = storePath();
    await new FileStore(path).update('n', () => 1);
    const lockPath = await writeLock(path, process.pid);
    const store = new FileStore(path, { lockTimeoutMs: 300 });
    const error: unknown = await store.update('n', () => 99).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toBe(
      `cannot lock store file ${JSON.stringify(path)} within 300 ms: ${lockPath} is held by pid ${process.pid} on ${hostname()} since ${JSON.parse(await readFile(lockPath, 'utf8')).acquiredAt}; if no process is using the store, delete the lock file`,
    );
    // The holder's lock is untouched and nothing was written.
    expect(JSON.parse(await readFile(lockPath, 'utf8')).token).toBe('theirs');
    expect(await store.get('n')).toBe(1);
    // Reading does not need the lock.
    expect(await store.keys()).toEqual(['n']);
  });

  it('proceeds as soon as a live lock is released', async () => {
    const path = storePath();
    const lockPath = await writeLock(path.replace(/state\.json$/, 'seed.json'), process.pid).catch(() => undefined);
    expect(lockPath).toBeUndefined(); // the directory does not exist yet: the store creates it
    const store = new FileStore(path);
    await store.update('n', () => 1);
    await writeLock(path, process.pid);
    const pending = store.update<number>('n', (n) => n! + 1);
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(settled).toBe(false);
    await rm(`${path}.lock`);
    expect(await pending).toBe(2);
  });

  it('an unreadable (empty) lock is respected while fresh and recovered once stale', async () => {
    const path = storePath();
    await new FileStore(path).update('n', () => 1);
    await writeFile(`${path}.lock`, '');
    await expect(new FileStore(path, { lockTimeoutMs: 100 }).update('n', () => 2)).rejects.toThrow(/is held \(unreadable, \d+ ms old\)/);
    const old = new Date(Date.now() - 120_000);
    await utimes(`${path}.lock`, old, old);
    expect(await new FileStore(path, { lockTimeoutMs: 1_000 }).update('n', () => 2)).toBe(2);
  });

  it('two processes incrementing one counter never lose an update', async () => {
    const path = storePath();
    await new FileStore(path).update('counter', () => 0);
    const N = 150;
    const runs = await Promise.all([runWorker(path, 'count', String(N)), runWorker(path, 'count', String(N))]);
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    expect(await new FileStore(path).get('counter')).toBe(2 * N);
    expect(await readdir(join(path, '..'))).toEqual(['state.json']);
  });

  it('several processes meeting one stale lock recover it once and lose no update', async () => {
    const path = storePath();
    await new FileStore(path).update('counter', () => 0);
    await writeLock(path, deadPid());
    const N = 40;
    const runs = await Promise.all([1, 2, 3, 4].map(() => runWorker(path, 'count', String(N))));
    for (const run of runs) expect([run.code, run.stderr]).toEqual([0, '']);
    expect(await new FileStore(path).get('counter')).toBe(4 * N);
    expect(await readdir(join(path, '..'))).toEqual(['state.json']);
  });

  it('serialises concurrent updates from several instances in one process', async () => {
    const path = storePath();
    const stores = [new FileStore(path), new FileStore(path), new FileStore(path)];
    await Promise.all(Array.from({ length: 60 }, (_, i) => stores[i % 3]!.update<number>('n', (n) => (n ?? 0) + 1)));
    await Promise.all(Array.from({ length: 30 }, (_, i) => stores[i % 3]!.update(`k${i}`, () => i)));
    const snapshot = await stores[0]!.snapshot();
    expect(snapshot.n).toBe(60);
    expect(Object.keys(snapshot)).toHaveLength(31);
  });
});
