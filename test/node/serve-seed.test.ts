// `totp-lab serve --api --seed FILE`: the accounts are there when the address is printed; a bad file
// stops start-up with one line (exit 2) and leaves the store as it was.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/node/index.js';
import { cli } from '../support/cli.js';
import { INSTANCE_TOKEN, compileCli, startInstance, stopInstances } from '../support/api-instances.js';

const PASSWORD = 'Tölgyfa-Kilenc-42';
let dir: string;
let compiled: Awaited<ReturnType<typeof compileCli>>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-serve-seed-'));
  compiled = await compileCli();
}, 60_000);
afterAll(async () => {
  await compiled?.remove();
  await rm(dir, { recursive: true, force: true });
});

async function storeContents(location: string): Promise<Record<string, unknown>> {
  const store = await openStore(location);
  try {
    const keys = await store.keys();
    return Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await store.get(k)])));
  } finally {
    await (store as { close?: () => Promise<void> }).close?.();
  }
}

describe('serve --seed', () => {
  it('puts the accounts in before the address is printed', async () => {
    const seed = join(dir, 'seed.json');
    await writeFile(
      seed,
      JSON.stringify({
        accounts: [
          { username: 'anna', password: PASSWORD, secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
          { username: 'eva', password: PASSWORD, email: 'eva@example.hu', factor: 'email' },
        ],
      }),
    );
    const store = `sqlite:${join(dir, 'seeded.db')}`;
    const instance = await startInstance(compiled.bin, store, ['--seed', seed]);
    try {
      const control = (path: string) =>
        fetch(instance.url + path, { headers: { authorization: `Bearer ${INSTANCE_TOKEN}` } }).then((r) => r.json());
      expect(await control('/control/accounts/anna')).toMatchObject({ exists: true, factor: 'app' });
      expect(await control('/control/accounts/eva')).toMatchObject({ exists: true, factor: 'email' });
      expect((await control('/control/accounts/anna/code')).code).toMatch(/^\d{6}$/);
    } finally {
      await stopInstances([instance]);
    }

    // A bad seed file on the same store: exit 2, one line naming the entry and field, nothing changed.
    const before = await storeContents(store);
    const bad = join(dir, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({
        accounts: [
          { username: 'anna', password: 'Új-Jelszó-1' },
          { username: 'bela', password: PASSWORD, passwordAgeDays: -2 },
        ],
      }),
    );
    const result = await cli('serve', '--api', '--port', '0', '--store', store, '--seed', bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^totp-lab: seed file ".*bad\.json": accounts\[1\] \("bela"\): "passwordAgeDays" must be a number of days from 0 to 3660, got -2$/,
    );
    expect(await storeContents(store)).toEqual(before);
  }, 60_000);

  it('needs --api, and a path', async () => {
    expect(await cli('serve', '--seed', 'seed.json')).toMatchObject({
      code: 2,
      stderr: 'totp-lab: --seed needs --api',
    });
    expect((await cli('serve', '--api', '--seed', '')).stderr).toBe(
      'totp-lab: --seed must be the path of a seed file, got ""',
    );
  });
});
