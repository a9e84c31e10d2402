// The conformance data: files written by others than this project (other libraries' vectors, real
// apps' export files, a description of the real service) that sit in a `shared/` folder beside the
// project checkout. CI lays that folder there; a clone of its own has none. Tests that need it run
// where it is present, and where it is absent each says plainly what it skipped, as the PostgreSQL
// tests do, so `npm test` passes on a lone clone.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SHARED = new URL('../../../shared/', import.meta.url);

/** How the folder is named in messages: relative to the checkout, as a reader sees it. */
const shown = (name: string) => `../shared/${name}`;

/** The absolute path of `name` (such as `interop/key-uri-cases.json`) in the shared folder. */
export function sharedPath(name: string): string {
  return fileURLToPath(new URL(name, SHARED));
}

/** True when the shared folder is present and holds every one of `names` (the folder alone when none). */
export function hasShared(...names: string[]): boolean {
  return (names.length === 0 ? [''] : names).every((name) => existsSync(sharedPath(name)));
}

/** The text of `name` in the shared folder. */
export function readShared(name: string): string {
  return readFileSync(sharedPath(name), 'utf8');
}

/** Reads a JSON file from the shared interop data (`interop/<name>`). */
export function readInterop<T>(name: string): T {
  return JSON.parse(readShared(`interop/${name}`)) as T;
}

/**
 * `describe(title, body)` when the shared folder holds every file in `needs`. Otherwise one test in
 * its place that says which file is missing and that these tests were skipped; it fails should the
 * file be there after all. `body` runs only when the files are present, so it may read them while
 * the tests are collected.
 */
export function describeShared(title: string, needs: readonly string[], body: () => void): void {
  const missing = needs.filter((name) => !hasShared(name));
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  describe(`${title} (conformance data absent)`, () => {
    it(`is not tested: ${missing.map(shown).join(', ')} not found beside the checkout`, () => {
      console.warn(
        `Conformance tests SKIPPED: ${title}: ${missing.map(shown).join(', ')} not found (CI puts the shared folder beside the checkout)`,
      );
      expect(missing.filter((name) => hasShared(name))).toEqual([]);
    });
  });
}
