// Checks the built totp-lab/node entry as users get it: ESM import and CJS require.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

for (const [kind, load] of [
  ['ESM', () => import('totp-lab/node')],
  ['CJS', async () => require('totp-lab/node')],
]) {
  test(`${kind} build of totp-lab/node keeps state in a file and refuses a damaged one`, async () => {
    const { FileStore, StoreError } = await load();
    const dir = mkdtempSync(join(tmpdir(), 'totp-lab-smoke-'));
    try {
      const path = join(dir, 'state.json');
      const store = new FileStore(path);
      await Promise.all([1, 2, 3].map(() => store.update('n', (n) => (n ?? 0) + 1)));
      assert.equal(await new FileStore(path).get('n'), 3);
      assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), {
        format: 'totp-lab-store',
        version: 1,
        data: { n: 3 },
      });
      writeFileSync(path, '{"format":"totp-lab-store"');
      await assert.rejects(
        store.get('n'),
        (e) => e instanceof StoreError && e.code === 'STORE_ERROR' && e.message.includes(path),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
