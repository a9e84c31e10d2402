// `npm run soak`: the FileStore crash loop for longer than `npm test` runs it.
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
process.exit(result.status ?? 1);
