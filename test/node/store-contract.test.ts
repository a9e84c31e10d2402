import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { FileStore } from '../../src/node/index.js';
import { MemoryStore } from '../../src/sim/store.js';
import { storeContract } from '../support/store-contract.js';

describe('MemoryStore', () => {
  storeContract(async () => new MemoryStore());
});

describe('FileStore', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  storeContract(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'totp-lab-contract-'));
    dirs.push(dir);
    return new FileStore(join(dir, 'state.json'));
  });
});
