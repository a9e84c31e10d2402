// Every entry point of the built package typechecks from a consumer project under each module
// resolution TypeScript offers: node10 (typesVersions), node16 and nodenext (exports, from ES
// modules and CommonJS alike) and bundler. The consumer imports the package by name from a
// node_modules link, as an installed package is seen, and declarations are checked too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** One value each entry point exports, used with its type, so an entry typed as `any` fails. */
const SAMPLES = {
  '.': ['generateCode', "const a: string = generateCode('JBSWY3DPEHPK3PXP');"],
  './scenarios': ['SCENARIOS', 'const a: number = SCENARIOS.length;'],
  './testing': ['codeAt', "const a: string = codeAt('JBSWY3DPEHPK3PXP', 0);"],
  './qr': ['renderQr', 'const a: Function = renderQr;'],
  './node': ['FileStore', 'const a: Function = FileStore;'],
  './server': ['createProviderHandler', 'const a: Function = createProviderHandler;'],
  './browser': ['WebStorageStore', 'const a: Function = WebStorageStore;'],
};
const entries = Object.keys(pkg.exports).filter((entry) => entry !== './package.json');

const consumer = [
  ...entries.map((entry) => `import { ${SAMPLES[entry]?.[0]} } from '${join('totp-lab', entry)}';`),
  ...entries.map((entry, i) => `export const use${i} = () => { ${SAMPLES[entry]?.[1]} return a; };`),
  // A wrong argument must be an error: were the types lost to `any`, this directive would be unused.
  '// @ts-expect-error: generateCode takes a secret, not a number',
  'generateCode(42);',
  '',
].join('\n');

/** The settings to check, each with the consumer files it compiles. */
const SETTINGS = [
  { resolution: 'node10', module: 'commonjs', files: ['use.ts'] },
  { resolution: 'node16', module: 'node16', files: ['use.mts', 'use.cts'] },
  { resolution: 'nodenext', module: 'nodenext', files: ['use.mts', 'use.cts'] },
  { resolution: 'bundler', module: 'esnext', files: ['use.ts'] },
];

test('every entry point in package.json exports has a sample for this test', () => {
  assert.deepEqual(
    entries.filter((entry) => !(entry in SAMPLES)),
    [],
  );
  // node10 sees subpaths only through typesVersions.
  const mapped = Object.keys(pkg.typesVersions['*']);
  assert.deepEqual(
    entries.filter((entry) => entry !== '.' && !mapped.includes(entry.slice(2))),
    [],
  );
});

test('every entry point typechecks under node10, node16, nodenext and bundler resolution', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'totp-lab-types-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'totp-lab'), 'dir');
    for (const file of ['use.ts', 'use.mts', 'use.cts']) writeFileSync(join(dir, file), consumer);
    const failures = [];
    for (const { resolution, module, files } of SETTINGS) {
      const r = spawnSync(
        process.execPath,
        [
          tsc,
          '--noEmit',
          '--strict',
          '--target',
          'es2022',
          '--lib',
          'es2022,dom',
          '--module',
          module,
          '--moduleResolution',
          resolution,
          '--types',
          'node',
          '--typeRoots',
          join(root, 'node_modules', '@types'),
          ...files,
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      if (r.status !== 0) failures.push(`${resolution}: ${r.stdout}${r.stderr}`);
    }
    assert.deepEqual(failures, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
