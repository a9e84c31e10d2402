import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, TotpLabError } from '../../src/core/errors.js';
import { FileStore, STORE_FORMAT, StoreError } from '../../src/node/index.js';
import { useTempStores } from '../support/temp-stores.js';

const { storePath } = useTempStores();

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
    [
      'truncated',
      '{"format":"totp-lab-store","version":1,"data":{"k":"SECRETVALUE',
      /is not valid JSON at position \d+/,
    ],
    ['not JSON', 'format = totp-lab-store', /is not valid JSON/],
    ['an array', '[1, 2, 3]', /expected a JSON object, got an array of 3/],
    [
      'another format',
      '{"format":"something-else","version":1,"data":{}}',
      /"format" must be "totp-lab-store", got "something-else"/,
    ],
    ['no envelope', '{"k": 1}', /"format" must be "totp-lab-store", got nothing/],
    [
      'a newer version',
      '{"format":"totp-lab-store","version":2,"data":{}}',
      /has "version" 2; this totp-lab reads version 1/,
    ],
    [
      'data not an object',
      '{"format":"totp-lab-store","version":1,"data":[]}',
      /"data" must be an object, got an array of 0/,
    ],
  ])('refuses a file that is %s, naming it, and leaves it as it was', async (_, contents, message) => {
    const path = storePath();
    await new FileStore(path).update('seed', () => 1); // creates the directory
    await writeFile(path, contents);
    const store = new FileStore(path);
    for (const attempt of [
      () => store.get('k'),
      () => store.keys(),
      () => store.update('k', () => 1),
      () => store.snapshot(),
    ]) {
      const error: unknown = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
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
      const error: unknown = await store
        .update('bad', () => value as never)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(/^the value for key "bad" must be JSON data/);
      expect((error as Error).message).toMatch(message);
    }
    await expect(store.update('p', (() => Promise.resolve(1)) as never)).rejects.toThrow(
      /must return the new value synchronously/,
    );
    expect(await store.keys()).toEqual([]);
  });

  it('refuses bad arguments with typed errors', async () => {
    expect(() => new FileStore('')).toThrow('"path" must be a non-empty file path, got ""');
    expect(() => new FileStore(42 as never)).toThrow(InvalidArgumentError);
    expect(() => new FileStore('x.json', { lockTimeoutMs: -1 })).toThrow(
      '"lockTimeoutMs" must be a finite number of milliseconds, at least 0, got -1',
    );
    expect(() => new FileStore('x.json', { staleLockMs: Number.NaN })).toThrow(InvalidArgumentError);
    const store = new FileStore(storePath());
    await expect(store.get(7 as never)).rejects.toThrow('"key" must be a string, got 7');
    await expect(store.update('k', 'nope' as never)).rejects.toThrow('"fn" must be a function, got "nope"');
    await expect(store.keys(null as never)).rejects.toThrow(InvalidArgumentError);
    // Misuse rejects the promise rather than throwing synchronously, as MemoryStore does.
    const rejected = store.update(null as never, () => 1);
    await expect(rejected).rejects.toThrow('"key" must be a string, got null');
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
