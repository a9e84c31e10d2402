// SIGKILL at random moments must never lose an acknowledged update or leave a broken store.
// `npm run soak` runs the same loop for longer (TOTP_LAB_SOAK_SECONDS, default 300).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compileForChild } from '../support/compile-for-child.js';
import { runCrashLoop } from '../support/crash-loop.js';

const soakSeconds = Number(process.env.TOTP_LAB_SOAK_SECONDS ?? 0);
const seed = Number(process.env.TOTP_LAB_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
let root: string;
let compiled: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'totp-lab-crash-'));
  compiled = await compileForChild('node/file-store.ts', join(root, 'compiled'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

it(
  `FileStore keeps every acknowledged update through repeated SIGKILLs (seed ${seed})`,
  async () => {
    const stats = await runCrashLoop({
      compiled,
      storePath: join(root, 'data', 'state.json'),
      kills: soakSeconds > 0 ? Number.POSITIVE_INFINITY : 25,
      durationMs: soakSeconds > 0 ? soakSeconds * 1000 : 20_000,
      seed,
    });
    console.log(`crash loop: ${JSON.stringify(stats)}`);
    expect(stats.kills).toBeGreaterThanOrEqual(soakSeconds > 0 ? 1 : 10);
    expect(stats.acknowledged).toBeGreaterThan(0);
    // Kills land while the worker holds the lock far more often than not, so over this many
    // kills some must have left a lock for the next worker to recover.
    expect(stats.locksLeft).toBeGreaterThan(0);
  },
  soakSeconds > 0 ? soakSeconds * 1000 + 60_000 : 60_000,
);
