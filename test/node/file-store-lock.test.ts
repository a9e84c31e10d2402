import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore, StoreError } from '../../src/node/index.js';
import { deadPid, liveProcess, useTempStores } from '../support/temp-stores.js';

const { storePath, runWorker } = useTempStores();
const other = liveProcess();
afterAll(() => other.stop());

describe('FileStore locking', () => {
  async function writeLock(path: string, pid: number, ageMs = 0): Promise<string> {
    const lockPath = `${path}.lock`;
    await writeFile(
      lockPath,
      JSON.stringify({ pid, hostname: hostname(), acquiredAt: new Date().toISOString(), token: 'theirs' }),
    );
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

  it("recovers a lock with this process's pid that this process does not hold (a restarted container)", async () => {
    const path = storePath();
    await new FileStore(path).update('n', () => 1);
    await writeLock(path, process.pid);
    await new FileStore(path, { lockTimeoutMs: 5_000 }).update<number>('n', (n) => n! + 1);
    expect(await new FileStore(path).get('n')).toBe(2);
  });

  it('recovers a lock older than staleLockMs even if its pid is running', async () => {
    const path = storePath();
    await new FileStore(path).update('n', () => 1);
    await writeLock(path, other.pid, 60_000);
    await new FileStore(path, { staleLockMs: 30_000, lockTimeoutMs: 5_000 }).update<number>('n', (n) => n! + 1);
    expect(await new FileStore(path).get('n')).toBe(2);
  });

  it('waits for a live lock and fails with a clear error when the wait runs out', async () => {
    const path = storePath();
    await new FileStore(path).update('n', () => 1);
    const lockPath = await writeLock(path, other.pid);
    const store = new FileStore(path, { lockTimeoutMs: 300 });
    const error: unknown = await store
      .update('n', () => 99)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toBe(
      `cannot lock store file ${JSON.stringify(path)} within 300 ms: ${lockPath} is held by pid ${other.pid} on ${hostname()} since ${JSON.parse(await readFile(lockPath, 'utf8')).acquiredAt}; if no process is using the store, delete the lock file`,
    );
    // The holder's lock is untouched and nothing was written.
    expect(JSON.parse(await readFile(lockPath, 'utf8')).token).toBe('theirs');
    expect(await store.get('n')).toBe(1);
    // Reading does not need the lock.
    expect(await store.keys()).toEqual(['n']);
  });

  it('waits while a live lock is held and proceeds once it is released', async () => {
    const path = storePath();
    const store = new FileStore(path);
    await store.update('n', () => 1);
    await writeLock(path, other.pid);
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
    await expect(new FileStore(path, { lockTimeoutMs: 100 }).update('n', () => 2)).rejects.toThrow(
      /is held \(unreadable, \d+ ms old\)/,
    );
    const old = new Date(Date.now() - 120_000);
    await utimes(`${path}.lock`, old, old);
    expect(await new FileStore(path, { lockTimeoutMs: 1_000 }).update('n', () => 2)).toBe(2);
  });

  it('never leaves its lock without contents, and removes lock candidates of dead processes', async () => {
    const path = storePath();
    await new FileStore(path).update('n', () => 1);
    const dir = join(path, '..');
    const dead = `state.json.lock.${deadPid()}.0badc0de.tmp`;
    const alive = `state.json.lock.${other.pid}.0badc0de.tmp`;
    await writeFile(join(dir, dead), '{}');
    await writeFile(join(dir, alive), '{}');
    const store = new FileStore(path);
    await store.update<number>('n', (n) => {
      // While fn runs the lock is held: it exists, complete, naming this process.
      expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({
        pid: process.pid,
        hostname: hostname(),
      });
      return n! + 1;
    });
    expect((await readdir(dir)).sort()).toEqual(['state.json', alive].sort());
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
