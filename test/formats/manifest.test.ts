// Every export file written by a real app imports to exactly the accounts its manifest lists, via
// the library and via the CLI (`import FILE --json`, encrypted ones with --password-file).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat, readExport, WrongPasswordError, type KeyUri } from '../../src/index.js';
import { cli } from '../support/cli.js';
import { describeShared } from '../support/shared.js';
import { compareAccounts, EXPORTS_DIR, exportBytes, MANIFEST, readManifest } from './exports.js';

const dir = mkdtempSync(join(tmpdir(), 'totp-lab-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeShared("real apps' export files (manifest.json)", [MANIFEST], () => {
  const manifest = readManifest();

  it('lists files to check', () => {
    expect(manifest.files.length).toBeGreaterThanOrEqual(12);
  });

  for (const entry of manifest.files) {
    describe(entry.file, () => {
      it('is detected as a readable format, encrypted exactly when it has a password', () => {
        const found = detectFormat(exportBytes(entry.file));
        expect(found.readable).toBe(true);
        expect(found.encrypted).toBe(entry.password !== undefined);
      });

      it('reads to exactly the expected accounts through the library, skipping Steam by name', async () => {
        const read = await readExport(
          exportBytes(entry.file),
          entry.password === undefined ? {} : { password: entry.password },
        );
        expect(compareAccounts(read.accounts, entry.expected)).toEqual([]);
        const steam = entry.expected.filter((e) => e.optional);
        for (const s of steam) {
          if (!read.accounts.some((a) => a.secret === s.secret))
            expect(read.skipped.map((k) => k.reason).join()).toMatch(/Steam/);
        }
      });

      it('imports to exactly the expected accounts through the CLI (--json)', async () => {
        const args = ['import', join(EXPORTS_DIR, entry.file), '--json'];
        if (entry.password !== undefined) {
          const file = join(dir, `${entry.file}.password`);
          writeFileSync(file, `${entry.password}\n`);
          args.push('--password-file', file);
        }
        const { code, stdout, stderr } = await cli(...args);
        expect(stderr).toMatch(/^format: /m);
        expect(code).toBe(0);
        expect(compareAccounts(JSON.parse(stdout) as KeyUri[], entry.expected)).toEqual([]);
        if (entry.expected.some((e) => e.optional) || /otpauth:\/\/steam\//.test(entry.note ?? ''))
          expect(stderr).toMatch(/warning: skipped .*Steam/);
      });

      if (entry.password !== undefined) {
        it('refuses a wrong password, naming neither password', async () => {
          const error = await readExport(exportBytes(entry.file), { password: 'not-the-password' }).catch(
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(WrongPasswordError);
          expect(String((error as Error).message)).not.toMatch(/not-the-password|test/);
        });
      }
    });
  }
});
