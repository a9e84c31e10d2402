import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError, openSqliteStore, openStore, storeKind } from '../../src/node/index.js';
import { storeContract } from '../support/store-contract.js';
import { compileForChild } from '../support/compile-for-child.js';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'totp-lab-sqlite-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('SqliteStore', () => {
  storeContract(async () => openSqliteStore(join(await tempDir(), 'state.db')));

  it('is chosen by a sqlite: URL or a .db/.sqlite path, and keeps its data across opens', async () => {
    const dir = await tempDir();
    const first = await openStore(`sqlite:${join(dir, 'a.data')}`);
    await first.update('k', () => ({ n: 1 }));
    await first.close?.();
    const again = await openStore(`sqlite://${join(dir, 'a.data')}`);
    expect(await again.get('k')).toEqual({ n: 1 });
    expect((await openStore(join(dir, 'b.sqlite'))).constructor.name).toBe('SqliteStore');
  });

  it('commits updates that arrive together in one transaction, and a throwing fn fails only itself', async () => {
    const store = await openSqliteStore(join(await tempDir(), 'group.db'));
    const results = await Promise.allSettled([
      store.update<number>('n', (n) => (n ?? 0) + 1),
      store.update('bad', () => {
        throw new Error('no thanks');
      }),
      store.update<number>('n', (n) => (n ?? 0) + 1),
      store.update('fn', () => (() => 1) as never),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(await store.get('n')).toBe(2);
    expect(await store.keys()).toEqual(['n']);
  });

  it('refuses a file that is not SQLite, naming it', async () => {
    const file = join(await tempDir(), 'text.db');
    await writeFile(file, 'this is not a database, just text that is long enough to be a header '.repeat(10));
    await expect(openSqliteStore(file)).rejects.toThrow(StoreError);
    await expect(openSqliteStore(file)).rejects.toThrow(/cannot open SQLite store ".*text\.db"/);
  });

  it('turns a hand-edited value nested too deep into a StoreError', async () => {
    const file = join(await tempDir(), 'deep.db');
    const store = await openSqliteStore(file);
    await store.update('k', () => 1);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(file);
    db.prepare('UPDATE totp_lab_store SET value = ? WHERE key = ?').run('['.repeat(5000) + ']'.repeat(5000), 'k');
    db.close();
    await expect(store.get('k')).rejects.toThrow(StoreError);
    await expect(store.update('k', () => 2)).rejects.toThrow(StoreError);
  });

  it('keeps every update of several processes at once (no lost update)', async () => {
    const dir = await tempDir();
    const compiled = await compileForChild(
      'node/sqlite-store.ts',
      join(process.cwd(), 'node_modules', '.cache', `totp-lab-child-${process.pid}`),
    );
    dirs.push(join(process.cwd(), 'node_modules', '.cache', `totp-lab-child-${process.pid}`));
    const file = join(dir, 'shared.db');
    const script = `const { openSqliteStore } = await import(${JSON.stringify(compiled)});
      const store = await openSqliteStore(process.argv[1]);
      for (let i = 0; i < 100; i++) await store.update('counter', (n) => (n ?? 0) + 1);`;
    const run = () =>
      new Promise<number | null>((resolve) =>
        spawn(process.execPath, ['--input-type=module', '-e', script, file], { stdio: 'inherit' }).on('close', resolve),
      );
    expect(await Promise.all([run(), run(), run()])).toEqual([0, 0, 0]);
    expect(await (await openSqliteStore(file)).get('counter')).toBe(300);
  });
});

// Kept for the child script above: the compiled module resolves better-sqlite3 from the repository.
export const HERE = fileURLToPath(import.meta.url);

describe('naming a store', () => {
  it('refuses a URL of an unsupported kind instead of writing a JSON file of that name', async () => {
    expect(storeKind('sqlite:lab.db')).toBe('sqlite');
    expect(storeKind('postgres://user@host/db')).toBe('postgres');
    expect(storeKind('training.json')).toBe('file');
    expect(() => storeKind('mysql://user@host/db')).toThrow(
      /must start with sqlite: or postgres:\/\/, got a mysql:\/\/ URL/,
    );
    await expect(openStore('redis://localhost')).rejects.toThrow(/got a redis:\/\/ URL/);
  });
});
