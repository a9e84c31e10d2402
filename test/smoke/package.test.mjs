// The package as npm would publish it, and the build scripts that a clone runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('the tarball holds no source maps, and holds SECURITY.md, README.md and LICENSE', { timeout: 120_000 }, () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = JSON.parse(r.stdout)[0].files.map((f) => f.path);
  assert.deepEqual(
    files.filter((f) => f.endsWith('.map')),
    [],
  );
  for (const file of ['SECURITY.md', 'README.md', 'LICENSE', 'dist/cli.js', 'dist/index.d.ts', 'dist/web/index.html'])
    assert.ok(files.includes(file), file);
});

test('isTotpLabError recognises errors from the ESM and the CJS build alike', async () => {
  const esm = await import('totp-lab');
  const cjs = require('totp-lab');
  let thrown;
  try {
    cjs.generateCode('not base32!');
  } catch (error) {
    thrown = error;
  }
  // Two copies of the class in one process: instanceof fails across them, the guard does not.
  assert.equal(thrown instanceof esm.TotpLabError, false);
  assert.equal(esm.isTotpLabError(thrown), true);
  assert.equal(cjs.isTotpLabError(thrown), true);
  assert.equal(esm.isTotpLabError(new Error('x')), false);
  assert.equal(esm.isTotpLabError({ code: 'INVALID_SECRET', name: 'TotpLabError' }), false);
});

test('npm run demo builds only the CLI and leaves dist/ complete', { timeout: 120_000 }, () => {
  assert.match(pkg.scripts.demo, /ensure-built\.mjs cli/);
  assert.doesNotMatch(pkg.scripts.demo, /tsup/);
  const before = statSync(join(root, 'dist', 'index.d.ts')).mtimeMs;
  const r = spawnSync(process.execPath, ['scripts/ensure-built.mjs', 'cli', '--force'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'web/index.html', 'web/app.js', 'cli.js'])
    assert.ok(existsSync(join(root, 'dist', file)), file);
  // The declarations were left alone (not rebuilt), and the rebuilt CLI works.
  assert.equal(statSync(join(root, 'dist', 'index.d.ts')).mtimeMs, before);
  const v = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--version'], { encoding: 'utf8' });
  assert.equal(v.stdout.trim(), pkg.version);
});

test('after npm run demo rebuilt the CLI, serve still finds the built page', { timeout: 60_000 }, async () => {
  // Commands load on demand from chunks; a chunk must find dist/web/ as cli.js does.
  const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'serve', '--port', '0'], { cwd: root });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise((resolve) => {
    child.on('exit', resolve);
    const wait = setInterval(() => {
      if (/Press Ctrl\+C/.test(out)) {
        clearInterval(wait);
        child.kill();
      }
    }, 50);
    child.on('exit', () => clearInterval(wait));
  });
  assert.match(out, /totp-lab browser demo: http:\/\/127\.0\.0\.1:\d+\//, `exit ${code}: ${out}`);
});

test(
  'examples/testing/login.sh runs from a clone as documented, with no totp-lab on the PATH',
  { timeout: 60_000 },
  () => {
    const PATH = [dirname(process.execPath), '/usr/bin', '/bin'].join(':');
    assert.notEqual(spawnSync('bash', ['-c', 'command -v totp-lab'], { env: { PATH } }).status, 0);
    const r = spawnSync('bash', ['examples/testing/login.sh'], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH, HOME: process.env.HOME ?? '/tmp' },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /login ok\n$/);
  },
);
