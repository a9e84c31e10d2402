// Seed files: checked whole before anything is written, one line naming the file, entry and field
// for the first problem, and put into the service as POST /control/accounts puts accounts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOW_COST_HASHING_FOR_TESTS, MemoryStore, createProvider, generateCode, manualClock } from '../../src/index.js';
import { applySeed, readSeed, readSeedFile } from '../../src/node/index.js';

const PASSWORD = 'Tölgyfa-Kilenc-42';
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'totp-lab-seed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fileWith = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

describe('reading a seed', () => {
  it('takes named lists of checked entries; a missing list is empty', () => {
    expect(readSeed({})).toEqual({ accounts: [], clients: [] });
    const seed = readSeed({
      accounts: [
        { username: ' anna ', password: PASSWORD, secret: RFC_SECRET.toLowerCase() },
        { username: 'eva', password: PASSWORD, email: 'eva@example.hu', factor: 'email', passwordAgeDays: 3 },
      ],
    });
    expect(seed.accounts.map((a) => [a.username, a.factor, a.secret, a.passwordAgeDays])).toEqual([
      ['anna', 'app', RFC_SECRET, 0],
      ['eva', 'email', null, 3],
    ]);
  });

  it('names the list, the entry and the field of the first problem, in one line', () => {
    const bad: [unknown, string][] = [
      [[], 'a seed file must be a JSON object of lists (accounts, clients), got an array of 0'],
      [{ devices: [] }, 'unknown list "devices"; a seed file holds accounts, clients'],
      [{ accounts: {} }, 'accounts must be a list of at most 10000 entries, got a value of type object'],
      [
        {
          accounts: [
            { username: 'anna', password: PASSWORD },
            { username: 'bela', password: PASSWORD, sms: 1 },
          ],
        },
        'accounts[1] ("bela"): unknown field "sms"; expected username, password, email, factor, secret, deletionCode, active, passwordAgeDays, locked',
      ],
      [
        { accounts: [{ username: 'anna', password: PASSWORD, passwordAgeDays: -1 }] },
        'accounts[0] ("anna"): "passwordAgeDays" must be a number of days from 0 to 3660, got -1',
      ],
      [
        { accounts: [{ username: 'anna', password: PASSWORD, secret: '0000' }] },
        'accounts[0] ("anna"): "secret" must be base32 (letters A-Z and digits 2-7), the character at position 1 is not one of them',
      ],
      [{ accounts: [7] }, 'accounts[0]: an account must be an object, got 7'],
      [
        {
          accounts: [
            { username: 'anna', password: PASSWORD },
            { username: 'anna ', password: PASSWORD },
          ],
        },
        'accounts[1] ("anna "): the same username as accounts[0]',
      ],
    ];
    for (const [value, message] of bad) {
      let error: Error | undefined;
      try {
        readSeed(value);
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).toBe(message);
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
  });

  it('reads a file, and names it when it cannot be read or is not JSON, never quoting its text', async () => {
    const good = await fileWith('good.json', JSON.stringify({ accounts: [{ username: 'anna', password: PASSWORD }] }));
    expect((await readSeedFile(good)).accounts).toHaveLength(1);
    await expect(readSeedFile(join(dir, 'missing.json'))).rejects.toThrow(
      /^seed file ".*missing\.json" cannot be read \(ENOENT\)$/,
    );
    const broken = await fileWith(
      'broken.json',
      `{\n  "accounts": [{ "username": "anna", "password": "Titok-123", }]\n}`,
    );
    const error = (await readSeedFile(broken).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/^seed file ".*broken\.json" is not valid JSON \(line 2, column \d+\)$/);
    expect(error.message).not.toContain('Titok');
    const wrong = await fileWith('wrong.json', JSON.stringify({ accounts: [{ username: 'anna', password: '' }] }));
    await expect(readSeedFile(wrong)).rejects.toThrow(
      /^seed file ".*wrong\.json": accounts\[0\] \("anna"\): "password" must not be empty$/,
    );
  });
});

describe('applying a seed', () => {
  it('creates the accounts, and applying it again gives the same accounts', async () => {
    const store = new MemoryStore();
    const clock = manualClock(Date.UTC(2025, 0, 16, 8, 0, 5));
    const provider = createProvider({ store, clock, hashing: LOW_COST_HASHING_FOR_TESTS });
    const seed = readSeed({
      accounts: [
        { username: 'anna', password: PASSWORD, secret: RFC_SECRET },
        { username: 'bela', password: PASSWORD, locked: true, factor: 'none' },
      ],
    });
    const first = await applySeed(seed, { provider, store });
    expect(first.accounts.map((a) => [a.username, a.replaced])).toEqual([
      ['anna', false],
      ['bela', false],
    ]);
    const code = generateCode(RFC_SECRET, { clock });
    expect(await provider.login({ username: 'anna', password: PASSWORD, code })).toMatchObject({ ok: true });
    expect(await provider.accountStatus('bela')).toMatchObject({ locked: true });
    const again = await applySeed(seed, { provider, store });
    expect(again.accounts.map((a) => a.replaced)).toEqual([true, true]);
    expect(again.accounts[0]!.secret).toBe(RFC_SECRET);
    await expect(applySeed({ accounts: [null] } as never, { provider, store })).rejects.toThrow(
      'an account must be an object',
    );
  });
});
