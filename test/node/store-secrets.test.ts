// The durable stores keep their secrets: the SQLite file (TOTP keys in clear) and its -wal and -shm
// files are readable by their owner only whatever the umask, and no message about a PostgreSQL
// store shows any part of its password, also when the password holds "@", ":" or "/".
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/index.js';
import { openPostgresStore, openSqliteStore, StoreError } from '../../src/node/index.js';
import { closedPort } from './smtp-catcher.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-store-secrets-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const posix = process.platform !== 'win32';
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('the SQLite store on a shared machine', () => {
  it.runIf(posix)('creates the database and its -wal and -shm files 0600 even under umask 000', async () => {
    const file = join(dir, 'lab.db');
    const old = process.umask(0);
    let store;
    try {
      store = await openSqliteStore(file);
      await store.update('account:kovacs.janos', () => ({ secret: 'JBSWY3DPEHPK3PXP' }));
      expect(await modeOf(file)).toBe(0o600);
      expect(await modeOf(`${file}-wal`)).toBe(0o600);
      expect(await modeOf(`${file}-shm`)).toBe(0o600);
    } finally {
      process.umask(old);
      await store?.close();
    }
  });

  it.runIf(posix)('makes an existing database readable by others 0600 when it opens it', async () => {
    const file = join(dir, 'shared.db');
    await (await openSqliteStore(file)).close();
    await chmod(file, 0o644);
    const store = await openSqliteStore(file);
    try {
      expect(await modeOf(file)).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it('still refuses a file that is not SQLite, leaving it as it was', async () => {
    const file = join(dir, 'text.db');
    await writeFile(file, 'not a database '.repeat(40));
    await expect(openSqliteStore(file)).rejects.toBeInstanceOf(StoreError);
  });
});

/** Every part of `password` that a careless message could show. */
function partsOf(password: string): string[] {
  return [password, encodeURIComponent(password), ...password.split(/[@:/]/).filter((p) => p.length >= 3)];
}

function expectNoPart(text: string, password: string): void {
  for (const part of partsOf(password)) expect(text, `shows ${JSON.stringify(part)}`).not.toContain(part);
}

describe('a PostgreSQL password in messages', () => {
  for (const password of ['p@ss-w0rd', 'kék@ég:hegy@völgy', 'first@second@third']) {
    it(`shows no part of ${JSON.stringify(password)} when the server cannot be reached`, async () => {
      const port = await closedPort();
      const error = await openPostgresStore(`postgres://lab:${password}@127.0.0.1:${port}/lab`).catch((e) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error.message).toMatch(/cannot connect to PostgreSQL store postgres:\/\/lab:…@127\.0\.0\.1:\d+\/lab/);
      expectNoPart(`${error.message} ${error.path} ${String(error.cause?.message ?? '')}`, password);
    });
  }

  it('refuses a password with "/" in it, which makes no valid URL, saying to percent-encode it', async () => {
    const password = 'left/right@middle';
    const error = await openPostgresStore(`postgres://lab:${password}@127.0.0.1:1/lab`).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toBe(
      '"url" must be a valid postgres:// URL (percent-encode "@", ":" and "/" in the user name and password), got postgres://lab:…@127.0.0.1:1/lab',
    );
    expectNoPart(error.message, password);
  });

  const url = process.env['TOTP_LAB_TEST_POSTGRES_URL'];
  it.runIf(url !== undefined && url !== '')('shows no part of it in what a real server answers', async () => {
    // The test server trusts local users whatever the password: a database that does not exist
    // makes it answer with an error instead.
    const real = new URL(url!);
    const password = 'wr@ng-Secret@Part';
    const raw = `postgres://${real.username}:${password}@${real.host}/no_such_database_here`;
    const error = await openPostgresStore(raw).catch((e) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toContain('no_such_database_here');
    expectNoPart(`${error.message} ${error.path}`, password);
  });
});
