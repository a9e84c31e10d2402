// FileStore on a shared machine: a hand-edited file nested absurdly deep is refused when opened,
// the directory it creates is private whatever the umask, and an existing file readable by others
// is made private when first read.
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore, StoreError } from '../../src/node/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-hardening-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const posix = process.platform !== 'win32';

describe('FileStore hardening', () => {
  it('a file nested 200 000 deep is refused with a StoreError on open, and on update, never a RangeError', async () => {
    const path = join(dir, 'deep.json');
    const depth = 200_000;
    await writeFile(
      path,
      `{"format":"totp-lab-store","version":1,"data":{"k":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
    );
    const store = new FileStore(path);
    await expect(store.get('k')).rejects.toBeInstanceOf(StoreError);
    await expect(store.update('other', () => 1)).rejects.toThrow(
      /is damaged: the value for key "k" is larger than \d+ characters or nested deeper than 100/,
    );
    // Refused, not rewritten.
    expect((await readFile(path, 'utf8')).length).toBeGreaterThan(2 * depth);
  });

  it.runIf(posix)('creates its directory 0700 even under umask 000', async () => {
    const old = process.umask(0);
    try {
      const store = new FileStore(join(dir, 'made', 'inner', 'state.json'));
      await store.update('k', () => 1);
    } finally {
      process.umask(old);
    }
    expect((await stat(join(dir, 'made'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'made', 'inner'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'made', 'inner', 'state.json'))).mode & 0o777).toBe(0o600);
  });

  it.runIf(posix)('makes a pre-existing 0644 file 0600 when it is first read', async () => {
    const path = join(dir, 'shared.json');
    await writeFile(path, '{"format":"totp-lab-store","version":1,"data":{"k":1}}\n');
    await chmod(path, 0o644);
    expect(await new FileStore(path).get('k')).toBe(1);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});
