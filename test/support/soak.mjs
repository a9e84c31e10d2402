// `npm run soak`: the FileStore crash loop and the fuzz tests for longer than `npm test` runs them.
// TOTP_LAB_SOAK_SECONDS sets the duration (default 300); TOTP_LAB_CRASH_SEED repeats a run.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const seconds = process.env.TOTP_LAB_SOAK_SECONDS ?? '300';
const result = spawnSync(process.execPath, [vitest, 'run', 'test/node/file-store-crash.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, TOTP_LAB_SOAK_SECONDS: seconds },
});
if (result.status !== 0) process.exit(result.status ?? 1);

// Then every hostile-input and fuzz test (parsers, images, export files, the HTTP API, every entry point), TOTP_LAB_FUZZ_SCALE (default 30) times as many runs as npm test.
const fuzz = spawnSync(
  process.execPath,
  [
    vitest,
    'run',
    '--testTimeout=3600000',
    'test/hostile/',
    'test/formats/hostile.test.ts',
    'test/server/hostile.test.ts',
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, TOTP_LAB_FUZZ_SCALE: process.env.TOTP_LAB_FUZZ_SCALE ?? '30' },
  },
);
process.exit(fuzz.status ?? 1);
